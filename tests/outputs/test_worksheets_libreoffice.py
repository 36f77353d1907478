"""The DOCX and ODT as LibreOffice lays them out (issue 17, part 4): each converted to PDF
headless, then read with poppler. A bounded page count, every word of the worksheet's own
labels whole (a too-narrow column breaks them), list numbers followed by a space, the header
clear of the text on every page, no heading or hint left alone at a page foot, and boxes that
stay boxes. A few worksheets, chosen from the data, in both languages; one soffice call per
kind of conversion for them all."""
from __future__ import annotations

import re
import zipfile

import pytest
from pypdf import PdfReader

from smartcity.outputs.worksheets import odt, pdf, word
from smartcity.outputs.worksheets.fonts import subset_fonts
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import view
from tests.outputs import pdf_readers
from tests.outputs.labels import office_places, options, own_words, words
from tests.outputs.libreoffice import convert_all

LANGS = ("fr", "en")
FORMATS = ("docx", "odt")
CLEAR_PT = 8.5  # 3 mm between the header's line and the text below it
BOX = "\u2610"
# One worker runs this module (make test: --dist loadgroup), so the conversions are made once.
pytestmark = pytest.mark.xdist_group("libreoffice")


def chosen(data) -> list:
    """The first worksheet, and those with the most questions, the most answer places, the most
    boxes, the widest table."""
    views = [view(data, s, "en") for s in load_worksheets(data).values()]
    fields = lambda v: [f for s in v.sections for f in s.fields]  # noqa: E731
    picks = [views[0], max(views, key=lambda v: len(fields(v))), max(views, key=lambda v: len(office_places(v))),
             max(views, key=options), max(views, key=lambda v: max([len(f.columns) for f in fields(v)], default=0))]
    return sorted({v.id for v in picks})


@pytest.fixture(scope="session")
def converted(data, tmp_path_factory):
    """{(sheet, lang, fmt): (view, the PDF LibreOffice made)}, the worksheet PDFs (WeasyPrint) and
    the DOCX files saved by LibreOffice as ODT (to see what it made of their checkboxes)."""
    folder = tmp_path_factory.mktemp("libreoffice")
    fonts = subset_fonts(folder / "fonts")
    sheets = load_worksheets(data)
    made, sources, reference = {}, {fmt: [] for fmt in FORMATS}, {}
    for id_ in chosen(data):
        for lang in LANGS:
            v = view(data, sheets[id_], lang)
            for fmt, writer in (("docx", word.write), ("odt", odt.write)):
                writer(v, folder / v.filename(fmt))
                sources[fmt].append(folder / v.filename(fmt))
                made[(id_, lang, fmt)] = v
            pdf.write(v, folder / v.filename("pdf"), fonts)
            reference[(id_, lang)] = folder / v.filename("pdf")
    keys = {fmt: [k for k in made if k[2] == fmt] for fmt in FORMATS}  # in the order of sources[fmt]
    out = {k: (made[k], p) for fmt in FORMATS
           for k, p in zip(keys[fmt], convert_all(sources[fmt], "pdf", folder / f"{fmt}-pdf"))}
    reopened = dict(zip(keys["docx"], convert_all(sources["docx"], "odt", folder / "docx-odt")))
    return {"pdf": out, "reference": reference, "reopened": reopened, "folder": folder}


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pages_are_bounded(converted):
    """At least one page, and at most one more than the worksheet's own PDF takes."""
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        pages = len(PdfReader(path).pages)
        most = len(PdfReader(converted["reference"][(id_, lang)]).pages) + 1
        assert 1 <= pages <= most, f"{path.parent.name}/{path.name}: {pages} pages, at most {most}"


def test_every_word_of_the_worksheet_is_there_whole(converted):
    """A column narrower than a header's word breaks it in two ("Responsab le"), and the word is lost."""
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        missing = words(" ".join(own_words(v))) - words(pdf_readers.pdftotext(path))
        assert not missing, f"{fmt} {path.name} lacks {sorted(missing)[:8]}"


