"""The strategy dossier as a Word document: the template the page fills (sc-dossier.js).

Each worksheet is written by word.body, as in its own file; its controls are tagged
"<worksheet>.<input>" and carry no bookmark (dossier_view.py says why). The cover's and the
counts' places are controls too; the marks of what the page may remove are bookmarks.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.dossier_view import MARKS, OPEN, STATES, DossierView, entry, place
from smartcity.outputs.worksheets.package import restamp
from smartcity.outputs.worksheets.view import bookmark_name
from smartcity.outputs.worksheets.word import body, repeat_header, set_widths, shade, tint
from smartcity.outputs.worksheets.word_controls import Ids, bookmark, link, text_place
from smartcity.outputs.worksheets.word_styles import WIDTH_MM, package, page, rgb, styles


def _step(v) -> str:
    return v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total)) + f" · {v.title}"


def _cover(doc, ids: Ids, d: DossierView) -> None:
    doc.add_heading(d.title, level=0)
    doc.add_paragraph(d.subject)
    for key in ("municipality", "date"):
        label = doc.add_paragraph().add_run(d.labels[f"dossier.{key}"])
        label.font.size, label.font.color.rgb = Pt(9), rgb(d.header.colour)
        text_place(doc.add_paragraph(), ids, place(d.id, key), d.labels[f"dossier.{key}"], multiline=False)


def _contents(doc, d: DossierView) -> None:
    doc.add_heading(d.labels["dossier.contents"], level=1)
    entries = [(bookmark_name(v.id), _step(v)) for v in d.sheets]
    entries += [(MARKS["not_started"], d.labels["dossier.not_started"]), (MARKS["status"], d.titles["title"])]
    for anchor, text in entries:
        link(doc.add_paragraph(), anchor, text, d.header.colour)


def _heading(doc, ids: Ids, text: str, level: int, mark: str, new_page: bool = False):
    heading = doc.add_heading(text, level=level)
    heading.paragraph_format.page_break_before = new_page
    bookmark(heading, ids, mark)
    return heading


def _line(doc, ids: Ids, text: str, mark: str) -> None:
    bookmark(doc.add_paragraph(text, style="List Bullet"), ids, mark)


def _not_started(doc, ids: Ids, d: DossierView) -> None:
    _heading(doc, ids, d.labels["dossier.not_started"], 1, MARKS["not_started"], new_page=True)
    doc.add_paragraph(d.labels["dossier.not_started_intro"])
    for v in d.sheets:
        _line(doc, ids, _step(v), entry("ns", v.id))


def _status(doc, ids: Ids, d: DossierView) -> None:
    _heading(doc, ids, d.titles["title"], 1, MARKS["status"], new_page=True)
    doc.add_paragraph(d.labels["dossier.status_intro"])
    doc.add_heading(d.titles["phases"], level=2)
    head = [d.labels["dossier.phase"]] + [d.states[s] for s in STATES]
    table = doc.add_table(rows=1 + len(d.phases), cols=len(head), style="Table Grid")
    set_widths(table, [WIDTH_MM - 3 * 30] + [30] * 3)
    for cell, text in zip(table.rows[0].cells, head):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, tint(d.header.colour))
    repeat_header(table.rows[0])
    for phase, row in zip(d.phases, table.rows[1:]):
        row.cells[0].paragraphs[0].add_run(phase.title)
        for state, cell in zip(STATES, row.cells[1:]):
            text_place(cell.paragraphs[0], ids, place("status", phase.id, state), f"{phase.title} · {d.states[state]}",
                       multiline=False)
    doc.add_heading(d.titles["open"], level=2)
    bookmark(doc.add_paragraph(d.titles["open.none"]), ids, MARKS["open_none"])
    for state in OPEN:
        _heading(doc, ids, d.states[state], 3, MARKS[state])
        for phase in d.phases:
            for item in phase.items:
                _line(doc, ids, f"{item.text} ({item.step})", entry(state, item.id))


def write(d: DossierView, target: Path) -> None:
    doc, ids = Document(), Ids(bookmarks=False)
    styles(doc, d)
    page(doc, d)
    package(doc, d)
    _cover(doc, ids, d)
    _contents(doc, d)
    for v in d.sheets:
        ids.prefix = f"{v.id}."
        first = body(doc, ids, v, instructions=False)
        first.paragraph_format.page_break_before = True
        bookmark(first, ids, bookmark_name(v.id))
    ids.prefix = ""
    _not_started(doc, ids, d)
    _status(doc, ids, d)
    doc.save(str(target))
    restamp(target, as_datetime(d.header.changed))
