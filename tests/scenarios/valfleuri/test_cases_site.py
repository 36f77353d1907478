"""The case library in the built site, both languages: every case in the explorer, on its
own page and in the exports; the Data page links every file; step cards link to their
case page; the nav lists every case page."""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest

from smartcity.outputs.open_data.library import case_title, key_figures, library_cases
from smartcity.outputs.open_data.export import FILES
from smartcity.model.loader import ROOT
from smartcity.edition.data import site_data
from tests.conftest import bundles, valfleuri_site

pytestmark = pytest.mark.build
LANGS = ("fr", "en")


@pytest.fixture(scope="module")
def shown():
    return site_data()  # what the edition publishes


def plain(html: str) -> str:
    """Text as written in data: entities decoded, French no-break spaces back to spaces."""
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ").replace("\u202f", " ")


def read(site, lang, path) -> str:
    return (site / lang / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_explorer_lists_every_case_with_a_link_to_its_page(site, shown, lang):
    html = read(site, lang, "resources/cases.html")
    listed = re.findall(r'<li class="sc-library__item" data-sc-case="([^"]+)"', html)
    assert listed == [c.id for c in library_cases(shown, lang)]
    for case in shown.cases:
        assert f'href="../cases/{case.id}.html"' in html
    # The explorer's script loads on demand on a page holding its selector (sc-load.js).
    table = json.loads(re.search(r"window\.scChunks=(\{.*?\});", bundles(site / lang, html)["js"]).group(1))
    assert "data-sc-filters" in html and table["sc-cases"]["when"] == "[data-sc-library]" and "data-sc-library" in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_case_has_its_page(site, shown, lang):
    for case in shown.cases:
        html = read(site, lang, f"cases/{case.id}.html")
        h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html).group(1)
        assert plain(h1) == case_title(case, lang), case.id
        assert plain(re.search(r"<title>(.*?)</title>", html).group(1)).startswith(case_title(case, lang))
        assert html.count('class="sc-stat"') == len(key_figures(shown, case)), case.id
        assert 'id="sc-similar"' in html and 'id="sc-source"' in html
        # Every step it illustrates links back to its card on that step page.
        for step_id in case.steps:
            target = re.search(r'href="\.\./([^"#]+)#sc-case-' + re.escape(case.id) + '"', html)
            assert target, (case.id, step_id)
            assert f'id="sc-case-{case.id}"' in read(site, lang, target.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_step_cards_link_to_the_case_page(site, shown, lang):
    page = read(site, lang, "phase-2/p2-s2c-financing.html")
    for case in shown.cases:
        if "p2-s2c" in case.steps:
            assert f'href="../cases/{case.id}.html"' in page, case.id


@pytest.mark.parametrize("lang", LANGS)
def test_nav_lists_every_case_page(site, shown, lang):
    html = read(site, lang, "resources/cases.html")
    nav = html.split('class="md-nav md-nav--primary')[1].split('class="md-content"')[0]
    for case in shown.cases:
        assert f'href="../cases/{case.id}.html"' in nav, case.id


@pytest.mark.parametrize("lang", LANGS)
def test_exports_are_published_and_match_the_data(site, shown, lang):
    folder = site / lang / "data"
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in cases["cases"]] == [c.id for c in library_cases(shown, "en")]
    for row in cases["cases"]:
        case = shown.get("case", row["id"])
        assert row["city"] == case.city.model_dump() and row["summary"] == case.summary.model_dump()
        assert set(row["url"]) == set(LANGS) and row["url"][lang].endswith(f"/{lang}/cases/{case.id}.html")
    rows = list(csv.DictReader(io.StringIO((folder / "cases.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [c["id"] for c in cases["cases"]]
    assert all(r["city_fr"] and r["city_en"] and r["summary_fr"] and r["summary_en"] for r in rows)
    schema = json.loads((folder / "cases.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == shown.t("data.cases_title", lang)
    checklist = json.loads((folder / "checklist.json").read_text(encoding="utf-8"))
    assert checklist["count"] == len(shown.checklist.items)
    assert json.loads((folder / "indicators.json").read_text(encoding="utf-8"))["citykeys"]["categories"]


@pytest.mark.parametrize("lang", LANGS)
def test_data_page_links_every_file_with_licence_and_fields(site, shown, lang):
    html = read(site, lang, "resources/data.html")
    for name in FILES:
        assert f'href="../data/{name}" download' in html, name
    assert 'class="sc-data-licence"' in html and 'class="sc-data-fields"' in html
    assert html.count("<code>population_band</code>") >= 2


FIXTURE = ROOT / "tests" / "fixtures" / "edition-valfleuri"


@pytest.fixture(scope="module")
def fork_site() -> Path:
    """The fixture edition (French only, three of the guide's cases and a local one), built
    once per run and shared with tests/scenarios/valfleuri/test_edition_build.py."""
    return valfleuri_site()


def test_a_forks_local_case_appears_first_everywhere(fork_site):
    local, kept = "val-fleuri-parking", ["bologna", "chicago", "santander"]
    explorer = read(fork_site, "fr", "resources/cases.html")
    assert re.findall(r'<li class="sc-library__item" data-sc-case="([^"]+)"', explorer) == [local, *kept]
    assert re.search(rf'data-sc-case="{local}"[^>]* data-local>', explorer)
    page = read(fork_site, "fr", f"cases/{local}.html")
    assert "Cas ajouté par cette édition du guide." in page
    nav = page.split('class="md-nav md-nav--primary')[1].split('class="md-content"')[0]
    assert re.findall(r'href="([a-z0-9-]+)\.html"', nav.split("resources/cases.html")[-1])[:4] == [local, *kept]
    step = read(fork_site, "fr", "phase-2/p2-s3-implementation.html")
    assert f'href="../cases/{local}.html"' in step
    assert sorted(p.stem for p in (fork_site / "fr" / "cases").glob("*.html")) == sorted([local, *kept])
    cases = json.loads(read(fork_site, "fr", "data/cases.json"))
    assert [c["id"] for c in cases["cases"]] == [local, *kept]
    assert cases["cases"][0]["local"] is True and cases["cases"][0]["source"] == {"guide": False}
    assert "url" not in cases["cases"][0]  # the fixture gives no site_url (the payload edition does)
    rows = list(csv.DictReader(io.StringIO(read(fork_site, "fr", "data/cases.csv").lstrip("\ufeff"), newline="")))
    assert rows[0]["id"] == local and rows[0]["local"] == "true" and "url_en" not in rows[0]  # French only
