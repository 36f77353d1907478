"""What makes Word offer to repair a DOCX, checked without Word (issue 18, part 2's proxies):
well-formed parts; every part typed in [Content_Types].xml and every relationship's target
present; unique bookmark, content-control and drawing ids; w14 declared ignorable where it is
used; the children of sdtPr and rPr in the schema's order."""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# The schema's order (ECMA-376 CT_SdtPr, CT_RPr) of the children this project writes.
SDT_PR = ["rPr", "alias", "tag", "id", "lock", "placeholder", "temporary", "showingPlcHdr", "dataBinding",
          "label", "tabIndex", "text", "checkbox"]
R_PR = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
        "em", "lang", "eastAsianLayout", "specVanish", "oMath"]


def _in_order(children, order) -> bool:
    ranks = [order.index(etree.QName(c).localname) for c in children if etree.QName(c).localname in order]
    return ranks == sorted(ranks)


def problems(path: Path) -> list[str]:
    out = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        parts = {}
        for name in names:
            if name.endswith((".xml", ".rels")):
                try:
                    parts[name] = etree.fromstring(z.read(name))
                except etree.XMLSyntaxError as err:
                    out.append(f"{name}: not well-formed ({err})")
    types = parts.get("[Content_Types].xml")
    if types is None:
        return out + ["no [Content_Types].xml"]
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
    for name in names - {"[Content_Types].xml"}:
        if name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            out.append(f"{name}: no content type")
    for name, root in parts.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for rel in root.iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(base, rel.get("Target"))).lstrip("/")
            if target not in names:
                out.append(f"{name}: relationship {rel.get('Id')} points to missing {target}")
    doc = parts.get("word/document.xml")
    if doc is None:
        return out + (["word/document.xml: missing"] if "word/document.xml" not in names else [])
    for tag, attr in (("bookmarkStart", "id"), ("id", "val")):
        ids = [e.get(f"{{{W}}}{attr}") for e in doc.iter(f"{{{W}}}{tag}")]
        if len(ids) != len(set(ids)):
            out.append(f"word/document.xml: {tag} ids repeat")
    drawings = [e.get("id") for e in doc.iter(f"{{{WP}}}docPr")]
    if len(drawings) != len(set(drawings)):
        out.append("word/document.xml: docPr ids repeat")
    if any(True for _ in doc.iter(f"{{{W14}}}*")) and "w14" not in (doc.get(f"{{{MC}}}Ignorable") or "").split():
        out.append("word/document.xml: w14 used but not in mc:Ignorable")
    for sdt_pr in doc.iter(f"{{{W}}}sdtPr"):
        if not _in_order(sdt_pr, SDT_PR):
            out.append(f"sdtPr children out of order: {[etree.QName(c).localname for c in sdt_pr]}")
            break
    for r_pr in doc.iter(f"{{{W}}}rPr"):
        if not _in_order(r_pr, R_PR):
            out.append(f"rPr children out of order: {[etree.QName(c).localname for c in r_pr]}")
            break
    return out
