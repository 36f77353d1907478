"""The edition's images: check that a logo or favicon is what it claims and safe to publish,
and make the PNG the downloadable documents embed.

An SVG logo is served to every reader and embedded in documents, so anything that
could run code or fetch from elsewhere is refused, with the line to fix:
scripts, event handlers, foreign objects, external references (href, url(),
@import, stylesheets), and DOCTYPEs (entity tricks). Images embedded as data:
URIs and references inside the file (#id) are fine.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
HREF = re.compile(r"(^|\})href$")
SAFE_HREF = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);)", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)([^'\")\s]+)", re.I)
DOC_HEIGHT = 240  # pixels of the documents' logo: sharp at 9 mm high in print


class ImageError(ValueError):
    """The image is missing, of the wrong kind or unsafe; the message says what to change."""


def kind_of(path: Path) -> str:
    head = path.read_bytes()[:512]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\x00\x00\x01\x00"):
        return "ico"
    if b"<svg" in path.read_bytes()[:4096] or path.suffix.lower() == ".svg":
        return "svg"
    return "unknown"


def check_image(path: Path, kinds: tuple[str, ...]) -> str:
    """The image's kind, once it is known to be one of `kinds` and safe."""
    kind = kind_of(path)
    if kind not in kinds:
        raise ImageError(f"is not {' or '.join(k.upper() for k in kinds)}")
    if path.suffix.lower().lstrip(".") != kind:
        raise ImageError(f"is {kind.upper()} content: name it with the .{kind} extension")
    if kind == "svg":
        check_svg(path.read_bytes())
    if kind == "png":
        _check_png(path)
    return kind


def _check_png(path: Path) -> None:
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.verify()
    except Exception as err:  # Pillow raises many kinds for a broken file
        raise ImageError(f"is not a readable PNG ({err})") from None


def _parse(content: bytes) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.ElementTree(etree.fromstring(content, parser))
    except etree.XMLSyntaxError as err:
        raise ImageError(f"is not well-formed SVG: {err}") from None


def check_svg(content: bytes) -> None:
    tree = _parse(content)
    root = tree.getroot()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ImageError("declares a DOCTYPE: remove it (entities are not allowed in a logo)")
    if etree.QName(root).localname != "svg":
        raise ImageError("is not an SVG document (its root element is not <svg>)")
    around = [*root.itersiblings(preceding=True), *root.itersiblings()]  # before and after <svg>
    for node in [*around, *root.iter()]:
        line = f" (line {node.sourceline})"
        if isinstance(node, etree._ProcessingInstruction):
            raise ImageError(f"has a processing instruction <?{node.target}?>{line}: remove it")
        if not isinstance(node.tag, str):
            continue  # comments
        name = etree.QName(node).localname
        if name.lower() in FORBIDDEN:
            raise ImageError(f"has a <{name}> element{line}: a logo must not run code or embed "
                             f"other documents; remove it")
        if name in ("animate", "set") and "href" in node.get("attributeName", ""):
            raise ImageError(f"animates a link target on <{name}>{line}: remove it")
        for attr, value in node.attrib.items():
            local = etree.QName(attr).localname
            if local.lower().startswith("on"):
                raise ImageError(f"has an event handler {local}=\"…\" on <{name}>{line}: remove it")
            if HREF.search(attr) and not SAFE_HREF.match(value):
                raise ImageError(f"refers to an external resource {local}=\"{value}\" on <{name}>{line}: "
                                 f"embed it or remove it")
            if local == "style":
                _check_css(value, name, line)
        if name == "style":
            _check_css(node.text or "", name, line)


def _check_css(css: str, name: str, line: str) -> None:
    found = CSS_URL.search(css)
    if found and not SAFE_HREF.match(found.group(1)):
        raise ImageError(f"refers to an external resource url({found.group(1)}) in <{name}>{line}: remove it")
    if "@import" in css.lower():
        raise ImageError(f"imports a stylesheet (@import) in <{name}>{line}: remove it")


def document_png(path: Path) -> bytes:
    """The logo as a PNG DOC_HEIGHT pixels high, for PDF, DOCX and ODT headers."""
    if kind_of(path) == "svg":
        import resvg_py

        try:
            return bytes(resvg_py.svg_to_bytes(svg_string=path.read_text(encoding="utf-8"), height=DOC_HEIGHT))
        except ValueError as err:
            raise ImageError(f"cannot be drawn: {err}") from None
    from PIL import Image

    with Image.open(path) as image:
        if image.height > DOC_HEIGHT:
            image = image.resize((max(1, round(image.width * DOC_HEIGHT / image.height)), DOC_HEIGHT))
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
