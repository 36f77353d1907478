"""The edition's images: check that a logo or favicon is what it claims, make the copy that is
published, and the PNG the downloadable documents embed.

Nothing uploaded is published as it is. An SVG is re-drawn from an allow-list
(smartcity/edition/svg_clean.py); a PNG or ICO is decoded and encoded again by Pillow, which leaves
out every metadata chunk and anything appended to the image.
"""
from __future__ import annotations

import io
from pathlib import Path

from smartcity.edition.svg_clean import SvgRefused, clean_svg

DOC_HEIGHT = 240  # pixels of the documents' logo: sharp at 9 mm high in print
ICO_SIZES = [(16, 16), (32, 32), (48, 48), (64, 64)]


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
    """The image's kind, once it is known to be one of `kinds` and a publishable copy can be made."""
    kind = kind_of(path)
    if kind not in kinds:
        raise ImageError(f"is not {' or '.join(k.upper() for k in kinds)}")
    if path.suffix.lower().lstrip(".") != kind:
        raise ImageError(f"is {kind.upper()} content: name it with the .{kind} extension")
    published(path)
    return kind


def published(path: Path) -> bytes:
    """The bytes published for an image: a new SVG tree, or the pixels encoded again."""
    kind = kind_of(path)
    if kind == "svg":
        try:
            return clean_svg(path.read_bytes()).svg
        except SvgRefused as err:
            raise ImageError(str(err)) from None
    return _reencode(path, kind)


def dropped(path: Path) -> list[str]:
    """What the published copy of an SVG leaves out (nothing for a raster image)."""
    return clean_svg(path.read_bytes()).dropped if kind_of(path) == "svg" else []


def _reencode(path: Path, kind: str) -> bytes:
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.load()
            pixels = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    except Exception as err:  # Pillow raises many kinds for a broken or hostile file
        raise ImageError(f"is not a readable {kind.upper()} ({err}): save it again from your drawing program") from None
    out = io.BytesIO()
    if kind == "ico":
        pixels.save(out, format="ICO", sizes=[s for s in ICO_SIZES if s[0] <= pixels.width] or ICO_SIZES[:1])
    else:
        pixels.save(out, format="PNG", optimize=True)  # no pnginfo: no text, time or profile chunks
    return out.getvalue()


def document_png(path: Path) -> bytes:
    """The published logo as a PNG DOC_HEIGHT pixels high, for PDF, DOCX and ODT headers."""
    from PIL import Image

    content = published(path)
    if kind_of(path) == "svg":
        import resvg_py

        try:
            return bytes(resvg_py.svg_to_bytes(svg_string=content.decode("utf-8"), height=DOC_HEIGHT))
        except Exception as err:  # resvg reports a drawing it cannot make as several kinds
            raise ImageError(f"cannot be drawn as the documents' logo ({err}): give it a viewBox, "
                             f"width and height, or use a PNG") from None
    with Image.open(io.BytesIO(content)) as image:
        if image.height > DOC_HEIGHT:
            image = image.resize((max(1, round(image.width * DOC_HEIGHT / image.height)), DOC_HEIGHT))
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
