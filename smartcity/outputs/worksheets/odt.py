"""A worksheet as an OpenDocument text (odfpy), with the same structure as the Word file."""
from __future__ import annotations

from pathlib import Path

from odf import dc, draw
from odf.opendocument import OpenDocumentText
from odf.style import (Footer, Header, MasterPage, PageLayout, PageLayoutProperties,
                       ParagraphProperties, Style, TableCellProperties, TableColumnProperties,
                       TableProperties, TableRowProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, List, ListItem, ListLevelStyleNumber, ListStyle, P

from smartcity.outputs.worksheets.view import SheetView, ViewField

BOX = "\u2610"
TEAL = "#0b5563"
WIDTH = 17.8  # cm between margins


class _Styles:
    """The few named styles the document uses, registered once."""

    def __init__(self, doc: OpenDocumentText, locale: str) -> None:
        lang, country = locale.split("-")
        self.doc = doc
        default = Style(name="Standard", family="paragraph")
        default.addElement(TextProperties(fontsize="10pt", language=lang, country=country))
        default.addElement(ParagraphProperties(marginbottom="0.15cm"))
        doc.styles.addElement(default)
        self.headings = {}
        for level, size in ((1, "16pt"), (2, "12pt"), (3, "10pt")):
            style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph",
                          parentstylename=default, defaultoutlinelevel=str(level))
            style.addElement(TextProperties(fontsize=size, fontweight="bold", color=TEAL if level < 3 else "#1a1a1a"))
            style.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.15cm", keepwithnext="always"))
            doc.styles.addElement(style)
            self.headings[level] = style
        self.hint = self._auto("paragraph", TextProperties(fontsize="8.5pt", fontstyle="italic", color="#444444"))
        self.small = self._auto("paragraph", TextProperties(fontsize="8.5pt", color=TEAL))
        self.bold = self._auto("paragraph", TextProperties(fontweight="bold", fontsize="9pt"))
        self.cell = self._auto("table-cell", TableCellProperties(border="0.5pt solid #999999", padding="0.1cm"))
        self.head_cell = self._auto("table-cell", TableCellProperties(
            border="0.5pt solid #999999", padding="0.1cm", backgroundcolor="#e3f0f2"))
        self.table = self._auto("table", TableProperties(width=f"{WIDTH}cm", align="left"))
        self.numbers = ListStyle(name="Numbers")
        self.numbers.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
        doc.automaticstyles.addElement(self.numbers)
        self._rows: dict[float, Style] = {}
        self._cols: dict[float, Style] = {}

    def _auto(self, family: str, props) -> Style:
        style = Style(name=f"sc{len(self.doc.automaticstyles.childNodes)}", family=family)
        style.addElement(props)
        self.doc.automaticstyles.addElement(style)
        return style

    def row(self, cm: float) -> Style:
        if cm not in self._rows:
            self._rows[cm] = self._auto("table-row", TableRowProperties(minrowheight=f"{cm}cm"))
        return self._rows[cm]

    def column(self, cm: float) -> Style:
        if cm not in self._cols:
            self._cols[cm] = self._auto("table-column", TableColumnProperties(columnwidth=f"{cm:.2f}cm"))
        return self._cols[cm]


def _cell(style: Style, text: str = "", para: Style | None = None) -> TableCell:
    cell = TableCell(valuetype="string", stylename=style)
    cell.addElement(P(text=text, stylename=para) if para else P(text=text))
    return cell


def _box(doc, st: _Styles, height: float) -> None:
    table = Table(name=f"box{id(doc) % 1000}-{len(doc.text.childNodes)}", stylename=st.table)
    table.addElement(TableColumn(stylename=st.column(WIDTH)))
    row = TableRow(stylename=st.row(height))
    row.addElement(_cell(st.cell))
    table.addElement(row)
    doc.text.addElement(table)


