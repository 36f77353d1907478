"""What a worksheet document must show and hold, read from the worksheet's view (the data),
for the tests of every format: its own words, and the ids of its answer places."""
from __future__ import annotations

import re

from smartcity.outputs.worksheets.view import SheetView


def own_words(v: SheetView) -> list[str]:
    """Every text of the worksheet's own: titles, instructions, labels, hints, options, columns, rows."""
    texts = [v.title, v.purpose, v.step_title, *v.instructions]
    for s in v.sections:
        texts += [s.title, s.intro or ""]
        for f in s.fields:
            texts += [f.label, f.help or "", f.row_header or ""]
            texts += [o.label for o in f.options] + [c.label for c in f.columns] + [r.label for r in f.rows]
    return texts


def words(text: str) -> set[str]:
    """The words of a text, casefolded. A line broken at a hyphen is joined; a compound's hyphen
    is dropped on both sides, as pdftotext drops the one a line ends with ("eux-mêmes")."""
    text = re.sub(r"(\w)[-\u2010\u2011]\s*(\w)", r"\1\2", text)
    return set(re.findall(r"\w+", text.casefold()))


def office_titles(v: SheetView) -> dict[str, str]:
    """The answer places of a DOCX or ODT, field id -> name for people: one per text answer and
    per table cell, and one box per option of every question with boxes (no radio groups there)."""
    out = {}
    for s in v.sections:
        for f in s.fields:
            if f.type == "table":
                cell = v.labels["doc.cell"].replace("{field}", f.label)
                out |= {f.cell_name(r, c): cell.replace("{row}", r.label).replace("{column}", c.label)
                        for r in f.rows for c in f.columns}
            elif f.options:
                out |= {f.option_name(o): f.option_title(v.labels, o) for o in f.options}
            else:
                out[f.name] = f.label
    return out


def office_places(v: SheetView) -> set[str]:
    return set(office_titles(v))


def options(v: SheetView) -> int:
    """How many boxes to tick the worksheet has."""
    return sum(len(f.options) for s in v.sections for f in s.fields if f.type != "table")
