"""The named and automatic styles of the OpenDocument file, in the edition's colour.

Cells draw each border once: every cell its left and bottom edges, the first row its top,
the last column its right (LibreOffice does not merge the borders of neighbouring cells).
Headings, hints and intros keep with what follows; lists leave a gap after the number.
"""
from __future__ import annotations

from odf.opendocument import OpenDocumentText
from odf.style import (GraphicProperties, ListLevelLabelAlignment, ListLevelProperties, ParagraphProperties,
                       Style, TableCellProperties, TableColumnProperties, TableProperties,
                       TableRowProperties, TextProperties)
from odf.text import ListLevelStyleNumber, ListStyle

from smartcity.outputs.worksheets.view import SheetView

WIDTH = 17.8  # cm between margins
LINE = "0.5pt solid #999999"
TEXT = "#1a1a1a"
TINT = 0.11  # the share of the edition's colour in a table head's shading, as the site's tinted boxes


def tint(hex_colour: str) -> str:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c * TINT + 255 * (1 - TINT)):02x}" for c in channels)


class Styles:
    """The few styles the document uses, registered once."""

    def __init__(self, doc: OpenDocumentText, v: SheetView) -> None:
        self.doc, colour, (lang, country) = doc, v.header.colour, v.locale.split("-")
        default = Style(name="Standard", family="paragraph")
        default.addElement(TextProperties(fontsize="10pt", language=lang, country=country, color=TEXT))
        default.addElement(ParagraphProperties(marginbottom="0.15cm"))
        doc.styles.addElement(default)
        self.headings = {}
        for level, size in ((1, "16pt"), (2, "12pt"), (3, "10pt")):
            style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph",
                          parentstylename=default, defaultoutlinelevel=str(level))
            style.addElement(TextProperties(fontsize=size, fontweight="bold", color=colour if level < 3 else TEXT))
            style.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.15cm", keepwithnext="always"))
            doc.styles.addElement(style)
            self.headings[level] = style
        kept = {"keepwithnext": "always"}
        self.hint = self._auto("paragraph", TextProperties(fontsize="8.5pt", fontstyle="italic", color="#444444"),
                               ParagraphProperties(**kept))
        self.intro = self._auto("paragraph", ParagraphProperties(**kept))
        self.small = self._auto("paragraph", TextProperties(fontsize="8.5pt", color=colour))
        self.foot = self._auto("paragraph", TextProperties(fontsize="8pt", color="#444444"))
        self.bold = self._auto("paragraph", TextProperties(fontweight="bold", fontsize="8pt"))
        self.label = self._auto("paragraph", TextProperties(fontsize="8pt"))
        self.gap = self._auto("paragraph", TextProperties(fontsize="4pt"))  # a little space after an answer box
        self.head_fill = tint(colour)
        self.table = self._auto("table", TableProperties(width=f"{WIDTH}cm", align="left"))
        self.control = self._auto("graphic", GraphicProperties(verticalpos="middle", verticalrel="text"))
        self.numbers = ListStyle(name="Numbers")
        level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
        props = ListLevelProperties(listlevelpositionandspacemode="label-alignment")
        props.addElement(ListLevelLabelAlignment(labelfollowedby="listtab", listtabstopposition="0.6cm",
                                                 textindent="-0.6cm", marginleft="0.6cm"))
        level.addElement(props)
        self.numbers.addElement(level)
        doc.automaticstyles.addElement(self.numbers)
        self._made: dict[tuple, Style] = {}

    def _auto(self, family: str, *props) -> Style:
        style = Style(name=f"sc{len(self.doc.automaticstyles.childNodes)}", family=family)
        for p in props:
            style.addElement(p)
        self.doc.automaticstyles.addElement(style)
        return style

    def _once(self, key: tuple, make) -> Style:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def paragraph(self, key: str, *props, parent: Style | None = None) -> Style:
        """An automatic paragraph style made once under `key` (on `parent`, e.g. a heading)."""
        def make() -> Style:
            style = self._auto("paragraph", *props)
            if parent is not None:
                style.setAttribute("parentstylename", parent)
            return style
        return self._once(("paragraph", key), make)

    def row(self, cm: float) -> Style:
        return self._once(("row", cm), lambda: self._auto("table-row", TableRowProperties(minrowheight=f"{cm}cm")))

    def column(self, cm: float) -> Style:
        return self._once(("col", cm), lambda: self._auto("table-column", TableColumnProperties(columnwidth=f"{cm:.2f}cm")))

    def cell(self, first_row: bool, last_column: bool, head: bool = False) -> Style:
        def make() -> Style:
            props = dict(padding="0.1cm", borderleft=LINE, borderbottom=LINE,
                         bordertop=LINE if first_row else "none", borderright=LINE if last_column else "none")
            if head:
                props["backgroundcolor"] = self.head_fill
            return self._auto("table-cell", TableCellProperties(**props))
        return self._once(("cell", first_row, last_column, head), make)
