"""A long tagged PDF (the guide) made smaller without changing what it shows or says.

- page coordinates to a tenth of a CSS pixel past 10, and three digits below, so scales and
  colours hold;
- text runs written as one string where WeasyPrint puts a zero adjustment between every
  glyph (`<0030>0<00b9>` is `<003000b9>`);
- structure elements that carry no meaning taken out of the tree, their content given to
  their parent: NonStruct (which the standard defines so) and Span without attributes
  (WeasyPrint writes one per line of text), about half the guide's elements, and the optional
  /Type of the others;
- streams recompressed at the highest level by the caller (`pdf_tagged.save`).
"""
from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, Dictionary, Name

NUMBER = re.compile(rb"(?<![\w./#-])-?\d+\.\d{3,}(?![\w.])")
ZERO_KERN = re.compile(rb"(?<=[0-9a-fA-F])>0<(?=[0-9a-fA-F])")
MEANINGLESS = ("/NonStruct", "/Span")
# A Span with any of these says something (language, replacement text, a layout attribute...).
OWN = ("/Lang", "/ActualText", "/Alt", "/E", "/A", "/C", "/ID", "/T", "/R")


def _short(match: re.Match) -> bytes:
    value = float(match.group(0))
    if abs(value) < 0.0005:
        return b"0"
    return b"%.1f" % value if abs(value) >= 10 else b"%.3g" % value


def _kids(elem: Dictionary) -> list:
    kids = elem.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _meaningless(kid) -> bool:
    return (isinstance(kid, Dictionary) and kid.is_indirect and kid.get("/S") in MEANINGLESS
            and not any(key in kid for key in OWN)
            and not any(isinstance(k, Dictionary) and k.get("/Type") == "/OBJR" for k in _kids(kid)))


def _same(a, b) -> bool:
    return a is not None and b is not None and a.objgen == b.objgen


class _Flattener:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.trees = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
        self.removed = 0

    def owner(self, page, mcid: int, elem: Dictionary) -> None:
        """The parent tree names `elem` as the owner of `mcid` on `page`."""
        key = int(page.get("/StructParents", -1))
        if key in self.trees:
            self.trees[key][mcid] = elem

    def adopt(self, elem: Dictionary, kid: Dictionary) -> list:
        """`kid`'s content as `elem`'s own kids; its page named where it differs."""
        page, out = kid.get("/Pg"), []
        for item in _kids(kid):
            if isinstance(item, int):
                if page is not None:
                    self.owner(page, item, elem)
                    if not _same(page, elem.get("/Pg")):
                        item = Dictionary(Type=Name.MCR, Pg=page, MCID=item)
            elif isinstance(item, Dictionary) and item.get("/Type") == "/MCR":
                self.owner(item.Pg, int(item.MCID), elem)
            elif isinstance(item, Dictionary):
                item.P = elem
            out.append(item)
        self.removed += 1
        return out

    def walk(self, elem: Dictionary) -> None:
        kids, out, changed = _kids(elem), [], False
        for kid in kids:
            if isinstance(kid, Dictionary) and "/S" in kid:
                self.walk(kid)
            if _meaningless(kid):
                out += self.adopt(elem, kid)
                changed = True
            else:
                out.append(kid)
        if changed:
            elem.K = Array(out)


def flatten_structure(pdf: pikepdf.Pdf) -> int:
    """Take the meaningless elements out of the tree; how many went."""
    if "/StructTreeRoot" not in pdf.Root:
        return 0
    flattener = _Flattener(pdf)
    root = pdf.Root.StructTreeRoot
    for top in _kids(root):
        if isinstance(top, Dictionary):
            flattener.walk(top)
    return flattener.removed


def compact(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        page.contents_coalesce()
        stream = page.obj.Contents
        stream.write(ZERO_KERN.sub(b"", NUMBER.sub(_short, stream.read_bytes())))
    flatten_structure(pdf)
    for obj in pdf.objects:
        if isinstance(obj, Dictionary) and obj.get("/Type") == "/StructElem":
            del obj["/Type"]
