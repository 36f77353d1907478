"""The whole guide as a PDF: its parts in isolation, then the built file of each language reopened."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import html as lhtml
from pypdf import PdfReader

from smartcity.outputs.guide_pdf import assemble as gp
from smartcity.edition.model import load_edition
from smartcity.outputs.guide_pdf.html import chapter_body, scoped_css, unstack_grids
from smartcity.outputs.worksheets.load import load_cached as load_sheets

LANGS = ("fr", "en")


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


# --- the outline, from a nav made of stand-ins for MkDocs' Page and Section ---

@dataclass
class File:
    src_uri: str


@dataclass
class Page:
    title: str
    src: str
    is_page: bool = True
    is_section: bool = False

    @property
    def file(self) -> File:
        return File(self.src)


@dataclass
class Section:
    title: str
    children: list = field(default_factory=list)
    is_page: bool = False
    is_section: bool = True


def test_outline_follows_the_nav():
    nav = [
        Page("Home", "index.md"),
        Section("Journey", [
            Page("How it works", "journey.md"),
            Section("Phase 1 · Planning", [
                Page("Planning", "phase-1/index.md"),
                Section("Four reflections", [Page("Four reflections", "phase-1/s2.md"), Page("Money", "phase-1/s2a.md")]),
            ]),
        ]),
        Section("About", [Page("Privacy", "about/privacy.md")]),
    ]
    entries = gp.outline(nav)
    assert [(e.title, e.level) for e in entries] == [
        ("Journey", 1), ("How it works", 2), ("Planning", 3), ("Four reflections", 3), ("Money", 4)]
    assert [(k.title, k.level) for k in entries[2].kicker] == [("Phase 1 · Planning", 2)]
    assert entries[0].src is None and entries[1].src == "journey.md"  # a part, then a chapter
    assert gp.page_links(entries)["phase-1/s2a.html"] == entries[-1].key


def test_chapter_links_ids_and_worksheet_forms():
    markup = (
        '<h1 id="top">Title<a class="headerlink" href="#top">¶</a></h1>'
        '<p>See <a href="../phase-1/index.html#why">why</a>, <a href="#top">above</a>, '
        '<a href="../resources/worksheets.html">the worksheets</a> and <a href="https://example.org/">a site</a>.</p>'
        '<div class="sc-ws" data-sc-ws="p1-s1"><h3 class="sc-ws__title">SWOT grid</h3><form><input id="x"></form>'
        '<button>Clear</button></div><p>After.</p><script>alert(1)</script>'
    )
    pages = {"phase-1/index.html": "p-phase-1--index", "intro/a.html": "p-intro--a"}
    body, title = chapter_body(markup, "intro/a.html", "p-intro--a", pages, "https://site.example/en/",
                               "Worksheet “{title}”: appendix, page {page}.")
    root = lhtml.fragment_fromstring(body, create_parent="div")
    assert title == "Title"
    assert root.xpath("//h1/@id") == ["p-intro--a--top"] and not root.xpath("//*[@class='headerlink']")
    assert root.xpath("//p[1]/a/@href") == [
        "#p-phase-1--index--why", "#p-intro--a--top", "https://site.example/en/resources/worksheets.html",
        "https://example.org/"]
    ref = root.xpath("//p[@class='sc-gp-wsref']")[0]
    assert plain(ref.text_content()) == "Worksheet “SWOT grid”: appendix, page ."
    assert ref.xpath("a/@href") == ["#ws-p1-s1"]
    assert not root.xpath("//form | //input | //button | //script") and "After." in body


def test_scoped_css_keeps_rules_and_drops_page_rules():
    css = '@page { size: A4; } html { font-size: 9pt; } h1, .kicker { color: red; } @font-face { font-family: X; }'
    out = scoped_css(css, ".sheet")
    assert ".sheet {" in out and ".sheet h1, .sheet .kicker {" in out
    assert "@page" not in out and "@font-face" not in out and "size: A4" not in out


def test_grids_stack_on_paper():
    """WeasyPrint drops grid items that do not fit on the page: grids become blocks."""
    css = (".md-typeset .sc-cases { display: grid; gap: 1rem; } .sc-other { display: flex; }"
           " @media screen { .sc-wide { display: grid; } } @media print { .sc-p { display: grid } }")
    out = unstack_grids(css)
    assert ".md-typeset .sc-cases,\n.sc-p { display: block !important; }" in out
    assert ".md-typeset .sc-cases > *" in out and "sc-other" not in out and "sc-wide" not in out


def test_size_text(data):
    assert gp.size_text(data, 512 * 1024, "en") == "512 KB"
    assert gp.size_text(data, int(1.45 * 1024 * 1024), "fr") == "1,4\u00a0Mo"
    assert gp.size_text(data, None, "en") == "?"


@dataclass
class Url:
    host: str

    def __str__(self) -> str:
        return f"https://{self.host}/"


@dataclass
class Ed:
    site_url: Url | None


def test_links_to_the_site_only_with_a_real_address():
    """A site_url under a reserved name (the reference edition's) gives no links to the site."""
    assert gp.site_address(Ed(Url("guide.val-fleuri.be")), "fr") == "https://guide.val-fleuri.be/fr/"
    for host in ("smart-city-guide.example.org", "guide.test", "example.com"):
        assert gp.site_address(Ed(Url(host)), "en") is None
    assert gp.site_address(Ed(None), "en") is None
    pages = {"intro/a.html": "p-intro--a"}
    markup = '<p><a href="../about/index.html">about</a></p>'
    body, _ = chapter_body(markup, "intro/a.html", "p-intro--a", pages, gp.site_address(Ed(Url("x.example")), "en"), "")
    assert "href" not in body and "about" in body
    body, _ = chapter_body(markup, "intro/a.html", "p-intro--a", pages, gp.site_address(Ed(Url("x.be")), "en"), "")
    assert 'href="https://x.be/en/about/index.html"' in body


def test_cover_title_keeps_its_last_two_words_together():
    assert gp.cover_title("Guide pratique de la Smart City") == "Guide pratique de la Smart\u00a0City"
    assert gp.cover_title("Guide") == "Guide"


# --- the built PDFs ---

def outline_of(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark."""
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, plain(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


@pytest.fixture(scope="module", params=LANGS)
def built(request, site):
    lang = request.param
    path = site / lang / gp.SUBDIR / gp.filename_for(load_edition(), lang)
    assert path.is_file(), f"{path} missing: the build makes it"
    reader = PdfReader(path)
    return lang, path, reader, outline_of(reader)


@pytest.mark.build
def test_home_page_links_the_pdf_with_its_size(built, site, data):
    lang, path, _, _ = built
    home = lhtml.parse(str(site / lang / "index.html")).getroot()
    links = home.xpath("//a[contains(@class, 'sc-gpdf__link')]")
    assert len(links) == 1 and links[0].get("href") == f"{gp.SUBDIR}/{path.name}"
    assert plain(gp.size_text(data, path.stat().st_size, lang)) in plain(links[0].text_content())


@pytest.mark.build
def test_pdf_has_a_cover_contents_and_many_pages(built, data):
    lang, _, reader, outline = built
    assert len(reader.pages) >= 60  # the printed guide had about 60; this one adds the appendix
    cover = plain(reader.pages[0].extract_text())
    assert plain(load_edition().name(lang)) in cover
    contents = plain(reader.pages[1].extract_text())
    assert plain(data.t("gpdf.toc", lang)) in contents
    first_title, first_page = next((t, p) for d, t, p in outline if d > 0)
    assert re.search(re.escape(first_title) + r"[ .]*" + str(first_page + 1) + r"\b", contents), \
        "the contents give each chapter's page number"


@pytest.mark.build
def test_outline_has_every_phase_and_step(built, data):
    lang, _, _, outline = built
    titles = {t for _, t, _ in outline}
    label = data.t("phase.label", lang)
    for phase in data.phases.phases:
        assert plain(f"{label.replace('{n}', str(phase.number))} · {phase.short(lang)}") in titles
        for step in phase.steps:
            for unit in (step, *step.parts):
                assert plain(unit.title(lang)) in titles, f"step {unit.id} not in the bookmarks"
    appendix = max(i for i, (d, _, _) in enumerate(outline) if d == 0)
    sheets = [t for d, t, _ in outline[appendix + 1:] if d == 1]
    assert len(sheets) == len(load_sheets(data)), "one bookmark per blank worksheet"


@pytest.mark.build
def test_first_and_last_chapters_are_in_the_pdf(built, site):
    lang, _, reader, outline = built
    first_title, first_page = next((t, p) for d, t, p in outline if d > 0)
    last_title, last_page = _last_chapter(outline)
    for title, page in ((first_title, first_page), (last_title, last_page)):
        assert plain(title) in plain(reader.pages[page].extract_text()), f"{title!r} not on page {page + 1}"
    intro = site / lang / "introduction" / "index.html"
    assert _h1(intro) == first_title
    words = " ".join(_first_paragraph(intro).split()[:6])
    assert words in plain(reader.pages[first_page].extract_text()), f"{words!r} not in the first chapter"


def _last_chapter(outline):
    """The last chapter before the appendix (its part is the last top-level bookmark)."""
    appendix = max(i for i, (d, _, _) in enumerate(outline) if d == 0)
    _, title, page = outline[appendix - 1]
    return title, page


def _h1(path: Path) -> str:
    return plain(lhtml.parse(str(path)).getroot().xpath("//article//h1")[0].text_content().replace("¶", ""))


def _first_paragraph(path: Path) -> str:
    return plain(lhtml.parse(str(path)).getroot().xpath("//article//h1/following::p[1]")[0].text_content())

