"""What WeasyPrint's tagged PDF (`pdf_tags=True`) still lacks, added with pikepdf (qpdf).

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
content give the same bytes. `save()` packs the objects into object streams, with an
identifier drawn from the content; a long document (the guide) is made smaller first
(outputs/pdf_compact.py). pikepdf rather than pypdf: the guide's tens of thousands of
structure elements cost pypdf seconds to clone and write.
"""
from __future__ import annotations

import io
import os
import re
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name

from smartcity.outputs.pdf_compact import compact

MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID (\d+)\s*>>\s*BDC")
ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def open_pdf(source: bytes | object) -> pikepdf.Pdf:
    """A PDF from WeasyPrint's bytes, or from a pypdf writer (the worksheets' form work)."""
    if not isinstance(source, (bytes, bytearray)):
        raw = io.BytesIO()
        source.write(raw)
        source = raw.getvalue()
    return pikepdf.open(io.BytesIO(source))


def _reachable(root: Dictionary) -> set[tuple[int, int]]:
    """The objects (number, generation) of every structure element under the tree's root."""
    seen: set[tuple[int, int]] = set()
    kids = root.get("/K")
    todo = list(kids) if isinstance(kids, Array) else ([kids] if kids is not None else [])
    while todo:
        elem = todo.pop()
        if not isinstance(elem, Dictionary) or not elem.is_indirect or elem.objgen in seen:
            continue
        if elem.get("/Type") not in ("/StructElem", None):
            continue
        seen.add(elem.objgen)
        kids = elem.get("/K")
        if kids is not None:
            todo.extend(kids if isinstance(kids, Array) else [kids])
    return seen


def margins_as_artifacts(pdf: pikepdf.Pdf) -> int:
    """Turn the marked content whose element is outside the tree into artifacts; how many."""
    root = pdf.Root.StructTreeRoot
    inside = _reachable(root)
    trees = pikepdf.NumberTree(root.ParentTree)
    changed = 0
    for number, page in enumerate(pdf.pages):
        key = int(page.obj.get("/StructParents", number))
        tree = trees[key] if key in trees else Array()
        if not isinstance(tree, Array):
            continue
        orphans = {i for i, elem in enumerate(tree)
                   if not (isinstance(elem, Dictionary) and elem.is_indirect and elem.objgen in inside)}
        if not orphans:
            continue

        def mark(match: re.Match) -> bytes:
            return ARTIFACT if int(match.group(2)) in orphans else match.group(0)
        page.contents_coalesce()
        page.obj.Contents.write(MARKED.sub(mark, page.obj.Contents.read_bytes()))
        for i in orphans:
            tree[i] = None
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


def finish(pdf: pikepdf.Pdf, title: str, lang: str, author: str) -> None:
    """Artifacts, XMP, title shown by readers, and the date when the build gives one."""
    root = pdf.Root
    if "/StructTreeRoot" in root:
        margins_as_artifacts(pdf)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = pikepdf.String(lang)
    for page in pdf.pages:
        page.obj.Tabs = Name.S
    created = creation_date()
    root.Metadata = pdf.make_indirect(pdf.make_stream(_xmp(title, lang, author, created),
                                                      Type=Name.Metadata, Subtype=Name.XML))
    info = pdf.docinfo
    info.Title = pikepdf.String(title)
    info.Author = pikepdf.String(author)
    for key in ("/CreationDate", "/ModDate"):
        if created:
            info[key] = pikepdf.String(created.strftime("D:%Y%m%d%H%M%SZ"))
        elif key in info:
            del info[key]


def save(pdf: pikepdf.Pdf, target, shrink: bool = False) -> None:
    """Object streams, an identifier drawn from the content; with `shrink`, `compact` first."""
    if shrink:
        compact(pdf)
        pikepdf.settings.set_flate_compression_level(9)
    try:
        pdf.save(target, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 recompress_flate=shrink, deterministic_id=True)
    finally:
        pikepdf.settings.set_flate_compression_level(-1)  # zlib's default, for every other file
