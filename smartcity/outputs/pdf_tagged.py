"""What WeasyPrint's tagged PDF (`pdf_tags=True`) still lacks, added with pypdf.

WeasyPrint 70 tags the body, the form widgets and the links, sets `/Lang`, `/MarkInfo`,
DisplayDocTitle and `/Tabs /S`. Two things are left for us:

- the page margins (running headers, footers, page numbers) are marked content whose
  structure elements hang outside the tree: a reader finds content that is neither in the
  structure tree nor an artifact. They become `/Artifact` (pagination), as repeated
  headers must be, and leave the parent tree;
- there is no XMP metadata: we write the title, the language and the author, and no PDF/UA
  identification. No PDF/UA validator has passed these files, so they claim nothing but
  being tagged (WeasyPrint's `pdf/ua-1` variant would write that claim: we do not use it).

A creation date is written only when SOURCE_DATE_EPOCH gives one, so two builds of the same
content give the same bytes. pypdf writes every object on its own, which triples a tagged
file (thousands of small structure elements): `save()` packs them into object streams again
with pikepdf (qpdf), with an identifier drawn from the content; `compact` also trims a long
document (the guide) to stay within its size budget.
"""
from __future__ import annotations

import io
import os
import re
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import pikepdf
from pypdf import PdfWriter
from pypdf.generic import (ArrayObject, BooleanObject, DictionaryObject, NameObject, NullObject,
                           StreamObject, TextStringObject)

MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID (\d+)\s*>>\s*BDC")
ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"
NUMBER = re.compile(rb"(?<![\w./#-])-?\d+\.\d{3,}(?![\w.])")


def _reachable(root: DictionaryObject) -> set[int]:
    """The object numbers of every structure element under the tree's root."""
    seen: set[int] = set()
    todo = list(root.get("/K", ArrayObject()))
    while todo:
        ref = todo.pop()
        if not hasattr(ref, "idnum") or ref.idnum in seen:
            continue
        elem = ref.get_object()
        if not isinstance(elem, DictionaryObject) or elem.get("/Type") not in ("/StructElem", None):
            continue
        seen.add(ref.idnum)
        kids = elem.get("/K")
        if kids is not None:
            todo.extend(kids if isinstance(kids, ArrayObject) else [kids])
    return seen


def _page_trees(root: DictionaryObject) -> dict[int, ArrayObject]:
    nums = root["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)
            if isinstance(nums[i + 1].get_object(), ArrayObject)}


def margins_as_artifacts(writer: PdfWriter) -> int:
    """Turn the marked content whose element is outside the tree into artifacts; how many."""
    root = writer._root_object["/StructTreeRoot"].get_object()
    inside = _reachable(root)
    trees = _page_trees(root)
    changed = 0
    for number, page in enumerate(writer.pages):
        tree = trees.get(int(page.get("/StructParents", number)), ArrayObject())
        orphans = {i for i, ref in enumerate(tree) if getattr(ref, "idnum", None) not in inside}
        if not orphans:
            continue
        contents = page.get_contents()
        data = contents.get_data()

        def mark(match: re.Match) -> bytes:
            return ARTIFACT if int(match.group(2)) in orphans else match.group(0)
        contents.set_data(MARKED.sub(mark, data))
        page.replace_contents(contents)
        for i in orphans:
            tree[i] = NullObject()
        changed += len(orphans)
    return changed


def creation_date() -> datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else None


def _xmp(title: str, lang: str, author: str, created: datetime | None) -> bytes:
    date = f"<xmp:CreateDate>{created.isoformat()}</xmp:CreateDate>" if created else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
        f'<rdf:li xml:lang="{escape(lang)}">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>'
        f'<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>'
        f'<pdf:Producer>WeasyPrint</pdf:Producer>{date}'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")


def finish(writer: PdfWriter, title: str, lang: str, author: str) -> None:
    """Artifacts, XMP, title shown by readers, and the date when the build gives one."""
    catalog = writer._root_object
    if "/StructTreeRoot" in catalog:
        margins_as_artifacts(writer)
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/Lang")] = TextStringObject(lang)
    for page in writer.pages:
        page[NameObject("/Tabs")] = NameObject("/S")
    created = creation_date()
    meta = StreamObject()
    meta.set_data(_xmp(title, lang, author, created))
    meta.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    catalog[NameObject("/Metadata")] = writer._add_object(meta)
    info = {"/Title": title, "/Author": author}
    if created:
        info["/CreationDate"] = info["/ModDate"] = created.strftime("D:%Y%m%d%H%M%SZ")
    writer.add_metadata(info)


def _short(match: re.Match) -> bytes:
    value = float(match.group(0))
    if abs(value) < 0.0005:
        return b"0"
    return b"%.1f" % value if abs(value) >= 10 else b"%.3g" % value


def _empty(kid) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/NonStruct" and not kid.get("/K")


def compact(pdf: pikepdf.Pdf) -> None:
    """A long document made smaller: page coordinates to a tenth of a CSS pixel past 10 (and
    three digits below, so scales and colours hold), structure elements without their optional
    /Type, and without the empty NonStruct elements WeasyPrint leaves for anonymous boxes."""
    for page in pdf.pages:
        contents = page.obj.Contents
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            stream.write(NUMBER.sub(_short, stream.read_bytes()))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem":
            kids = obj.get("/K")
            if isinstance(kids, pikepdf.Array) and any(_empty(k) for k in kids):
                obj.K = pikepdf.Array([k for k in kids if not _empty(k)])
            del obj["/Type"]


def save(writer: PdfWriter, target, shrink: bool = False) -> None:
    """Object streams again; with `shrink`, `compact` too."""
    raw = io.BytesIO()
    writer.write(raw)
    with pikepdf.open(io.BytesIO(raw.getvalue())) as pdf:
        if shrink:
            compact(pdf)
        pdf.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 recompress_flate=False, deterministic_id=True)
