"""The guide PDF as readers see it (issue 17, parts 1 and 6): tagged and checked against the
Matterhorn subset, no near-empty page but a chapter's last, no heading or label ending a page,
a cover with the logo and the name whole, no link to a placeholder host. Both languages."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import html as lhtml
from pypdf import PdfReader

from smartcity.edition.identity import placeholder_host
from smartcity.edition.model import load_edition
from smartcity.outputs.guide_pdf.html import chapter_body
from tests.outputs.matterhorn import problems
from tests.outputs.pdf_layout import MM, pages
from tests.outputs.pdf_readers import pdftotext
from tests.outputs.test_guide_pdf import built, plain  # noqa: F401 (built: the fixture)
MARGIN_MM = 20  # top and bottom page margins of guide_pdf.css (@page)


@pytest.mark.build
def test_guide_pdf_passes_the_matterhorn_subset(built):
    lang, path, reader, _ = built
    assert problems(path) == [], f"{path.name}: {problems(path)[:8]}"
    xmp = reader.xmp_metadata
    raw = xmp.stream.get_data().decode("utf-8") if xmp else ""
    assert "pdfuaid" not in raw and "PDF/UA" not in raw, f"{path.name} claims PDF/UA"
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert plain(reader.metadata.title) == plain(load_edition().name(lang))


def _chapter_ends(reader: PdfReader, outline) -> set[int]:
    """1-based numbers of the pages a chapter (any bookmark) ends on: the page before the next
    bookmark's page, and the last page."""
    starts = {page for _, _, page in outline}  # 0-based index of a bookmark's page = number of the page before it
    return {s for s in starts if s > 0} | {len(reader.pages)}


@pytest.mark.build
def test_no_near_empty_page_but_a_chapters_last(built):
    """Text reaches at least a quarter of the way down the text area, except on the cover and on
    the last page of a chapter (a page a part title stands alone on is one too)."""
    _, path, reader, outline = built
    ends = _chapter_ends(reader, outline)
    low = [(p.number, round(p.fill(MARGIN_MM * MM, MARGIN_MM * MM), 2))
           for p in pages(path, MARGIN_MM, MARGIN_MM)[1:] if p.number not in ends]
    low = [(n, f) for n, f in low if f < 0.25]
    assert not low, f"{path.name}: near-empty pages (page, fill): {low}"


def _labels(site: Path, lang: str, data) -> set[str]:
    return _built_labels(site, lang) | {plain(data.t(k, lang)) for k in LABEL_KEYS}


@functools.lru_cache(maxsize=2)
def _built_labels(site: Path, lang: str) -> frozenset[str]:
    """Texts of the headings (h2-h6) and labels (dt, admonition titles, sc- item titles and
    labels) of every built page, worksheets aside (a field's label sits above its empty box):
    what must never end a page. A text that is also a table cell's or a link's is left out: a
    last row's cell, or a link under its label, may end a page."""
    labels, cells = set(), set()
    query = ("//article//*[(self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::dt"
             " or contains(@class, 'admonition-title') or contains(@class, '__title')"
             " or contains(@class, '__label') or contains(@class, '__theme'))"
             " and not(ancestor::*[contains(concat(' ', @class, ' '), ' sc-ws ')])]")
    for page in (site / lang).rglob("*.html"):
        root = lhtml.parse(str(page)).getroot()
        labels |= {plain(el.text_content().replace("¶", "")) for el in root.xpath(query)}
        cells |= {plain(el.text_content()) for el in root.xpath("//article//*[self::td or self::th or self::a]")}
    return frozenset(t for t in labels - cells if t)


LABEL_KEYS = ("impl.ptypes.caution", "mon.tool.caution", "mon.mech.tip")  # "Watch out", "Tip"


@pytest.mark.build
def test_no_page_ends_with_a_heading_or_label(built, site, data):
    lang, path, reader, outline = built
    labels = _labels(site, lang, data)
    assert {plain(data.t(k, lang)) for k in LABEL_KEYS} <= _built_labels(site, lang), "the pages' labels not found"
    # A chapter's last page ends with the chapter's last words, whatever they are (a part's
    # title page is one); the appendix's blank worksheets end with a field's empty box.
    skip = _chapter_ends(reader, outline) | set(range(_appendix_page(outline), len(reader.pages) + 1))
    stranded = [(p.number, p.last_block()) for p in pages(path, MARGIN_MM, MARGIN_MM)[1:]
                if p.number not in skip and p.last_block() in labels]
    assert not stranded, f"{path.name}: pages ending with a heading or label: {stranded[:10]}"


def _elements(reader: PdfReader):
    """Every structure element of the tree, depth first."""
    todo = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while todo:
        node = todo.pop()
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            obj = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(obj, dict) and "/S" in obj:
                yield obj
                todo.append(obj)


def _appendix_page(outline) -> int:
    """The number of the appendix's first page (its part is the last top-level bookmark)."""
    return max(page for depth, _, page in outline if depth == 0) + 1


@pytest.mark.build
def test_cover_has_the_logo_and_keeps_the_name_whole(built, data):
    lang, path, reader, _ = built
    edition = load_edition()
    alt = plain(data.t("ws.doc.logo_alt", lang).replace("{name}", edition.organisation.name(lang)))
    cover = reader.pages[0].indirect_reference.idnum
    figures = [plain(str(e["/Alt"])) for e in _elements(reader) if e.get("/S") == "/Figure" and "/Alt" in e
               and e.get("/Pg") is not None and e.raw_get("/Pg").idnum == cover]
    assert figures == [alt], f"the cover's figures: {figures}"
    name = plain(load_edition().name(lang)).split()
    lines = [plain(line) for line in pdftotext(path, first=1, last=1).splitlines() if plain(line)]
    together = " ".join(name[-2:])
    assert any(together in line for line in lines), f"{together!r} broken across lines: {lines}"
    assert not any(line == name[-1] for line in lines), "the name's last word alone on a line"


@pytest.mark.build
def test_no_link_to_a_placeholder_host(built):
    """The reference edition's site_url is under a reserved name: no link points there."""
    _, path, reader, _ = built
    uris = [a.get_object()["/A"].get("/URI", "") for page in reader.pages for a in page.get("/Annots", [])
            if "/A" in a.get_object()]
    host = load_edition().site_url.host
    assert placeholder_host(host)
    assert not [u for u in uris if host in str(u)], f"links to the placeholder {host}"


def test_decorative_icons_leave_the_print_page():
    """An icon hidden from assistive technology would be a Figure without Alt in the PDF."""
    markup = ('<p>a<svg xmlns="http://www.w3.org/2000/svg" class="sc-icon" aria-hidden="true"><path d="M0 0"/>'
              '</svg>b</p><svg xmlns="http://www.w3.org/2000/svg" role="img"><title>t</title></svg>')
    body, _ = chapter_body(markup, "a.html", "k", {}, None, "")
    assert "aria-hidden" not in body and "<p>ab</p>" in body and "<title>t</title>" in body
