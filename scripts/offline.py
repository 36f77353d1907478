"""The whole built site as one zip, for an intranet or a USB stick: it works from file://.

The site is already made for it (Material's offline plugin inlines the search
index, use_directory_urls is off and every link is relative). The zip holds one
folder named after the edition, so unzipping never scatters files, and it never
holds itself.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

# Fixed dates and modes: the same site gives the same zip, byte for byte.
EPOCH = (2017, 1, 1, 0, 0, 0)
STORED = {".zip", ".png", ".jpg", ".jpeg", ".gz", ".pdf", ".docx", ".odt", ".woff", ".woff2"}


def make_zip(site: Path, name: str, folder: str) -> Path:
    """Write site/<name> with every file of `site` under `folder/`; return its path."""
    target = site / name
    tmp = site.parent / f".{name}.{os.getpid()}.tmp"
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in files:
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", EPOCH)
                info.external_attr = 0o644 << 16
                packed = path.suffix.lower() in STORED  # already compressed: deflating gains nothing
                info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
