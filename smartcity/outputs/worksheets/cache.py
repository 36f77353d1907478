"""Content-addressed cache of generated documents (.cache/worksheets/).

A document's key hashes what it shows (the worksheet view, drawn from the data and the
edition, header included), its format, the files it embeds (fonts, logo) and the generator
itself: every module the writers import, at any depth (smartcity/core/sources.py), the
template and the styles, the library versions. An unchanged worksheet is never rebuilt.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from smartcity.core.sources import closure, templates
from smartcity.model.loader import ROOT

# SC_WORKSHEETS_CACHE moves it (CI caches, measuring a cold build without touching yours).
FOLDER = Path(os.environ.get("SC_WORKSHEETS_CACHE", ROOT / ".cache" / "worksheets")).resolve()
HERE = Path(__file__).resolve().parent
TEMPLATES = ROOT / "smartcity" / "render" / "templates"
LIBRARIES = ("weasyprint", "python-docx", "odfpy", "fonttools", "pypdf", "pikepdf")
# The writers, from which every module that shapes a document is found; the page form
# (html.py) is not among them.
WRITERS = tuple(f"smartcity.outputs.worksheets.{name}" for name in ("view", "pdf", "word", "odt", "fonts", "cache"))
STYLES = (HERE / "pdf.css",)


def generator_files() -> tuple[Path, ...]:
    return closure(*WRITERS) + STYLES + templates(TEMPLATES, "worksheet_pdf.html")


@lru_cache(maxsize=1)
def generator_hash() -> str:
    digest = hashlib.sha256()
    for path in generator_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for lib in LIBRARIES:
        digest.update(f"{lib}={version(lib)}".encode())
    return digest.hexdigest()


def key(fingerprint: str, fmt: str, extra: bytes = b"") -> str:
    """The cache key of one document; `extra` covers files it embeds (fonts, logo)."""
    digest = hashlib.sha256()
    for part in (generator_hash().encode(), fmt.encode(), fingerprint.encode(), extra):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:24]


def path_for(folder: Path, key_: str, filename: str) -> Path:
    return folder / f"{key_}-{filename}"


def store(make, target: Path) -> None:
    """Write through a temporary file, so a crash or a parallel build never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        make(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def prune(folder: Path, lang: str, keep: set[Path]) -> int:
    """Drop this language's documents that no current worksheet uses any more."""
    dropped = 0
    for path in folder.glob(f"*.{lang}.*"):
        if path not in keep and not path.name.startswith("."):
            path.unlink(missing_ok=True)
            dropped += 1
    return dropped
