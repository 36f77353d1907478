"""The page language is decided in one place; numbers and French spacing follow each language."""
from __future__ import annotations

import pytest

from smartcity.render import fmt
from smartcity.core.lang import LanguageError, page_lang
from smartcity.core.typography import NBSP, NNBSP, french


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_page_lang_reads_the_theme_language(lang):
    assert page_lang({"theme": {"language": lang}}) == lang


@pytest.mark.parametrize("bad", [None, "de", "FR", ""])
def test_page_lang_refuses_other_languages(bad):
    with pytest.raises(LanguageError, match="theme.language"):
        page_lang({"theme": {"language": bad}})


def test_page_lang_of_real_configs():
    from mkdocs.config import load_config

    from scripts.site import config_file

    for lang in ("en", "fr"):
        assert page_lang(load_config(config_file=str(config_file(lang)))) == lang


@pytest.mark.parametrize(
    "value, lang, expected",
    [
        (7500, "fr", f"7{NNBSP}500"),
        (7500, "en", "7,500"),
        (521000, "en", "521,000"),
        (2.5, "fr", "2,5"),
        (2.5, "en", "2.5"),
        (1000000, "fr", f"1{NNBSP}000{NNBSP}000"),
        (-20, "en", "\u221220"),
        (500, "fr", "500"),
    ],
)
def test_number(value, lang, expected):
    assert fmt.number(value, lang) == expected


def test_figure_with_units(data):
    assert fmt.figure(data, 70, "percent", "fr") == f"70{NBSP}%"
    assert fmt.figure(data, 70, "percent", "en") == "70%"
    assert fmt.figure(data, 50, "million_eur", "en") == "€50 million"
    assert fmt.figure(data, 50, "million_eur", "fr") == f"50{NBSP}millions{NBSP}€"
    assert fmt.figure(data, 521000, "people", "en", approx=True) == "about 521,000 residents"
    assert fmt.figure(data, 2017, "year", "fr") == "2017"


def test_french_spacing_touches_text_only():
    html = '<p title="a : b">Oui : 70 % de « villes » ? 7 500 <code>x : y</code></p>'
    out = french(html)
    assert 'title="a : b"' in out and "<code>x : y</code>" in out
    assert f"Oui{NBSP}:" in out and f"70{NBSP}%" in out
    assert f"«{NNBSP}villes{NNBSP}»" in out and f"{NNBSP}?" in out and f"7{NNBSP}500" in out


def test_french_spacing_leaves_years_apart():
    assert french("<p>entre 2000 et 2050, 2016 2017</p>") == "<p>entre 2000 et 2050, 2016 2017</p>"
