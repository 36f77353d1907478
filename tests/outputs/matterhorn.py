"""A named subset of the Matterhorn Protocol (PDF/UA checkpoints), checked with pypdf.

Not a PDF/UA validator: it checks what issue 17 names, and says in words what fails.
- 01-005/01-006: every page's content is in the structure tree or marked as an artifact, and
  the element the parent tree names for it holds it;
- 28-002/28-009: every annotation is in the tree (/StructParent, and an OBJR pointing back);
- 06-001/07-001/11-001: title (Info and XMP), DisplayDocTitle, /Lang;
- 31-009 (fonts): every font the pages use is embedded;
- 13-004: every Figure has Alt;
- 14-003: heading levels have no gaps.
"""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NumberObject

PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"sh"}


def _tree(root: DictionaryObject) -> tuple[set[int], list[DictionaryObject], set[int], set[tuple]]:
    """Reachable element numbers, elements in reading order, the annotations the tree holds,
    and the marked content each element claims: (page number, MCID, element number)."""
    seen, order, objrs, claims = set(), [], set(), set()

    def walk(node, number: int | None) -> None:
        kids = node.get("/K")
        if kids is None:
            return
        page = node.raw_get("/Pg") if "/Pg" in node else None
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if isinstance(kid, NumberObject):
                if page is not None and number is not None:
                    claims.add((page.idnum, int(kid), number))
                continue
            obj = kid.get_object()
            if not isinstance(obj, DictionaryObject):
                continue
            if obj.get("/Type") == "/MCR":
                if number is not None:
                    claims.add((obj.raw_get("/Pg").idnum, int(obj["/MCID"]), number))
            elif obj.get("/Type") == "/OBJR":
                objrs.add(obj.raw_get("/Obj").idnum)
            elif hasattr(kid, "idnum") and kid.idnum not in seen:
                seen.add(kid.idnum)
                order.append(obj)
                walk(obj, kid.idnum)
    walk(root, None)
    return seen, order, objrs, claims


def _parent_tree(root: DictionaryObject) -> dict[int, object]:
    nums = root["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}


def _content(reader: PdfReader, page, number: int, inside: set[int], parents: dict, claims: set) -> list[str]:
    problems, stack = [], []
    tree = parents.get(int(page.get("/StructParents", -1)), ArrayObject())
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op in (b"BDC", b"BMC"):
            tag = operands[0]
            mcid = operands[1].get("/MCID") if op == b"BDC" and isinstance(operands[1], DictionaryObject) else None
            stack.append((tag, mcid))
        elif op == b"EMC":
            if stack:
                stack.pop()
        elif op in PAINT:
            if any(tag == "/Artifact" for tag, _ in stack):
                continue
            mcids = [m for _, m in stack if m is not None]
            if not mcids:
                problems.append(f"page {number}: {op.decode()} outside any tag or artifact")
                continue
            ref = tree[int(mcids[-1])] if int(mcids[-1]) < len(tree) else None
            if getattr(ref, "idnum", None) not in inside:
                problems.append(f"page {number}: MCID {mcids[-1]} is neither in the tree nor an artifact")
            elif (page.indirect_reference.idnum, int(mcids[-1]), ref.idnum) not in claims:
                problems.append(f"page {number}: MCID {mcids[-1]}'s element in the parent tree does not hold it")
    return problems[:3]


def _fonts(page, number: int) -> list[str]:
    out = []
    for name, font in page["/Resources"].get_object().get("/Font", {}).items():
        font = font.get_object()
        desc = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = desc.get("/FontDescriptor")
        if descriptor is None or not any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            out.append(f"page {number}: font {font.get('/BaseFont')} ({name}) is not embedded")
    return out


def _true(value) -> bool:
    return getattr(value, "value", value) is True


def problems(path: Path) -> list[str]:
    """What the file fails of the subset, in words; empty when it passes."""
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root or not _true(root.get("/MarkInfo", {}).get("/Marked")):
        return ["not a tagged PDF (no structure tree, or MarkInfo not Marked)"]
    out = []
    title = (reader.metadata or {}).get("/Title")
    if not title:
        out.append("no document title")
    if not _true(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle")):
        out.append("DisplayDocTitle is not true")
    xmp = reader.xmp_metadata
    if xmp is None or title not in (xmp.dc_title or {}).values():
        out.append("the XMP metadata does not carry the title")
    if not str(root.get("/Lang", "")).strip():
        out.append("no /Lang")
    struct = root["/StructTreeRoot"].get_object()
    inside, order, objrs, claims = _tree(struct)
    parents = _parent_tree(struct)
    for number, page in enumerate(reader.pages, 1):
        out += _content(reader, page, number, inside, parents, claims)
        out += _fonts(page, number)
        if page.get("/Tabs") != "/S":
            out.append(f"page {number}: tab order is not /S")
        for annot in page.get("/Annots", ArrayObject()):
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Popup":
                continue
            key = obj.get("/StructParent")
            elem = parents.get(int(key)) if key is not None else None
            if elem is None or getattr(parents.get(int(key)), "indirect_reference", None) is None \
                    or elem.indirect_reference.idnum not in inside or annot.idnum not in objrs:
                out.append(f"page {number}: annotation {obj.get('/T') or obj.get('/Subtype')} is not in the tree")
    levels = [int(e["/S"][2:]) for e in order if str(e.get("/S", "")) in {f"/H{i}" for i in range(1, 7)}]
    for before, after in zip([0] + levels, levels):
        if after > before + 1:
            out.append(f"heading level jumps from {before} to {after}")
            break
    for e in order:
        if e.get("/S") == "/Figure" and not (e.get("/Alt") or e.get("/ActualText")):
            out.append("a Figure has no Alt")
    return out
