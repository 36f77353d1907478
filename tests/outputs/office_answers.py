"""Office files filled in outside the browser, as a person in Word or LibreOffice would, and
read back by answer place: the contract the worksheets' office import relies on (issue 18,
part 3). A text answer is the whole of its place (a table cell in the DOCX, a named section
in the ODT), so paragraphs added with Enter count; a box is ticked or not."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from smartcity.outputs.worksheets.view import SheetView, bookmark_name

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
NS = {"w": W, "w14": W14, "cp": CUSTOM, "vt": VT,
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"}
TRICKY = "«\u00a0{n}\u00a0» & <b>x</b> \"q\" 'a' 🙂"  # markup, entities, quotes, emoji
BOX_ON, BOX_OFF = "\u2612", "\u2610"


def places(v: SheetView) -> dict[str, str]:
    """Each answer place of the office files: 'text', 'long' (several paragraphs) or 'box'."""
    out: dict[str, str] = {}
    for f in (f for s in v.sections for f in s.fields):
        if f.type == "table":
            for r in f.rows:
                for c in f.columns:
                    out[f.cell_name(r, c)] = "long" if c.type == "long" else "text"
        elif f.type in ("short", "long"):
            out[f.name] = "long" if f.type == "long" else "text"
        else:
            out.update({f.option_name(o): "box" for o in f.options})
    return out


def answers_for(v: SheetView) -> dict[str, object]:
    """Every other box ticked; every text place filled, long ones with two paragraphs and a tab."""
    out: dict[str, object] = {}
    for n, (name, kind) in enumerate(places(v).items()):
        if kind == "box":
            out[name] = n % 2 == 0
        else:
            text = TRICKY.format(n=n)
            out[name] = [text, f"suite\t{n}"] if kind == "long" else [text]
    return out


def _rewrite(src: Path, dst: Path, part: str, edit) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename == part:
                root = etree.fromstring(blob)
                edit(root)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, blob, compress_type=info.compress_type)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def fill_docx(src: Path, dst: Path, answers: dict[str, object]) -> None:
    """Typed into each control; a long answer's next paragraphs added below it in the cell."""
    by_mark = {bookmark_name(name): value for name, value in answers.items()}

    def edit(root) -> None:
        for mark in root.iter(_w("bookmarkStart")):
            value = by_mark.get(mark.get(_w("name")))
            sdt = mark.getnext()
            if value is None or sdt is None or sdt.tag != _w("sdt"):
                continue
            if isinstance(value, bool):
                sdt.find(".//w14:checked", NS).set(f"{{{W14}}}val", "1" if value else "0")
                sdt.find(".//w:sdtContent//w:t", NS).text = BOX_ON if value else BOX_OFF
                continue
            sdt.find(".//w:sdtContent//w:t", NS).text = value[0]
            paragraph = mark.getparent()
            for line in reversed(value[1:]):
                extra = etree.Element(_w("p"))
                run = etree.SubElement(extra, _w("r"))
                head, _, tail = line.partition("\t")
                etree.SubElement(run, _w("t")).text = head
                etree.SubElement(run, _w("tab"))
                etree.SubElement(run, _w("t")).text = tail
                paragraph.addnext(extra)
    _rewrite(src, dst, "word/document.xml", edit)


def _text(node) -> str:
    """A paragraph's text as a person typed it: tabs and line breaks included."""
    out = []
    for el in node.iter(_w("t"), _w("tab"), _w("br")):
        out.append(el.text or "" if el.tag == _w("t") else ("\t" if el.tag == _w("tab") else "\n"))
    return "".join(out)


def read_docx(path: Path) -> tuple[dict[str, str], dict[str, object]]:
    """The file's identity (custom properties) and its answers by input name."""
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        props = etree.fromstring(z.read("docProps/custom.xml")) if "docProps/custom.xml" in z.namelist() else None
    identity = {p.get("name"): "".join(p.itertext()) for p in props.iter(f"{{{CUSTOM}}}property")} if props is not None else {}
    answers: dict[str, object] = {}
    order = {el: i for i, el in enumerate(doc.iter())}
    for mark in doc.iter(_w("bookmarkStart")):
        name = mark.get(_w("name")).replace("__", "-")
        paragraph = next(mark.iterancestors(_w("p")), None)
        cell = next(mark.iterancestors(_w("tc")), None)
        # LibreOffice moves the bookmark into the control's content; Word leaves it before
        holder = next(mark.iterancestors(_w("sdt")), None)
        boxes = list(holder.iter(f"{{{W14}}}checked")) if holder is not None else []
        if not boxes and paragraph is not None:
            boxes = [el for el in paragraph.iter(f"{{{W14}}}checked") if order[el] > order[mark]]
        if boxes:
            answers[name] = boxes[0].get(f"{{{W14}}}val") in ("1", "true")
        elif cell is not None:
            answers[name] = [_text(p) for p in cell.iter(_w("p"))]
    return identity, answers