def _table(doc, st: _Styles, v: SheetView, f: ViewField) -> None:
    table = Table(name=f"t-{f.id}", stylename=st.table)
    numbered = bool(f.rows) and all(r.numbered for r in f.rows)
    first = 0.9 if numbered else 3.6
    rest = (WIDTH - first) / len(f.columns)
    table.addElement(TableColumn(stylename=st.column(first)))
    table.addElement(TableColumn(stylename=st.column(rest), numbercolumnsrepeated=len(f.columns)))
    header, row = TableHeaderRows(), TableRow()
    for text in [f.row_header or v.labels["doc.row"]] + [c.label for c in f.columns]:
        row.addElement(_cell(st.head_cell, text, st.bold))
    header.addElement(row)
    table.addElement(header)
    height = 1.2 if any(c.type == "long" for c in f.columns) else 0.8
    for r in f.rows:
        row = TableRow(stylename=st.row(height))
        row.addElement(_cell(st.cell, r.label))
        for _ in f.columns:
            row.addElement(_cell(st.cell))
        table.addElement(row)
    doc.text.addElement(table)
    for c in f.columns:
        if c.options:
            options = " / ".join(o.label for o in c.options)
            doc.text.addElement(P(text=v.labels["doc.options"].replace("{column}", c.label).replace("{options}", options), stylename=st.hint))


def _field(doc, st: _Styles, v: SheetView, f: ViewField) -> None:
    doc.text.addElement(H(outlinelevel=3, stylename=st.headings[3], text=f.label))
    if f.help:
        doc.text.addElement(P(text=f.help, stylename=st.hint))
    if f.type in ("short", "long"):
        _box(doc, st, 0.9 if f.type == "short" else 4.0)
    elif f.type == "table":
        _table(doc, st, v, f)
    elif f.type == "rating":
        scale = v.labels["doc.scale"].replace("{low}", f.low or "").replace("{high}", f.high or "")
        doc.text.addElement(P(text=f"{v.labels['doc.tick_one']} {scale}", stylename=st.hint))
        doc.text.addElement(P(text="     ".join(f"{BOX} {o.label}" for o in f.options)))
    else:
        doc.text.addElement(P(text=v.labels["doc.tick_any" if f.type == "checklist" else "doc.tick_one"], stylename=st.hint))
        for o in f.options:
            doc.text.addElement(P(text=f"{BOX} {o.label}"))


def _aspect(path: Path) -> float:
    """Width over height of the logo, so the frame does not stretch it."""
    from PIL import Image

    with Image.open(path) as image:
        return image.width / image.height


def _page(doc: OpenDocumentText, st: _Styles, v: SheetView) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                           margintop="1.4cm", marginbottom="1.4cm", marginleft="1.6cm", marginright="1.6cm"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    line = P(stylename=st.small)
    if v.header.logo and Path(v.header.logo).suffix.lower() in (".png", ".jpg", ".jpeg", ".gif"):
        frame = draw.Frame(width=f"{0.9 * _aspect(v.header.logo):.2f}cm", height="0.9cm", anchortype="as-char", name="logo")
        frame.addElement(draw.Image(href=doc.addPicture(str(v.header.logo))))
        line.addElement(frame)
    line.addText(("  " if v.header.logo else "") + v.header.name)
    header.addElement(line)
    footer.addElement(P(text=v.footer(), stylename=st.hint))
    master.addElement(header)
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def write(v: SheetView, target: Path) -> None:
    doc = OpenDocumentText()
    st = _Styles(doc, v.locale)
    _page(doc, st, v)
    doc.meta.addElement(dc.Title(text=v.title))
    doc.meta.addElement(dc.Subject(text=v.step_title))
    doc.meta.addElement(dc.Description(text=v.purpose))
    doc.meta.addElement(dc.Language(text=v.locale))
    step = v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total))
    doc.text.addElement(P(text=f"{v.labels['doc.kind']} · {step} · {v.step_title}", stylename=st.small))
    doc.text.addElement(H(outlinelevel=1, stylename=st.headings[1], text=v.title))
    doc.text.addElement(P(text=v.purpose))
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
            doc.text.addElement(P(text=s.intro))
        for f in s.fields:
            _field(doc, st, v, f)
    doc.save(str(target))
