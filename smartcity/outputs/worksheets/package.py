"""Zip packages (DOCX, ODT) whose bytes follow from their content alone.

python-docx and odfpy stamp every zip entry with the time of writing, so two builds of
one worksheet differ and the cache (cache.py) would not hold. Each entry is written again
in the same order and compression, stamped with the document's own date.
"""
from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path


def restamp(path: Path, when: datetime) -> None:
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, blob in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, blob)