def fill_odt(src: Path, dst: Path, answers: dict[str, object]) -> None:
    def edit(root) -> None:
        text = f"{{{NS['text']}}}"
        for section in root.iter(f"{text}section"):
            value = answers.get(section.get(f"{text}name"))
            if value is None:
                continue
            first = section.find(f"{text}p")
            for i, line in enumerate(value):
                p = first if i == 0 else etree.SubElement(section, f"{text}p", first.attrib)
                head, tab, tail = line.partition("\t")
                p.text = head
                if tab:
                    etree.SubElement(p, f"{text}tab").tail = tail
        for box in root.iter(f"{{{NS['form']}}}checkbox"):
            value = answers.get(box.get(f"{{{NS['form']}}}name"))
            if value is not None:
                box.set(f"{{{NS['form']}}}current-state", "checked" if value else "unchecked")
    _rewrite(src, dst, "content.xml", edit)


def read_odt(path: Path) -> tuple[dict[str, str], dict[str, object]]:
    with zipfile.ZipFile(path) as z:
        content, meta = etree.fromstring(z.read("content.xml")), etree.fromstring(z.read("meta.xml"))
    identity = {m.get(f"{{{NS['meta']}}}name"): m.text or "" for m in meta.iter(f"{{{NS['meta']}}}user-defined")}
    answers: dict[str, object] = {}
    text = f"{{{NS['text']}}}"
    for section in content.iter(f"{text}section"):
        lines = []
        for p in section.iter(f"{text}p"):
            lines.append("".join((p.text or "") + "".join(
                ("\t" if c.tag == f"{text}tab" else "\n" if c.tag == f"{text}line-break" else "".join(c.itertext()))
                + (c.tail or "") for c in p)))
        answers[section.get(f"{text}name")] = lines
    for box in content.iter(f"{{{NS['form']}}}checkbox"):
        answers[box.get(f"{{{NS['form']}}}name")] = box.get(f"{{{NS['form']}}}current-state") == "checked"
    return identity, answers


def differences(expected: dict[str, object], found: dict[str, object]) -> list[str]:
    out = []
    for name, value in expected.items():
        got = found.get(name)
        if isinstance(value, list) and isinstance(got, list):
            got = [line for line in got if line.strip()] if len(value) > 1 else got[:1]
        if got != value:
            out.append(f"{name}: wrote {value!r}, read {found.get(name)!r}")
    return out


def copy_last_row(src: Path, dst: Path, fmt: str, table: str, texts: list[str]) -> None:
    """A row of a numbered table copied below its last, as Word or LibreOffice makes it, and
    `texts` typed in its cells after the row's number: Word keeps a bookmark's name once, so
    the copy has none; LibreOffice names the copied sections anew."""
    import copy

    def docx(root) -> None:
        rows = [m for m in root.iter(_w("bookmarkStart")) if re.match(rf"{bookmark_name(table)}_\d+_", m.get(_w("name")))]
        last = next(rows[-1].iterancestors(_w("tr")))
        row = copy.deepcopy(last)
        for mark in list(row.iter(_w("bookmarkStart"), _w("bookmarkEnd"))):
            mark.getparent().remove(mark)
        for cell, text in zip(row.findall(_w("tc"))[1:], texts):
            cell.find(".//w:t", NS).text = text
        last.addnext(row)

    def odt(root) -> None:
        text_ns, table_ns = f"{{{NS['text']}}}", "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
        sections = [s for s in root.iter(f"{text_ns}section") if re.match(rf"{table}_\d+_", s.get(f"{text_ns}name"))]
        last = next(sections[-1].iterancestors(f"{table_ns}table-row"))
        row = copy.deepcopy(last)
        for n, section in enumerate(row.iter(f"{text_ns}section")):
            section.set(f"{text_ns}name", f"Section{900 + n}")
        for cell, text in zip(row.findall(f"{table_ns}table-cell")[1:], texts):
            cell.find(f".//{text_ns}p").text = text
        last.addnext(row)
    _rewrite(src, dst, "word/document.xml" if fmt == "docx" else "content.xml", docx if fmt == "docx" else odt)
