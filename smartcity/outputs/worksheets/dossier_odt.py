"""The strategy dossier as an OpenDocument text: the template the page fills (sc-dossier.js).

Each worksheet is written by odt.body, as in its own file, its places named
"<worksheet>.<input>" so no two sections or boxes share a name; the cover's and the counts'
places are named sections too; the marks of what the page may remove are bookmarks, with
the same names as in the Word file (dossier_view.py).
"""
from __future__ import annotations

from pathlib import Path

from odf.style import ListLevelLabelAlignment, ListLevelProperties, ParagraphProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import A, Bookmark, H, List, ListItem, ListLevelStyleBullet, ListStyle, P

from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.dossier_view import MARKS, OPEN, STATES, DossierView, entry, place
from smartcity.outputs.worksheets.odt import body, meta_of, new_document, page
from smartcity.outputs.worksheets.odt_places import Places
from smartcity.outputs.worksheets.odt_styles import WIDTH, Styles
from smartcity.outputs.worksheets.package import restamp
from smartcity.outputs.worksheets.view import bookmark_name

NEW_PAGE = {"breakbefore": "page"}


def _step(v) -> str:
    return v.labels["doc.step"].replace("{n}", str(v.number)).replace("{total}", str(v.total)) + f" · {v.title}"


def _bullets(doc) -> ListStyle:
    style = ListStyle(name="Bullets")
    level = ListLevelStyleBullet(level=1, bulletchar="•")
    props = ListLevelProperties(listlevelpositionandspacemode="label-alignment")
    props.addElement(ListLevelLabelAlignment(labelfollowedby="listtab", listtabstopposition="0.6cm",
                                             textindent="-0.6cm", marginleft="0.6cm"))
    level.addElement(props)
    style.addElement(level)
    doc.automaticstyles.addElement(style)
    return style


class Writer:
    def __init__(self, d: DossierView) -> None:
        self.d, self.doc = d, new_document()
        self.st = Styles(self.doc, d)
        self.places = Places(self.doc, d.id, self.st.control)
        self.bullets = _bullets(self.doc)
        page(self.doc, self.st, d)
        meta_of(self.doc, d)

    def add(self, element):
        self.doc.text.addElement(element)
        return element

    def heading(self, text: str, level: int, mark: str | None = None, new_page: bool = False) -> H:
        style = self.st.headings[level]
        if new_page:
            style = self.st.paragraph(f"h{level}-page", ParagraphProperties(**NEW_PAGE), parent=style)
        heading = H(outlinelevel=level, stylename=style)
        if mark:
            heading.addElement(Bookmark(name=mark))
        heading.addText(text)
        return self.add(heading)

    def lines(self, entries: list[tuple[str, str]]) -> None:
        """A bulleted list, each line marked (text, mark)."""
        listed = List(stylename=self.bullets)
        for text, mark in entries:
            item, para = ListItem(), P()
            para.addElement(Bookmark(name=mark))
            para.addText(text)
            item.addElement(para)
            listed.addElement(item)
        self.add(listed)

    def cover(self) -> None:
        d, st = self.d, self.st
        title = st.paragraph("title", TextProperties(fontsize="20pt", fontweight="bold", color=d.header.colour),
                             ParagraphProperties(marginbottom="0.3cm"))
        self.add(P(text=d.title, stylename=title))
        self.add(P(text=d.subject))
        for key in ("municipality", "date"):
            self.add(P(text=d.labels[f"dossier.{key}"], stylename=st.small))
            self.add(self.places.section(place(d.id, key)))

    def contents(self) -> None:
        d = self.d
        self.heading(d.labels["dossier.contents"], 1)
        entries = [(bookmark_name(v.id), _step(v)) for v in d.sheets]
        entries += [(MARKS["not_started"], d.labels["dossier.not_started"]), (MARKS["status"], d.titles["title"])]
        for anchor, text in entries:
            para = P()
            para.addElement(A(href=f"#{anchor}", type="simple", text=text))
            self.add(para)

    def sheets(self) -> None:
        first = self.st.paragraph("kicker-page", ParagraphProperties(**NEW_PAGE), parent=self.st.small)
        for v in self.d.sheets:
            self.places.prefix = f"{v.id}."
            kicker = body(self.doc, self.st, self.places, v, instructions=False, first_style=first)
            kicker.insertBefore(Bookmark(name=bookmark_name(v.id)), kicker.firstChild)
        self.places.prefix = ""

    def not_started(self) -> None:
        d = self.d
        self.heading(d.labels["dossier.not_started"], 1, MARKS["not_started"], new_page=True)
        self.add(P(text=d.labels["dossier.not_started_intro"]))
        self.lines([(_step(v), entry("ns", v.id)) for v in d.sheets])

    def status(self) -> None:
        d, st = self.d, self.st
        self.heading(d.titles["title"], 1, MARKS["status"], new_page=True)
        self.add(P(text=d.labels["dossier.status_intro"]))
        self.heading(d.titles["phases"], 2)
        table = Table(name="status", stylename=st.table)
        for cm in [WIDTH - 3 * 3.0] + [3.0] * 3:
            table.addElement(TableColumn(stylename=st.column(cm)))
        header, row = TableHeaderRows(), TableRow()
        texts = [d.labels["dossier.phase"]] + [d.states[s] for s in STATES]
        for n, text in enumerate(texts):
            cell = TableCell(valuetype="string", stylename=st.cell(True, n == len(texts) - 1, head=True))
            cell.addElement(P(text=text, stylename=st.bold))
            row.addElement(cell)
        header.addElement(row)
        table.addElement(header)
        for phase in d.phases:
            row = TableRow()
            cell = TableCell(valuetype="string", stylename=st.cell(False, False))
            cell.addElement(P(text=phase.title))
            row.addElement(cell)
            for n, state in enumerate(STATES):
                cell = TableCell(valuetype="string", stylename=st.cell(False, n == len(STATES) - 1))
                cell.addElement(self.places.section(place("status", phase.id, state)))
                row.addElement(cell)
            table.addElement(row)
        self.add(table)
        self.heading(d.titles["open"], 2)
        none = P()
        none.addElement(Bookmark(name=MARKS["open_none"]))
        none.addText(d.titles["open.none"])
        self.add(none)
        for state in OPEN:
            self.heading(d.states[state], 3, MARKS[state])
            self.lines([(f"{i.text} ({i.step})", entry(state, i.id)) for p in d.phases for i in p.items])


def write(d: DossierView, target: Path) -> None:
    w = Writer(d)
    w.cover()
    w.contents()
    w.sheets()
    w.not_started()
    w.status()
    w.doc.save(str(target))
    restamp(target, as_datetime(d.header.changed))
