"""Escape by construction (issue 15): one build of an edition whose every text holds markup,
quotes, ampersands, entity-encoded markup and a </title> (tests/fixtures/edition-payload).
Each value must reach every place it lands as the same literal text, read back by the
readers of that place: an HTML parser, JSON, XML, CSV, python-docx and pypdf."""
from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from tests.outputs.xlsx_read import workbook
from tests.conftest import ROOT, shared_build

FIXTURE = ROOT / "tests" / "fixtures" / "edition-payload"
EDITION = yaml.safe_load((FIXTURE / "edition.yml").read_text(encoding="utf-8"))
CASE = yaml.safe_load((FIXTURE / "local" / "cases" / "payload-case.yml").read_text(encoding="utf-8"))
NAME, SHORT = EDITION["name"]["fr"], EDITION["short_name"]["fr"]
ORG, FOOTER = EDITION["organisation"]["name"]["fr"], EDITION["footer"]["fr"]
TITLE, CITY = CASE["title"]["fr"], CASE["city"]["fr"]
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def pl_site() -> Path:
    return shared_build("payload", FIXTURE / "edition.yml",
                        SC_WORKSHEETS_CACHE=str(ROOT / ".cache" / "worksheets-fixture-payload"),
                        SC_GUIDE_PDF_HTML="{dir}/guide-{lang}.html")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def having(tree, cls: str, tag: str = "*") -> list:
    """Elements of `tag` whose class list holds `cls`."""
    return tree.xpath(f'.//{tag}[contains(concat(" ", normalize-space(@class), " "), " {cls} ")]')


def text(node) -> str:
    return " ".join("".join(node.itertext()).split())


def test_no_value_becomes_markup_in_any_page(pl_site):
    """No page holds an element, handler or link that a value brought in."""
    for path in pages(pl_site):
        tree = lxml_html.fromstring(path.read_bytes())
        where = path.relative_to(pl_site)
        for node in tree.iter():
            if not isinstance(node.tag, str):
                continue
            assert not node.tag.startswith("x-sc-"), (where, node.tag)
            assert node.tag not in ("iframe", "img") or "evil" not in (node.get("src") or ""), where
            for name, value in node.attrib.items():
                assert not name.startswith("on"), (where, node.tag, name)
                if name in ("href", "src", "action"):
                    assert not value.strip().lower().startswith(("javascript:", "data:text")), (where, value)
            if node.tag == "script":
                assert "alert(" not in (node.text or ""), where


def test_the_name_is_literal_in_title_header_and_attributes(pl_site):
    for path in pages(pl_site):
        tree = lxml_html.fromstring(path.read_bytes())
        [title] = tree.findall("./head/title")
        assert title.text == NAME or title.text.endswith(f" - {NAME}"), (path, title.text)
    page = lxml_html.fromstring((pl_site / "fr" / "phase-1" / "p1-s1-diagnosis.html").read_bytes())
    [logo] = having(having(page, "md-header")[0], "md-logo")
    assert logo.get("title") == NAME and logo.get("aria-label") == NAME
    assert NAME in text(having(page, "md-header__topic")[0])
    assert page.xpath('.//meta[@name="application-name"]')[0].get("content") == SHORT
    footer = text(having(page, "sc-footer")[0])
    assert " ".join(FOOTER.split()) in footer and " ".join(ORG.split()) in footer
    assert having(page, "sc-footer__edition")[0].find(".//a").get("href") == EDITION["organisation"]["url"]


def test_a_local_case_is_literal_in_its_page_and_the_navigation(pl_site):
    page = lxml_html.fromstring((pl_site / "fr" / "cases" / "payload-case.html").read_bytes())
    assert text(page.xpath(".//article//h1")[0]).removesuffix("¶").rstrip() == TITLE  # permalink
    assert text(having(page, "sc-casepage__summary")[0]).startswith("Résumé <x-sc-summary> <img src=x onerror=alert(1)>")
    story = having(page, "sc-casepage__story")[0]
    assert "Récit <x-sc-story> <script>alert(1)</script>." in text(story)
    assert "<iframe src=" in text(story)  # as text (its quotes made typographic by Markdown)
    links = {a.text: a.get("href") for a in story.iter("a")}
    assert links == {"lien sûr": "https://www.obrien.be/", "piège": None, "données": None}
    assert any(text(li) == "Fait <x-sc-fact> <b onclick=alert(1)>gras</b>" for li in having(page, "sc-case__facts")[0].iter("li"))
    assert CASE["quotes"][0]["attribution"] in text(having(page, "sc-quote")[0].find(".//figcaption"))
    # In the navigation of another page, under the case library.
    other = lxml_html.fromstring((pl_site / "fr" / "index.html").read_bytes())
    assert TITLE in [text(a) for a in having(other, "md-nav__link")]


