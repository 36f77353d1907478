"""The strategy dossier read back (issue 18, part 2): its places by name ("<worksheet>.<input>",
"dossier.municipality", "status.p1.done"), as the dossier's Word file names them by its
controls' tags and its ODT by its sections' and boxes' names; the marks (bookmarks) it kept;
and a worksheet's answers as the page saves them, every question answered."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from smartcity.outputs.worksheets.view import SheetView
from tests.outputs.office_answers import CUSTOM, NS, TRICKY, W14, _text, _w, read_odt



def saved_values(v: SheetView) -> dict[str, object]:
    """Every question of `v` answered, as the page's store holds it: text, a list's value, a tick."""
    out: dict[str, object] = {}
    for f in (f for s in v.sections for f in s.fields):
        if f.type == "table":
            for r in f.rows:
                for c in f.columns:
                    out[f.cell_name(r, c)] = c.options[-1].value if c.options else TRICKY.format(n=len(out))
        elif f.type in ("short", "long"):
            out[f.name] = TRICKY.format(n=len(out)) + ("\nsuite\t2" if f.type == "long" else "")
        elif f.type == "checklist":
            out[f.option_name(f.options[0])] = True
        else:
            out[f.name] = f.options[-1].value
    return out


def read_docx(path: Path) -> tuple[dict[str, str], dict[str, object]]:
    """Identity, and each control by tag: a box's tick, else its cell's (or paragraph's) lines."""
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        props = etree.fromstring(z.read("docProps/custom.xml"))
    identity = {p.get("name"): "".join(p.itertext()) for p in props.iter(f"{{{CUSTOM}}}property")}
    found: dict[str, object] = {}
    for sdt in doc.iter(_w("sdt")):
        tag = sdt.find(f"{_w('sdtPr')}/{_w('tag')}").get(_w("val"))
        boxes = list(sdt.iter(f"{{{W14}}}checked"))
        if boxes:
            found[tag] = boxes[0].get(f"{{{W14}}}val") in ("1", "true")
            continue
        cell = next(sdt.iterancestors(_w("tc")), None)
        if cell is not None:
            found[tag] = [_text(p) for p in cell.iter(_w("p"))]
        else:
            found[tag] = [_text(next(sdt.iterancestors(_w("p"))))]
    return identity, found


def read(path: Path) -> tuple[dict[str, str], dict[str, object]]:
    return read_docx(path) if path.suffix == ".docx" else read_odt(path)


def marks(path: Path) -> list[str]:
    """The bookmarks left in the dossier, in document order."""
    with zipfile.ZipFile(path) as z:
        if path.suffix == ".docx":
            root = etree.fromstring(z.read("word/document.xml"))
            return [m.get(_w("name")) for m in root.iter(_w("bookmarkStart"))]
        root = etree.fromstring(z.read("content.xml"))
        return [m.get(f"{{{NS['text']}}}name") for m in root.iter(f"{{{NS['text']}}}bookmark")]


def contents(path: Path) -> list[str]:
    """Where the contents' links go, in order."""
    with zipfile.ZipFile(path) as z:
        if path.suffix == ".docx":
            root = etree.fromstring(z.read("word/document.xml"))
            return [a.get(_w("anchor")) for a in root.iter(_w("hyperlink"))]
        root = etree.fromstring(z.read("content.xml"))
        return [a.get("{http://www.w3.org/1999/xlink}href").lstrip("#") for a in root.iter(f"{{{NS['text']}}}a")]
