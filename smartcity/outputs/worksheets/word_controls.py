"""Content controls and fields of the Word file: the places answers go, and page numbers.

Every answer place is a content control (`w:sdt`) whose `w:tag` is the answer's input
name (view.py), inside a bookmark of the same name (view.bookmark_name), so a filled copy
can be read back by field id: LibreOffice drops `w:tag` when it saves a DOCX, and keeps
bookmarks. A text answer's place is a table cell of its own, so the answer is the whole
cell, however many paragraphs it grows to. A box to tick is a content-control checkbox
(`w14:checkbox`), which Word and LibreOffice tick on a click.
The children of `w:sdtPr` follow the schema's order: rPr, alias, tag, id, then the kind
of control (`w:text`, or the `w14:checkbox` extension last).
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from smartcity.outputs.worksheets.view import bookmark_name

UNCHECKED, CHECKED = "2610", "2612"  # ☐ and ☒
BOX_FONT = "MS Gothic"  # the font Word itself gives its checkboxes


class Ids:
    """Unique `w:id` values for one document, and how its places are named. A worksheet's
    places are bookmarked; the dossier's are not (two worksheets may share an input name,
    and a bookmark's name may not grow past 40 characters): each control's tag is its
    worksheet's id, a dot, and its input name (`prefix`)."""

    def __init__(self, start: int = 1000, bookmarks: bool = True) -> None:
        self.last, self.bookmarks, self.prefix = start, bookmarks, ""

    def next(self) -> str:
        self.last += 1
        return str(self.last)


def _el(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(name), value)
    return element


def _box_font():
    return _el("w:rFonts", **{"w:ascii": BOX_FONT, "w:eastAsia": BOX_FONT, "w:hAnsi": BOX_FONT, "w:hint": "eastAsia"})


def _control(ids: Ids, tag: str, alias: str, kind, run_props=None):
    sdt, props = _el("w:sdt"), _el("w:sdtPr")
    if run_props is not None:
        rpr = _el("w:rPr")
        rpr.append(run_props)
        props.append(rpr)
    for child in (_el("w:alias", **{"w:val": alias}), _el("w:tag", **{"w:val": ids.prefix + tag}),
                  _el("w:id", **{"w:val": ids.next()}), kind):
        props.append(child)
    sdt.append(props)
    return sdt


def _bookmarked(paragraph, ids: Ids, name: str, sdt) -> None:
    """`sdt` at the end of the paragraph, inside a bookmark named after the answer place."""
    if not ids.bookmarks:
        paragraph._p.append(sdt)
        return
    number = ids.next()
    paragraph._p.append(_el("w:bookmarkStart", **{"w:id": number, "w:name": bookmark_name(name)}))
    paragraph._p.append(sdt)
    paragraph._p.append(_el("w:bookmarkEnd", **{"w:id": number}))


def bookmark(paragraph, ids: Ids, name: str) -> None:
    """A bookmark around the whole paragraph (its pPr stays first)."""
    number = ids.next()
    ppr = paragraph._p.pPr
    start = _el("w:bookmarkStart", **{"w:id": number, "w:name": name})
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(_el("w:bookmarkEnd", **{"w:id": number}))


def link(paragraph, anchor: str, text: str, colour: str) -> None:
    """A link to a bookmark of the same document, underlined in the edition's colour."""
    hyperlink = _el("w:hyperlink", **{"w:anchor": anchor, "w:history": "1"})
    props = _el("w:rPr")
    props.append(_el("w:color", **{"w:val": colour.lstrip("#").upper()}))
    props.append(_el("w:u", **{"w:val": "single"}))
    hyperlink.append(_run(text, None))
    hyperlink[0].insert(0, props)
    paragraph._p.append(hyperlink)


def _run(text: str, run_props=None):
    run = _el("w:r")
    if run_props is not None:
        rpr = _el("w:rPr")
        rpr.append(run_props)
        run.append(rpr)
    t = _el("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def checkbox(paragraph, ids: Ids, tag: str, alias: str) -> None:
    """A box that ticks on a click, at the end of the paragraph."""
    kind = _el("w14:checkbox")
    kind.append(_el("w14:checked", **{"w14:val": "0"}))
    kind.append(_el("w14:checkedState", **{"w14:val": CHECKED, "w14:font": BOX_FONT}))
    kind.append(_el("w14:uncheckedState", **{"w14:val": UNCHECKED, "w14:font": BOX_FONT}))
    sdt = _control(ids, tag, alias, kind, _box_font())
    content = _el("w:sdtContent")
    content.append(_run(chr(int(UNCHECKED, 16)), _box_font()))
    sdt.append(content)
    _bookmarked(paragraph, ids, tag, sdt)


def text_place(paragraph, ids: Ids, tag: str, alias: str, multiline: bool) -> None:
    """A plain-text control, empty, where an answer is typed (line breaks allowed in long ones)."""
    kind = _el("w:text", **({"w:multiLine": "1"} if multiline else {}))
    sdt = _control(ids, tag, alias, kind)
    content = _el("w:sdtContent")
    content.append(_run(""))
    sdt.append(content)
    _bookmarked(paragraph, ids, tag, sdt)


def field(paragraph, instruction: str, shown: str, size_half_points: int) -> None:
    """A field Word and LibreOffice compute (PAGE, NUMPAGES), with the value shown until they do."""
    def run(child):
        r = _el("w:r")
        rpr = _el("w:rPr")
        rpr.append(_el("w:sz", **{"w:val": str(size_half_points)}))
        r.append(rpr)
        r.append(child)
        return r
    instr = _el("w:instrText")
    instr.text = f" {instruction} "
    instr.set(qn("xml:space"), "preserve")
    shown_text = _el("w:t")
    shown_text.text = shown
    for child in (_el("w:fldChar", **{"w:fldCharType": "begin"}), instr,
                  _el("w:fldChar", **{"w:fldCharType": "separate"}), shown_text,
                  _el("w:fldChar", **{"w:fldCharType": "end"})):
        paragraph._p.append(run(child))
