"""A worksheet as an OpenDocument text (odfpy), with the same structure as the Word file.

Styles are in odt_styles.py; the answer places (named sections, form checkboxes) in
odt_places.py.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from odf import dc, draw, meta, svg
from odf.element import Element
from odf.opendocument import OpenDocumentText
from odf.style import (Footer, FooterStyle, Header, HeaderFooterProperties, HeaderStyle, MasterPage, PageLayout,
                       PageLayoutProperties)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.teletype import addTextToElement
from odf.text import H, List, ListItem, P, PageCount, PageNumber

from smartcity.outputs.worksheets.columns import widths as column_widths
from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.odt_places import Places
from smartcity.outputs.worksheets.odt_styles import WIDTH, Styles
from smartcity.outputs.worksheets.package import restamp
from smartcity.outputs.worksheets.view import SheetView, ViewField

RASTER = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
RATING_GAP = "    "  # spaces after each rating option, written as text:s so they are kept


def _cell(style, text: str = "", para=None) -> TableCell:
    cell = TableCell(valuetype="string", stylename=style)
    cell.addElement(P(text=text, stylename=para) if para else P(text=text))
    return cell


def _box(doc, st: Styles, places: Places, f: ViewField) -> None:
    """A one-cell table holding the answer's named section. A heading kept with next stays with a
    table, but LibreOffice lets it go when what follows starts a section."""
    table = Table(name=f"{places.prefix}box-{f.id}", stylename=st.table)
    table.addElement(TableColumn(stylename=st.column(WIDTH)))
    row = TableRow(stylename=st.row(0.9 if f.type == "short" else 4.0))
    cell = TableCell(valuetype="string", stylename=st.cell(True, True))
    cell.addElement(places.section(f.name))
    row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    doc.text.addElement(P(stylename=st.gap))


def _table(doc, st: Styles, places: Places, v: SheetView, f: ViewField) -> None:
    table = Table(name=f"{places.prefix}t-{f.id}", stylename=st.table)
    numbered = bool(f.rows) and all(r.numbered for r in f.rows)
    texts = [f.row_header or v.labels["doc.row"]] + [c.label for c in f.columns]
    for mm in column_widths(numbered, texts[1:], WIDTH * 10):
        table.addElement(TableColumn(stylename=st.column(mm / 10)))
    header, row = TableHeaderRows(), TableRow()
    for n, text in enumerate(texts):
        row.addElement(_cell(st.cell(True, n == len(texts) - 1, head=True), text, st.bold))
    header.addElement(row)
    table.addElement(header)
    height = 1.2 if any(c.type == "long" for c in f.columns) else 0.8
    for r in f.rows:
        row = TableRow(stylename=st.row(height))
        row.addElement(_cell(st.cell(False, False), r.label, st.label))
        for n, c in enumerate(f.columns):
            cell = TableCell(valuetype="string", stylename=st.cell(False, n == len(f.columns) - 1))
            cell.addElement(places.section(f.cell_name(r, c), st.label))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    for c in f.columns:
        if c.options:
            options = " / ".join(o.label for o in c.options)
            doc.text.addElement(P(text=v.labels["doc.options"].replace("{column}", c.label).replace("{options}", options), stylename=st.hint))


def _field(doc, st: Styles, places: Places, v: SheetView, f: ViewField) -> None:
    doc.text.addElement(H(outlinelevel=3, stylename=st.headings[3], text=f.label))
    if f.help:
        doc.text.addElement(P(text=f.help, stylename=st.hint))
    if f.type in ("short", "long"):
        _box(doc, st, places, f)
    elif f.type == "table":
        _table(doc, st, places, v, f)
    elif f.type == "rating":
        scale = v.labels["doc.scale"].replace("{low}", f.low or "").replace("{high}", f.high or "")
        doc.text.addElement(P(text=f"{v.labels['doc.tick_one']} {scale}", stylename=st.hint))
        line = P()
        for n, o in enumerate(f.options):
            places.checkbox(line, f.option_name(o), f.option_title(v.labels, o), o.label,
                            RATING_GAP if n < len(f.options) - 1 else "")
        doc.text.addElement(line)
    else:
        doc.text.addElement(P(text=v.labels["doc.tick_any" if f.type == "checklist" else "doc.tick_one"], stylename=st.hint))
        for o in f.options:
            line = P()
            places.checkbox(line, f.option_name(o), f.option_title(v.labels, o), o.label)
            doc.text.addElement(line)


def _aspect(path: Path) -> float:
    """Width over height of the logo, so the frame does not stretch it."""
    from PIL import Image

    with Image.open(path) as image:
        return image.width / image.height


def _logo(doc: OpenDocumentText, v: SheetView, line: P) -> None:
    path = Path(v.header.logo)
    content = path.read_bytes()
    name = f"Pictures/{hashlib.sha256(content).hexdigest()[:32]}{path.suffix.lower()}"
    frame = draw.Frame(width=f"{0.9 * _aspect(path):.2f}cm", height="0.9cm", anchortype="as-char", name="logo")
    frame.addElement(draw.Image(href=doc.addPicture(name, RASTER[path.suffix.lower()], content)))
    alt = v.labels["doc.logo_alt"].replace("{name}", v.header.organisation)
    frame.addElement(svg.Title(text=alt))
    frame.addElement(svg.Desc(text=alt))
    line.addElement(frame)


def page(doc: OpenDocumentText, st: Styles, v: SheetView) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                           margintop="0.8cm", marginbottom="0.8cm", marginleft="1.6cm", marginright="1.6cm"))
    # The header and footer stand clear of the text on every page, as in the Word file.
    for style, gap in ((HeaderStyle(), {"marginbottom": "0.6cm"}), (FooterStyle(), {"margintop": "0.4cm"})):
        style.addElement(HeaderFooterProperties(minheight="0.6cm", **gap))
        layout.addElement(style)
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    line = P(stylename=st.small)
    logo = v.header.logo and Path(v.header.logo).suffix.lower() in RASTER
    if logo:
        _logo(doc, v, line)
    line.addText(("  " if logo else "") + v.header.name)
    header.addElement(line)
    footer.addElement(P(text=v.footer(), stylename=st.foot))
    numbers = P(stylename=st.foot)
    before, rest = v.labels["doc.page"].split("{n}", 1)
    middle, after = rest.split("{total}", 1)
    for part in (before, PageNumber(selectpage="current", text="1"), middle, PageCount(text="1"), after):
        if isinstance(part, str):
            addTextToElement(numbers, part)
        else:
            numbers.addElement(part)
    footer.addElement(numbers)
    master.addElement(header)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def meta_of(doc: OpenDocumentText, v: SheetView) -> None:
    for element in (dc.Title(text=v.title), dc.Subject(text=v.subject), dc.Description(text=v.purpose),
                    dc.Language(text=v.locale), dc.Creator(text=v.header.organisation),
                    meta.InitialCreator(text=v.header.organisation), meta.Keyword(text=v.id),
                    meta.CreationDate(text=v.header.changed), dc.Date(text=v.header.changed)):
        doc.meta.addElement(element)
    for name, value in v.identity().items():  # read back by an import (view.SheetView.identity)
        doc.meta.addElement(meta.UserDefined(name=name, valuetype="string", text=value))


def body(doc: OpenDocumentText, st: Styles, places: Places, v: SheetView, instructions: bool = True,
         first_style=None) -> P:
    """The worksheet itself, after the page set-up: its step, title, purpose, instructions
    (the dossier leaves them out) and sections. Returns the first paragraph, the step line."""
    step = v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total))
    kicker = P(text=f"{v.labels['doc.kind']} · {step} · {v.step_title}", stylename=first_style or st.small)
    doc.text.addElement(kicker)
    doc.text.addElement(H(outlinelevel=1, stylename=st.headings[1], text=v.title))
    doc.text.addElement(P(text=v.purpose))
    if instructions:
        doc.text.addElement(H(outlinelevel=2, stylename=st.headings[2], text=v.labels["doc.instructions"]))
        steps = List(stylename=st.numbers)
        for line in v.instructions:
            item = ListItem()
            item.addElement(P(text=line))
            steps.addElement(item)
        doc.text.addElement(steps)
    for s in v.sections:
        doc.text.addElement(H(outlinelevel=2, stylename=st.headings[2], text=s.title))
        if s.intro:
            doc.text.addElement(P(text=s.intro, stylename=st.intro))
        for f in s.fields:
            _field(doc, st, places, v, f)
    return kicker


def new_document() -> OpenDocumentText:
    # odfpy declares at each part's root every namespace any element made in this process has
    # used so far, so a process's first file would differ from the next: start from none.
    Element.namespaces.clear()
    return OpenDocumentText()


def write(v: SheetView, target: Path) -> None:
    doc = new_document()
    st = Styles(doc, v)
    places = Places(doc, v.id, st.control)
    page(doc, st, v)
    meta_of(doc, v)
    body(doc, st, places, v)
    doc.save(str(target))
    restamp(target, as_datetime(v.header.changed))