def test_list_numbers_are_followed_by_a_space(converted):
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        text = flat(pdf_readers.pdftotext(path))
        for n, line in enumerate(v.instructions, 1):
            first = line.split()[0]
            assert f"{n}. {first}" in text, f"{fmt} {path.name}: instruction {n} not as '{n}. {first}'"


def _header_and_footer(v, page):
    """The header's name line, and where the footer starts, on one page."""
    head = next((line for line in page if flat(line.text) == flat(v.header.name)), None)
    label = re.escape(v.labels["doc.page"]).replace(re.escape("{n}"), r"\d+").replace(re.escape("{total}"), r"\d+")
    # The page's last lines: the publisher, beside the page numbers (DOCX) or above them (ODT).
    lowest = max((line.top for line in page), default=0)
    feet = [line.top for line in page if line.top > lowest - 30 and flat(line.text)
            and (re.search(label, line.text) or flat(line.text) in flat(v.footer()))]
    return head, min(feet, default=None)


def test_the_header_stands_clear_of_the_text_on_every_page(converted):
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        for n, page in enumerate(pdf_readers.lines(path), 1):
            head, _ = _header_and_footer(v, page)
            assert head is not None, f"{fmt} {path.name} page {n}: no header"
            below = [line.top for line in page if line.top > head.top + 1]
            gap = min(below) - head.bottom
            assert gap >= CLEAR_PT, f"{fmt} {path.name} page {n}: the text is {gap:.1f} pt under the header"


def test_no_heading_or_hint_is_left_at_a_page_foot(converted, tmp_path):
    """When a page's last line is a heading, a hint or an intro, what it introduces must start on
    the same page: something is drawn below it (an empty answer box has no text, only lines)."""
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        fields = [f for s in v.sections for f in s.fields]
        kept = [v.title, v.labels["doc.instructions"]] + [s.title for s in v.sections] + [s.intro for s in v.sections if s.intro]
        kept += [f.label for f in fields] + [f.help for f in fields if f.help]
        kept += [v.labels["doc.tick_one"], v.labels["doc.tick_any"]]
        pages = pdf_readers.lines(path)
        for n, page in enumerate(pages[:-1]):
            head, foot = _header_and_footer(v, page)
            body = [line for line in page if line.top > (head.bottom if head else 0) and (foot is None or line.bottom < foot)]
            last = body[-1]
            if not any(flat(k).endswith(flat(last.text)) or flat(last.text).startswith(flat(k)) for k in kept):
                continue
            image = pdf_readers.poppler(path, n, tmp_path)
            scale = pdf_readers.DPI / 72
            top, bottom = int((last.bottom + 3) * scale), int(((foot or last.bottom + 60) - 3) * scale)
            ink = [p for p in image.crop((0, top, image.width, max(bottom, top + 1))).get_flattened_data() if p < 200]
            assert ink, f"{fmt} {path.name} page {n + 1} ends with {last.text!r} alone"


def test_boxes_stay_boxes(converted):
    """ODT: form checkboxes become PDF form fields named after their field ids. DOCX: content-control
    checkboxes, which LibreOffice keeps as such (saved again as ODT) and prints as ☐."""
    for (id_, lang, fmt), (v, path) in converted["pdf"].items():
        expected = {f.option_name(o) for s in v.sections for f in s.fields if f.type != "table" for o in f.options}
        if fmt == "odt":
            fields = PdfReader(path).get_fields() or {}
            assert {n for n, f in fields.items() if f.get("/FT") == "/Btn"} == expected, f"{fmt} {path.name}"
        else:
            assert pdf_readers.pdftotext(path).count(BOX) == options(v), f"{fmt} {path.name}"
            with zipfile.ZipFile(converted["reopened"][(id_, lang, fmt)]) as z:
                content = z.read("content.xml").decode("utf-8")
            checkboxes = re.findall(r'<loext:content-control [^>]*loext:checkbox="true"', content)
            assert len(checkboxes) == options(v), f"LibreOffice kept {len(checkboxes)} checkboxes of {path.name}"
