"""A fixture edition built for real: another name, logo, colours, one language, a choice of cases
and a local case. Its pages and worksheets carry its brand and nothing of the reference
edition's; its offline zip opens from file:// with working navigation and search."""
from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from smartcity.outputs.bundle import minify_css
from smartcity.edition.model import apply, extra_dirs, load_edition
from smartcity.model.loader import load
from smartcity.edition.assets import palette_css
from tests.case_passages import fragment, html_words, pages, record, url_of, words
from smartcity.model.loader import load
from smartcity.model.traversal import ordered_units
from tests.conftest import ROOT, bundled, bundles, valfleuri_site
from tests.site.test_links import check_site

FIXTURE = ROOT / "tests" / "fixtures" / "edition-valfleuri"
REFERENCE = load_edition(ROOT / "edition" / "reference" / "edition.yml")
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def fx_site() -> Path:
    return valfleuri_site()  # built once per run, shared with tests/scenarios/valfleuri/test_cases_site.py


def header(html: str) -> str:
    match = re.search(r'<header class="md-header.*?</header>', html, re.S)
    assert match, "no Material header"
    return match.group(0)


def test_only_its_language_is_built_and_the_root_goes_straight_to_it(fx_site):
    assert (fx_site / "fr" / "index.html").is_file()
    assert not (fx_site / "en").exists()
    root = (fx_site / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=fr/index.html">' in root
    assert "navigator.languages" in root and 'hreflang="en"' not in root
    page = (fx_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "md-select" not in header(page), "a one-language edition has no language switcher"


def test_header_shows_its_brand_and_nothing_of_the_reference(fx_site):
    page = (fx_site / "fr" / "phase-1" / "p1-s1-diagnosis.html").read_text(encoding="utf-8")
    top = header(page)
    assert "Guide Smart City de Val-Fleuri" in top
    assert REFERENCE.name("fr") not in top and REFERENCE.name("en") not in top
    assert 'src="../assets/edition/logo.png"' in top
    # The logo is encoded again (no metadata, nothing appended), so its pixels are what is kept.
    shipped = (fx_site / "fr" / "assets" / "edition" / "logo.png").read_bytes()
    with Image.open(io.BytesIO(shipped)) as ours, Image.open(FIXTURE / "logo.png") as theirs:
        assert ours.convert("RGBA").tobytes() == theirs.convert("RGBA").tobytes()
    assert '<link rel="icon" href="../assets/edition/favicon.png">' in page
    assert '<meta name="application-name" content="Smart Val-Fleuri">' in page
    styles = bundles(fx_site / "fr", page)["css"]
    palette = minify_css("palette.css", palette_css(load_edition(FIXTURE / "edition.yml")))
    assert "--md-primary-fg-color:#1f5130" in palette and "--md-accent-fg-color:#8a1c5b" in palette
    assert REFERENCE.colours.primary not in palette and REFERENCE.colours.accent not in palette
    # The palette comes right after the base styles, whose reference colours it overrides.
    base = minify_css("sc-base.css", (ROOT / "overrides/assets/stylesheets/sc-base.css").read_text(encoding="utf-8"))
    assert styles.index(base) + len(base) + 1 == styles.index(palette)
    sources = bundled(fx_site / "fr", page, "css")
    assert sources.index("sc-base.css") + 1 == sources.index("palette.css")
    # The whole-guide PDF is drawn in the edition's colours too.
    print_page = (fx_site.parent / "guide-fr.html").read_text(encoding="utf-8")
    assert palette_css(load_edition(FIXTURE / "edition.yml")) in print_page


def test_home_line_footer_and_credits(fx_site):
    home = (fx_site / "fr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="sc-edition-line"><strong>Guide Smart City de Val-Fleuri</strong>.*Commune de Val-Fleuri', home)
    footer = home[home.index('class="md-copyright sc-footer"'):]
    for text in ("Une initiative du service Stratégie et Innovation de Val-Fleuri.", "smartcity@val-fleuri.example",
                 "Textes de Val-Fleuri sous licence CC BY 4.0.", "Guide pratique de la Smart City",
                 "Smart City Institute", "projet Smart City Guide"):
        assert text in footer, text
    about = (fx_site / "fr" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="sc-credits"' in about and "Commune de Val-Fleuri" in about


def test_cases_are_the_ones_it_shows_with_its_local_case_first(fx_site):
    step = (fx_site / "fr" / "phase-2" / "p2-s3-implementation.html").read_text(encoding="utf-8")
    shown = re.findall(r'<article class="sc-case" id="sc-case-([a-z0-9-]+)"', step)
    assert shown[0] == "val-fleuri-parking" and set(shown) == {"val-fleuri-parking", "santander", "bologna"}
    hidden = {"malmo", "barcelona", "montreal", "st-albert", "the-hague"}
    for page in (fx_site / "fr").rglob("*.html"):
        cards = set(re.findall(r'data-sc-case="([a-z0-9-]+)"', page.read_text(encoding="utf-8")))
        assert not cards & hidden, f"{page}: {cards & hidden}"
    assert (fx_site / "fr" / "cases" / "val-fleuri-parking.html").is_file()
    assert not (fx_site / "fr" / "cases" / "malmo.html").exists()


def test_no_broken_internal_link_once_cases_are_hidden(fx_site):
    report = check_site(fx_site, "https://guide.val-fleuri.example/")
    assert report.checked > 100
    assert not report.broken, "\n".join(report.broken[:20])


def test_without_an_address_the_build_leaves_out_what_needs_one(fx_site):
    """The fixture gives no site_url: nothing absolute is made up, the rest is all there."""
    assert load_edition(FIXTURE / "edition.yml").site_url is None
    assert not list(fx_site.rglob("sitemap.xml*"))
    root = (fx_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in root
    for page in [fx_site / "fr" / "index.html", fx_site / "fr" / "phase-1" / "p1-s1-diagnosis.html"]:
        html = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html and "None" not in re.findall(r'<link[^>]*>', html).__str__()
    cases = json.loads((fx_site / "fr" / "data" / "cases.json").read_text(encoding="utf-8"))
    assert cases["cases"] and all("url" not in c for c in cases["cases"])
    rows = list(csv.DictReader(io.StringIO((fx_site / "fr" / "data" / "cases.csv").read_text(encoding="utf-8-sig"))))
    assert rows and all(not row.get("url_fr") for row in rows)
    # The reference guide PDF links to the site's pages it does not hold; without an address, the words stay, unlinked.
    guide = PdfReader(next((fx_site / "fr" / "downloads").glob("*.fr.pdf")))
    uris = [a.get_object()["/A"].get("/URI") for p in guide.pages for a in (p.get("/Annots") or [])
            if "/A" in a.get_object()]
    edition = load_edition(FIXTURE / "edition.yml")
    org = edition.organisation
    data = apply(load(extra_dirs=extra_dirs(edition), languages=edition.languages), edition, edition._path)
    # Besides the organisation, only the sources each chapter lists (data/references/ and the edition's own).
    sources = {str(u) for ref in data.index["reference"].values() for u in (ref.url, ref.eli) if u}
    linked = {u for u in uris if u}
    assert linked - sources == {str(org.url), f"mailto:{org.email}"}, "only the organisation and the sources"
    assert linked & sources, "the chapters' sources are linked"
    assert "cases.json" in "".join(p.extract_text() for p in guide.pages)
    assert "Commune de Val-Fleuri" in PdfReader(fx_site / "fr" / "downloads" / "worksheets" / "p1-s1-diagnosis.fr.pdf").pages[0].extract_text()


def test_worksheets_carry_its_name_and_logo(fx_site):
    form = (fx_site / "fr" / "phase-1" / "p1-s1-diagnosis.html").read_text(encoding="utf-8")
    assert 'data-sc-ns="sc:val-fleuri"' in form, "answers are stored under the edition's own namespace"
    folder = fx_site / "fr" / "downloads" / "worksheets"
    pdf = PdfReader(folder / "p1-s1-diagnosis.fr.pdf")
    text = pdf.pages[0].extract_text()
    assert "Guide Smart City de Val-Fleuri" in text and REFERENCE.name("en") not in text
    assert len(pdf.pages[0].images) >= 1, "no logo in the PDF header"
    with zipfile.ZipFile(folder / "p1-s1-diagnosis.fr.docx") as docx:
        head = "".join(docx.read(n).decode() for n in docx.namelist() if n.startswith("word/header"))
        assert "Guide Smart City de Val-Fleuri" in head and "r:embed" in head
        assert any(n.startswith("word/media/") for n in docx.namelist())
    with zipfile.ZipFile(folder / "p1-s1-diagnosis.fr.odt") as odt:
        styles = odt.read("styles.xml").decode()
        assert "Guide Smart City de Val-Fleuri" in styles and "<draw:image" in styles
        assert any(n.startswith("Pictures/") for n in odt.namelist())


def test_zip_is_the_whole_site_without_itself(fx_site):
    archive = fx_site / "val-fleuri.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert "val-fleuri/index.html" in names and "val-fleuri/fr/search/search_index.js" in names
    assert not any(n.endswith(".zip") for n in names)
    on_disk = {f"val-fleuri/{p.relative_to(fx_site).as_posix()}" for p in fx_site.rglob("*")
               if p.is_file() and p != archive}
    assert set(names) == on_disk


@pytest.mark.browser
def test_zip_opens_from_file_with_navigation_and_search(fx_site, browser, tmp_path):
    with zipfile.ZipFile(fx_site / "val-fleuri.zip") as archive:
        archive.extractall(tmp_path)
    context = browser.new_context(locale="fr-BE")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    try:
        tab.goto((tmp_path / "val-fleuri" / "index.html").as_uri())
        tab.wait_for_url("**/val-fleuri/fr/index.html")
        assert tab.title().endswith("Guide Smart City de Val-Fleuri")
        background = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert background == "rgb(31, 81, 48)"  # #1f5130, the edition's primary
        # Navigation: a tab of the header, then a link in the page.
        tab.click(".md-tabs__link >> text=Introduction")
        tab.wait_for_url("**/fr/introduction/index.html")
        assert tab.locator("h1").first.inner_text()
        # Search runs from the file system too (Material's offline plugin inlines the index).
        tab.click(".md-search__input")
        tab.keyboard.type("Santander")
        tab.wait_for_selector(".md-search-result__item", timeout=30000)
        first = tab.locator(".md-search-result__item a").first
        href = first.get_attribute("href")
        first.click()
        tab.wait_for_load_state()
        assert tab.url.startswith("file://") and "Santander" in tab.content(), href
        assert not errors, errors
    finally:
        context.close()


# ---------------------------------------------------------------- hidden means hidden (issue 15, part 10)

FX_SHOWN = {"chicago", "santander", "bologna", "val-fleuri-parking"}


def fx_hidden(data) -> set[str]:
    return set(data.index["case"]) - FX_SHOWN


def marked_passages(lang: str):
    """(built page path, block, its prose) for every passage marked for cases in docs/<lang>/."""
    for path in pages(lang):
        for block in record(lang, path)[1]:
            piece = fragment(block.text)
            if piece:
                yield Path(lang) / url_of(lang, path), block, piece


def test_no_page_or_search_entry_links_to_a_hidden_case(fx_site, data):
    hidden = fx_hidden(data)
    assert {"malmo", "barcelona", "sabadell", "pays-de-l-or", "citykeys"} <= hidden
    links = re.compile(r'href="([^"]*)"')
    for page in (fx_site / "fr").rglob("*.html"):
        for href in links.findall(page.read_text(encoding="utf-8")):
            for case_id in hidden:
                assert not re.search(rf"(^|/)cases/{case_id}\.html|#sc-case-{case_id}$", href), f"{page}: {href}"
    index = json.loads((fx_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        for case_id in hidden:
            assert not entry["location"].startswith(f"cases/{case_id}.html"), entry["location"]
            assert f"sc-case-{case_id}" not in entry["location"], entry["location"]


def test_open_data_carries_no_hidden_case(fx_site, data):
    hidden = fx_hidden(data)
    exported = json.loads((fx_site / "fr" / "data" / "cases.json").read_text(encoding="utf-8"))
    assert {c["id"] for c in exported["cases"]} == FX_SHOWN
    with (fx_site / "fr" / "data" / "cases.csv").open(encoding="utf-8-sig", newline="") as rows:
        assert {row["id"] for row in csv.DictReader(rows)} == FX_SHOWN
    indicators = json.loads((fx_site / "fr" / "data" / "indicators.json").read_text(encoding="utf-8"))
    assert not {s["case"] for s in indicators["indicator_sets"]} & hidden
    # The sitemap: tests/scenarios/valfleuri/test_cases_site.py, whose build of this edition has an address.


def test_passages_marked_for_hidden_cases_are_gone_from_pages_search_and_pdf(fx_site, data):
    """Found through the macros (tests/case_passages.py): each marked passage's prose."""
    index = json.loads((fx_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    searched = words(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", e["text"] + " " + e["title"]))
                              for e in index["docs"]))
    printed = html_words((fx_site.parent / "guide-fr.html").read_text(encoding="utf-8"))
    problems, gone, kept = [], 0, 0
    for built, block, piece in marked_passages("fr"):
        shown = block.visible(FX_SHOWN)
        gone, kept = gone + (not shown), kept + shown
        text = html_words((fx_site / built).read_text(encoding="utf-8"))
        for where, found in (("page", text), ("search", searched), ("PDF", printed)):
            if (piece in found) != shown:
                problems.append(f"{built} ({where}): {block.mode}{block.ids} {'missing' if shown else 'still there'}: {piece!r}")
    assert gone > 30 and kept > 10, (gone, kept)
    assert not problems, "\n".join(problems[:30])


def test_data_that_names_a_hidden_case_leaves_it_out(fx_site):
    financing = (fx_site / "fr" / "phase-2" / "p2-s2c-financing.html").read_text(encoding="utf-8")
    refs = set(re.findall(r'data-sc-case-ref="([a-z0-9-]+)"', financing))
    assert refs == set(), refs  # every example there is a hidden case (Barcelona, Malmö, Sabadell, Skopje)
    assert "sc-bm__examples" not in financing
    glossary = (fx_site / "fr" / "resources" / "glossary.html").read_text(encoding="utf-8")
    pmo = re.search(r'id="term-pmo".*?</dd>', glossary, re.S)
    assert pmo and "selon une stratégie commune." in pmo.group(0)
    assert "Barcelone" not in pmo.group(0)  # the definition's example tells the Barcelona case


def test_the_reference_build_shows_every_marked_passage(site):
    missing = [f"{built}: {block.mode}{block.ids}: {piece!r}"
               for lang in ("fr", "en") for built, block, piece in marked_passages(lang)
               if piece not in html_words((site / built).read_text(encoding="utf-8"))]
    assert not missing, "\n".join(missing[:30])
def english_texts() -> set[str]:
    """Every English text of the guide's data long enough to be told apart from a name."""
    from pydantic import BaseModel

    from smartcity.model.loader import load
    from smartcity.model.schemas.base import Text

    found: set[str] = set()

    def walk(value):
        if isinstance(value, Text):
            if value.en and value.en != value.fr and len(value.en) >= 20:
                found.add(value.en)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    data = load()
    walk([value for name, value in vars(data).items() if name not in ("index", "origin")])
    walk(list(data.index["ui"].values()))
    return found


def json_keys(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", key
            yield from json_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from json_keys(item, f"{path}[{i}]")


def test_open_data_carries_french_only_with_its_french_only_case(fx_site):
    folder = fx_site / "fr" / "data"
    for path in sorted(folder.glob("*.json")):
        english = [where for where, key in json_keys(json.loads(path.read_text(encoding="utf-8"))) if key == "en"]
        assert not english, (path.name, english[:5])
    schema = json.loads((folder / "cases.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["Text"]["properties"].keys() == {"fr"} and schema["$defs"]["Text"]["required"] == ["fr"]
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))["cases"]
    assert [c["id"] for c in cases] == ["val-fleuri-parking", "bologna", "chicago", "santander"]
    assert cases[0]["summary"] == {"fr": "Val-Fleuri teste des capteurs de stationnement sur la place du marché "
                                         "avant de décider d’en équiper tout le centre."}
    rows = list(csv.DictReader(io.StringIO((folder / "cases.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [c["id"] for c in cases]
    assert "summary_fr" in rows[0] and not [c for c in rows[0] if c.endswith("_en")], list(rows[0])
    data_page = (fx_site / "fr" / "resources" / "data.html").read_text(encoding="utf-8")
    assert "<code>summary_fr</code>" in data_page and "_en</code>" not in data_page
    assert "en français (fr)" in html.unescape(data_page).replace("\u202f", " ")


def test_no_english_text_in_its_pages_search_index_or_data(fx_site):
    """Not one English text of the guide in the French-only site: pages, search, open data."""
    probes = english_texts()
    assert len(probes) > 500
    index = json.loads((fx_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    searched = "\n".join(html.unescape(f"{doc['title']}\n{doc['text']}") for doc in index["docs"])
    assert "Val-Fleuri teste des capteurs" in searched
    leaks = {}
    texts = {"search": searched}
    for path in sorted((fx_site / "fr").rglob("*")):
        if path.suffix in (".html", ".json", ".csv", ".xml", ".js") and "assets" not in path.parts:
            texts[str(path.relative_to(fx_site))] = html.unescape(path.read_text(encoding="utf-8-sig"))
    texts["index.html"] = html.unescape((fx_site / "index.html").read_text(encoding="utf-8"))
    for name, text in texts.items():
        if name.endswith(".html"):
            assert not re.search(r'\blang="en|hreflang="en', text), name
        found = [probe for probe in probes if probe in text]
        if found:
            leaks[name] = found[:3]
    assert not leaks, leaks


# Last in this file: it builds the edition again over fx_site, and fails at the very end.
LATE_ZIP_FAILURE = """
import sys
import scripts.site
from scripts.build import main

def no_space(*args, **kwargs):
    raise OSError(28, "No space left on device")

scripts.site.make_zip = no_space
sys.exit(main(sys.argv[1:]))
"""


def test_passages_about_the_other_language_go_in_a_one_language_edition(fx_site, site):
    """{% call if_languages() %}: the introduction's word on the language switcher."""
    said = "le sélecteur de langue"
    assert said in (site / "fr" / "introduction" / "index.html").read_text(encoding="utf-8")
    page = (fx_site / "fr" / "introduction" / "index.html").read_text(encoding="utf-8")
    assert said not in page and "sc-hidden" not in page and "Par où commencer" in page


def test_a_step_whose_cases_are_all_hidden_says_so_under_its_heading(fx_site, data):
    """The "cases" heading of a step the edition shows no case of leads to a sentence and the library."""
    shown = {c.id for c in data.cases} & {"chicago", "santander", "bologna"}
    step = next(s for _, _, s in ordered_units(data) if s.id == "p0-s4")
    assert not {c.id for c in data.cases if "p0-s4" in c.steps} & shown, "pick a step with no shown case"
    page = (fx_site / "fr" / "phase-0" / f"{step.slug}.html").read_text(encoding="utf-8")
    cases = page.split('id="sc-cases"', 1)[1].split("<h2", 1)[0]
    assert 'class="sc-cases-none"' in cases and 'href="../resources/cases.html"' in cases
    assert "ne présente ici aucune de ses études de cas" in cases
    assert 'class="sc-case"' not in cases


def test_a_build_failing_at_its_last_stage_leaves_the_previous_site(fx_site):
    """Every page built for real, then the zip fails: the site and zip built before stay, byte for byte."""
    from tests.plugin.test_atomic_build import tree_hash

    before = tree_hash(fx_site)
    env = {**os.environ, "SC_EDITION": str(FIXTURE / "edition.yml"),
           "SC_WORKSHEETS_CACHE": str(ROOT / ".cache" / "worksheets-fixture-val-fleuri"),
           "SC_GUIDE_PDF_HTML": str(fx_site.parent / "guide-{lang}.html")}
    done = subprocess.run([sys.executable, "-c", LATE_ZIP_FAILURE, "--site-dir", str(fx_site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 1, done.stdout + done.stderr[-3000:]
    assert "No space left on device" in done.stderr
    assert f"The previous site in {fx_site} was left untouched." in done.stderr
    assert tree_hash(fx_site) == before
    assert sorted(p.name for p in fx_site.parent.iterdir() if p.name.startswith("site")) == ["site"]
