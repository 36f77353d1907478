"""A worksheet as a Word document (python-docx): real headings, real tables, boxes to tick.

Every answer place is a content control tagged with its input name (word_controls.py);
the look and the package's properties are in word_styles.py.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from smartcity.outputs.worksheets.columns import widths as column_widths
from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.package import restamp
from smartcity.outputs.worksheets.view import SheetView, ViewField
from smartcity.outputs.worksheets.word_controls import Ids, checkbox, text_place
from smartcity.outputs.worksheets.word_styles import WIDTH_MM, package, page, rgb, styles

TINT = 0.11  # the share of the edition's colour in a table head's shading, as the site's tinted boxes


def tint(hex_colour: str) -> str:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * TINT + 255 * (1 - TINT)):02X}" for c in channels)


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)  # after tcW, which the width set before it


def repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _hint(doc, text: str) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.keep_with_next = True
    run = para.add_run(text)
    run.italic = True
    run.font.size = Pt(9)


def set_widths(table, widths: list[float]) -> None:
    """Fixed layout, grid and every cell given its width: LibreOffice reads the grid, Word the cells."""
    table.autofit = False
    for column, mm in zip(table.columns, widths):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths):
            cell.width = Mm(mm)


def _answer_box(doc, ids: Ids, f: ViewField, mm: float) -> None:
    table = doc.add_table(rows=1, cols=1, style="Table Grid")
    set_widths(table, [WIDTH_MM])
    table.rows[0].height = Mm(mm)
    text_place(table.rows[0].cells[0].paragraphs[0], ids, f.name, f.label, multiline=f.type == "long")
    doc.add_paragraph()


def _table(doc, ids: Ids, v: SheetView, f: ViewField) -> None:
    head = [f.row_header or v.labels["doc.row"]] + [c.label for c in f.columns]
    numbered = bool(f.rows) and all(r.numbered for r in f.rows)
    widths = column_widths(numbered, head[1:], WIDTH_MM)
    table = doc.add_table(rows=1 + len(f.rows), cols=len(head), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, widths)
    for cell, text in zip(table.rows[0].cells, head):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(8)
        shade(cell, tint(v.header.colour))
    repeat_header(table.rows[0])
    for r, row in zip(f.rows, table.rows[1:]):
        row.cells[0].paragraphs[0].add_run(r.label).font.size = Pt(8)
        row.height = Mm(12 if any(c.type == "long" for c in f.columns) else 8)
        for c, cell in zip(f.columns, row.cells[1:]):
            alias = v.labels["doc.cell"].replace("{field}", f.label).replace("{row}", r.label).replace("{column}", c.label)
            text_place(cell.paragraphs[0], ids, f.cell_name(r, c), alias, multiline=c.type == "long")
    for c in f.columns:
        if c.options:
            options = " / ".join(o.label for o in c.options)
            _hint(doc, v.labels["doc.options"].replace("{column}", c.label).replace("{options}", options))
    doc.add_paragraph()


def _boxes(doc, ids: Ids, labels: dict, f: ViewField) -> None:
    """One box per option; a rating's five on one line, spaced."""
    if f.type == "rating":
        para = doc.add_paragraph()
        for n, o in enumerate(f.options):
            checkbox(para, ids, f.option_name(o), f.option_title(labels, o))
            para.add_run(f" {o.label}" + ("     " if n < len(f.options) - 1 else ""))
        return
    for o in f.options:
        para = doc.add_paragraph()
        checkbox(para, ids, f.option_name(o), f.option_title(labels, o))
        para.add_run(f" {o.label}")


def _field(doc, ids: Ids, v: SheetView, f: ViewField) -> None:
    doc.add_heading(f.label, level=3)
    if f.help:
        _hint(doc, f.help)
    if f.type in ("short", "long"):
        _answer_box(doc, ids, f, 9 if f.type == "short" else 40)
    elif f.type == "table":
        _table(doc, ids, v, f)
    elif f.type == "rating":
        _hint(doc, f"{v.labels['doc.tick_one']} " + v.labels["doc.scale"].replace("{low}", f.low or "").replace("{high}", f.high or ""))
        _boxes(doc, ids, v.labels, f)
    else:
        _hint(doc, v.labels["doc.tick_any" if f.type == "checklist" else "doc.tick_one"])
        _boxes(doc, ids, v.labels, f)


def body(doc, ids: Ids, v: SheetView, instructions: bool = True):
    """The worksheet itself, after the page set-up: its step, title, purpose, instructions
    (the dossier leaves them out) and sections. Returns the first paragraph, the step line."""
    kicker = doc.add_paragraph()
    run = kicker.add_run(
        f"{v.labels['doc.kind']} · "
        + v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total))
        + f" · {v.step_title}")
    run.font.size, run.font.color.rgb = Pt(9), rgb(v.header.colour)
    doc.add_heading(v.title, level=1)
    doc.add_paragraph(v.purpose)
    if instructions:
        doc.add_heading(v.labels["doc.instructions"], level=2)
        for line in v.instructions:
            doc.add_paragraph(line, style="List Number")
    for s in v.sections:
        doc.add_heading(s.title, level=2)
        if s.intro:
            doc.add_paragraph(s.intro).paragraph_format.keep_with_next = True
        for f in s.fields:
            _field(doc, ids, v, f)
    return kicker


def write(v: SheetView, target: Path) -> None:
    doc, ids = Document(), Ids()
    styles(doc, v)
    page(doc, v)
    package(doc, v)
    body(doc, ids, v)
    doc.save(str(target))
    restamp(target, as_datetime(v.header.changed))
