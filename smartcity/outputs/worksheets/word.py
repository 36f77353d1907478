"""A worksheet as a Word document (python-docx): real headings, real tables, boxes to tick."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from smartcity.outputs.worksheets.view import SheetView, ViewField

BOX = "\u2610"
TEAL = RGBColor(0x0B, 0x55, 0x63)
RASTER = {".png", ".jpg", ".jpeg", ".gif", ".bmp"}


def _shade(cell, fill: str = "E3F0F2") -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _min_height(row, mm: float) -> None:
    row.height = Mm(mm)


def _hint(doc, text: str) -> None:
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.italic = True
    run.font.size = Pt(9)


def _blank_box(doc, mm: float) -> None:
    table = doc.add_table(rows=1, cols=1, style="Table Grid")
    _min_height(table.rows[0], mm)
    doc.add_paragraph()


def _table(doc, v: SheetView, f: ViewField) -> None:
    head = [f.row_header or v.labels["doc.row"]] + [c.label for c in f.columns]
    table = doc.add_table(rows=1, cols=len(head), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, head):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell)
    _repeat_header(table.rows[0])
    for r in f.rows:
        row = table.add_row()
        row.cells[0].text = r.label
        _min_height(row, 12 if any(c.type == "long" for c in f.columns) else 8)
    if len(f.rows) and all(r.numbered for r in f.rows):
        for row in table.rows:
            row.cells[0].width = Mm(9)
    for c in f.columns:
        if c.options:
            options = " / ".join(o.label for o in c.options)
            _hint(doc, v.labels["doc.options"].replace("{column}", c.label).replace("{options}", options))
    doc.add_paragraph()


def _field(doc, v: SheetView, f: ViewField) -> None:
    doc.add_heading(f.label, level=3)
    if f.help:
        _hint(doc, f.help)
    if f.type == "short":
        _blank_box(doc, 9)
    elif f.type == "long":
        _blank_box(doc, 40)
    elif f.type == "table":
        _table(doc, v, f)
    elif f.type == "rating":
        _hint(doc, f"{v.labels['doc.tick_one']} " + v.labels["doc.scale"].replace("{low}", f.low or "").replace("{high}", f.high or ""))
        doc.add_paragraph("     ".join(f"{BOX} {o.label}" for o in f.options))
    else:
        _hint(doc, v.labels["doc.tick_any" if f.type == "checklist" else "doc.tick_one"])
        for o in f.options:
            doc.add_paragraph(f"{BOX} {o.label}")


def _page(doc, v: SheetView) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    head = section.header.paragraphs[0]
    if v.header.logo and Path(v.header.logo).suffix.lower() in RASTER:
        head.add_run().add_picture(str(v.header.logo), height=Mm(9))
        head.add_run("  ")
    run = head.add_run(v.header.name)
    run.bold, run.font.color.rgb, run.font.size = True, TEAL, Pt(9)
    foot = section.footer.paragraphs[0].add_run(v.footer())
    foot.font.size = Pt(8)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), v.locale)
    normal.element.get_or_add_rPr().append(lang)


def write(v: SheetView, target: Path) -> None:
    doc = Document()
    props = doc.core_properties
    props.title, props.subject, props.author = v.title, v.step_title, v.header.organisation
    props.keywords, props.language, props.comments = v.id, v.locale, v.purpose
    _page(doc, v)
    kicker = doc.add_paragraph().add_run(
        f"{v.labels['doc.kind']} · "
        + v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total))
        + f" · {v.step_title}")
    kicker.font.size, kicker.font.color.rgb = Pt(9), TEAL
    doc.add_heading(v.title, level=1)
    doc.add_paragraph(v.purpose)
    doc.add_heading(v.labels["doc.instructions"], level=2)
    for line in v.instructions:
        doc.add_paragraph(line, style="List Number")
    for s in v.sections:
        doc.add_heading(s.title, level=2)
        if s.intro:
            doc.add_paragraph(s.intro)
        for f in s.fields:
            _field(doc, v, f)
    doc.save(str(target))
