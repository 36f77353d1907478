"""Files the edition adds to every language's site: logo, favicon and the palette stylesheet,
plus the PNG logo of the downloadable documents.

They are written to .cache/edition/<id>/, never into docs/, and only when their
content changed, so `make serve` does not rebuild in a loop. The hooks add them to
the build as generated files.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from smartcity.edition import colour
from smartcity.edition.model import Edition
from smartcity.edition.images import document_png, dropped, kind_of, published
from smartcity.model.loader import ROOT

log = logging.getLogger("mkdocs.plugins.smartcity.edition")
CACHE = ROOT / ".cache" / "edition"
SITE_DIR = "assets/edition"


@dataclass(frozen=True)
class Assets:
    files: dict[str, Path]   # path in the site -> file to copy there
    logo: str                # site paths, relative to a language's root
    favicon: str
    css: str
    doc_logo: Path           # PNG for the worksheets' headers


def write_if_changed(path: Path, content: bytes) -> bool:
    """Atomic and lazy: two language builds may run at once, and an unchanged file keeps its date."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(content)
    tmp.replace(path)
    return True


def palette_css(edition: Edition) -> str:
    """The edition's colours as the custom properties sc-base.css and Material read, light and dark."""
    c = edition.colours
    schemes = colour.palette(c.primary, c.accent, c.header_text)

    def block(selector: str, values: dict[str, str]) -> str:
        return selector + " {\n" + "".join(f"  {k}: {v};\n" for k, v in values.items()) + "}\n"

    return (f"/* Colours of the edition '{edition.id}', generated from its edition file. Do not edit. */\n"
            + block(':root, [data-md-color-scheme="default"]', schemes["default"])
            + block('[data-md-color-scheme="slate"]', schemes["slate"]))


def edition_assets(edition: Edition, cache: Path = CACHE) -> Assets:
    folder = cache / edition.id
    logo = f"{SITE_DIR}/logo.{kind_of(edition.logo)}"
    favicon = f"{SITE_DIR}/favicon.{kind_of(edition.favicon_path)}"
    css = f"{SITE_DIR}/palette.css"
    # Re-drawn or re-encoded copies, never the uploaded bytes (smartcity/edition/images.py).
    contents = {
        logo: (published(edition.logo), edition.logo),
        favicon: (published(edition.favicon_path), edition.favicon_path),
        css: (palette_css(edition).encode("utf-8"), None),
    }
    files = {}
    for site_path, (content, image) in contents.items():
        target = folder / Path(site_path).name
        if write_if_changed(target, content) and image is not None and dropped(image):
            log.info("edition image %s: published without %s", image, ", ".join(dropped(image)))
        files[site_path] = target
    # Drawn again only when the logo changed: the PNG's bytes are part of the documents' cache key.
    doc_logo = folder / "logo-documents.png"
    source = folder / "logo-documents.source"
    digest = hashlib.sha256(published(edition.documents_logo_path)).hexdigest().encode()
    if not doc_logo.is_file() or not source.is_file() or source.read_bytes() != digest:
        write_if_changed(doc_logo, document_png(edition.documents_logo_path))
        write_if_changed(source, digest)
    return Assets(files=files, logo=logo, favicon=favicon, css=css, doc_logo=doc_logo)
