"""The page language is decided in one place; numbers and spacing follow each language as
data/languages.yml declares it, and each declared language has its build config."""
from __future__ import annotations

import pytest

from smartcity.render import fmt
from smartcity.core.lang import LanguageError, page_lang
from smartcity.core.typography import NBSP, NNBSP
from smartcity.model.loader import read_languages

DECLARED = read_languages().codes


def french(html):
    return read_languages().of("fr").typeset(html)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_page_lang_reads_the_theme_language(lang):
    assert page_lang({"theme": {"language": lang}}, DECLARED) == lang


@pytest.mark.parametrize("bad", [None, "de", "FR", ""])
def test_page_lang_refuses_other_languages(bad):
    with pytest.raises(LanguageError, match="theme.language"):
        page_lang({"theme": {"language": bad}}, DECLARED)


def test_every_declared_language_has_a_config_that_matches_it():
    """config/<code>.yml sets the build's language and the search plugin's stemmer as declared."""
    from mkdocs.config import load_config

    from scripts.site import config_file

    for language in read_languages().languages:
        config = load_config(config_file=str(config_file(language.code)))
        assert page_lang(config, DECLARED) == language.code
        assert list(config.plugins["material/search"].config["lang"]) == [language.search], language.code


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
def test_number(data, value, lang, expected):
    assert fmt.number(data, value, lang) == expected


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


def test_french_spacing_crosses_inline_tags():
    """After bold text, a link or an abbreviation, the space before : ; ! ? still holds
    (issue 19: 31 such spaces on 13 French pages broke)."""
    out = french('<p><strong>Coût</strong> : élevé ; <a href="x">lien</a> ? <abbr title="t">PST</abbr> ; '
                 '<em>vite</em> !</p>\n<p> : début</p>')
    assert f"</strong>{NBSP}:" in out and f"</a>{NNBSP}?" in out and f"</abbr>{NNBSP};" in out
    assert f"</em>{NNBSP}!" in out
    assert "<p> : début</p>" in out, "a space that opens a paragraph follows no word"


def test_french_spacing_after_inline_code():
    """Inline code reads as a word: "le dossier <code>site/</code> :" keeps its colon. A block
    of code does not: a colon that opens the next line follows no word."""
    out = french("<p>le dossier <code>site/</code> : copiez-le ; <kbd>Ctrl</kbd> ?</p><pre>a</pre>\n: b")
    assert f"</code>{NBSP}: copiez" in out and f"</kbd>{NNBSP}?" in out
    assert out.endswith("</pre>\n: b")


def test_french_spacing_is_idempotent():
    """The build typesets a page's content, then the whole page around it (nav, table of
    contents, title): a second pass must leave the first one's spaces as they are."""
    once = french("<p>« Oui » : 70 % ; 7 500 ? <strong>Coût</strong> : <code>x</code> !</p>")
    assert french(once) == once


def test_french_spacing_leaves_years_apart():
    assert french("<p>entre 2000 et 2050, 2016 2017</p>") == "<p>entre 2000 et 2050, 2016 2017</p>"


def test_a_language_without_spacing_rules_is_left_as_typed():
    english = read_languages().of("en")
    html = "<p>Yes : 70 % of « cities » ? 7 500</p>"
    assert english.typeset(html) == html and english.typeset_text("a ; b") == "a ; b"


def test_the_words_kept_with_their_number_are_the_declarations():
    french_ = read_languages().of("fr")
    assert french_.typeset_text("12 ans") == f"12{NBSP}ans"
    assert french_.typography.model_copy(update={"unit_words": ()}) != french_.typography
    assert read_languages().of("en").typeset_text("12 ans") == "12 ans"
