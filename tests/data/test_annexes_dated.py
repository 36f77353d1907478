"""The annexes are dated (issue 19, part 4): each says, in a box from data, which year's
situation it describes, as the guide describes it, in every language, and cites its source;
the Smart Region annex tells its 2015-2017 set-up in the past tense."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartcity.pages.closing import ANNEXES, render_annex_dated
from smartcity.model.loader import load

LANGS = ("fr", "en")
PAGES = {"smart_region": "resources/smart-region-wallonia", "institute": "resources/smart-city-institute"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("annex", sorted(ANNEXES))
def test_the_dated_box_comes_from_data(data, annex, lang):
    dated = getattr(data, ANNEXES[annex]).dated
    html = render_annex_dated(data, lang, annex, PAGES[annex] + ".html")
    assert f'data-sc-dated="{dated.year}"' in html
    assert data.t("annex.dated.title", lang).replace("{year}", str(dated.year)) in html
    assert dated.situation(lang).split()[0] in html and str(dated.year) in dated.situation(lang)
    assert f'data-sc-cite="{" ".join(dated.sources)}"' in html


def test_an_unknown_annex_is_refused(data):
    with pytest.raises(ValueError, match="annex 'smartregion'"):
        render_annex_dated(data, "fr", "smartregion", "x.html")


def test_a_missing_date_names_the_file_and_field(data_copy):
    from tests.conftest import expect_data_error

    text = (data_copy / "smart_region.yml").read_text(encoding="utf-8")
    (data_copy / "smart_region.yml").write_text(text.replace("  year: 2017\n", "", 1), encoding="utf-8")
    expect_data_error(data_copy, "smart_region.yml", "field 'dated.year'")


def test_the_smart_region_data_is_in_the_past_tense(data):
    """The set-up the guide describes as current ("meets every month since", "each has") is told
    as what it was in 2017."""
    region = data.smart_region
    texts = [d.role(lang) for d in region.dimensions for lang in LANGS]
    texts += [a.note(lang) for a in region.approaches for lang in LANGS]
    for present in ("depuis décembre 2015", "Chacune a ", "since December 2015", "Each has ", "doit permettre",
                    "should let"):
        assert not any(present in text for text in texts), present


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("annex", sorted(ANNEXES))
def test_the_built_annex_opens_with_its_date(site, annex, lang):
    html = (Path(site) / lang / f"{PAGES[annex]}.html").read_text(encoding="utf-8")
    year = getattr(load(), ANNEXES[annex]).dated.year
    box = html.find(f'data-sc-dated="{year}"')
    assert box != -1
    first_section = re.search(r"<h2[ >]", html)
    assert first_section is None or box < first_section.start()  # read before anything it dates