def test_search_index_sitemap_and_json_in_pages(pl_site):
    index = json.loads((pl_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {html.unescape(doc["title"]) for doc in index["docs"]}  # Material shows titles as HTML
    assert TITLE in titles
    assert not any("<x-sc-" in doc["title"] for doc in index["docs"])
    etree.fromstring((pl_site / "fr" / "sitemap.xml").read_bytes())  # well-formed
    for path in pages(pl_site):
        for script in lxml_html.fromstring(path.read_bytes()).iter("script"):
            if script.get("type") == "application/json":
                json.loads(script.text)


def test_open_data_keeps_values_and_no_cell_is_a_formula(pl_site):
    cases = json.loads((pl_site / "fr" / "data" / "cases.json").read_text(encoding="utf-8"))
    [mine] = [c for c in cases["cases"] if c["id"] == "payload-case"]
    assert json.dumps(mine, ensure_ascii=False).count("<x-sc-city>") >= 1
    rows = list(csv.reader(io.StringIO((pl_site / "fr" / "data" / "cases.csv").read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))], "a cell a spreadsheet reads as a formula"
    assert "'" + CASE["themes"][0]["fr"] in cells
    # The workbook keeps the value itself, as a text cell, and holds no formula at all.
    raw = (pl_site / "fr" / "data" / "cases.xlsx").read_bytes()
    sheet = workbook(raw).worksheets[0]
    header = [c.value for c in sheet[1]]
    [row] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "payload-case"]
    theme, city = row[header.index("themes_fr")], row[header.index("city_fr")]
    assert (theme.data_type, theme.value) == ("s", CASE["themes"][0]["fr"]) and city.value == CITY
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/worksheets/") and re.search(rb"<f[ >]", z.read(n))]
    assert workbook(raw).properties.description.count("<x-sc-licence>") == 1  # the licence as text, escaped in XML


def test_documents_carry_the_name_as_text(pl_site):
    base = pl_site / "fr" / "downloads" / "worksheets"
    word = docx.Document(str(base / "p1-s1-diagnosis.fr.docx"))
    assert NAME in " ".join(p.text for p in word.sections[0].header.paragraphs)
    assert word.core_properties.author == ORG
    with zipfile.ZipFile(base / "p1-s1-diagnosis.fr.odt") as odt:
        styles = etree.fromstring(odt.read("styles.xml"))
    assert NAME in "".join(styles.itertext())
    sheet = PdfReader(base / "p1-s1-diagnosis.fr.pdf")
    assert sheet.metadata["/Author"] == ORG
    guide = PdfReader(pl_site / "fr" / "downloads" / f"{EDITION['id']}.fr.pdf")
    assert NAME in guide.metadata["/Title"]


def test_a_fork_with_an_address_publishes_its_cases_addresses_and_a_sitemap_of_the_shown_ones(pl_site, data):
    """The payload edition shows Chicago and its own case, and gives a site_url."""
    shown = {"chicago", "payload-case"}
    cases = json.loads((pl_site / "fr" / "data" / "cases.json").read_text(encoding="utf-8"))
    assert {c["id"]: c["url"] for c in cases["cases"]} == {
        case: {"fr": f"https://guide.obrien.be/fr/cases/{case}.html"} for case in shown}
    urls = re.findall(r"<loc>([^<]+)</loc>", (pl_site / "fr" / "sitemap.xml").read_text(encoding="utf-8"))
    assert urls and all(u.startswith("https://guide.obrien.be/fr/") for u in urls)
    assert {u.rsplit("/", 1)[1].removesuffix(".html") for u in urls if "/cases/" in u} == shown
    hidden = {c.id for c in data.cases} - shown
    assert not [u for u in urls for c in hidden if u.endswith(f"/cases/{c}.html")]
