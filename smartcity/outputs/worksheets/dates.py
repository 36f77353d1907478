"""The date the office documents carry: when what they show last changed, never when they were made.

A document's bytes must follow from its content alone, or the content-addressed cache
(cache.py) would hold files that differ from a fresh build. So the date is, in order:
SOURCE_DATE_EPOCH when the build sets it (reproducible-builds.org); else the last commit
that touched the data or the edition; else the newest file among them (a copy without git).
It is part of the view's header, hence of every document's cache key.
"""
from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from smartcity.model.loader import ROOT

SOURCES = ("data", "edition", "edition.yml")  # what the documents are drawn from


def _git_epoch(root: Path) -> int | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct", "--", *SOURCES],
                             capture_output=True, text=True, timeout=20, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def _newest_file(root: Path) -> int:
    newest = 0.0
    for name in SOURCES:
        path = root / name
        files = path.rglob("*") if path.is_dir() else [path]
        newest = max([newest] + [f.stat().st_mtime for f in files if f.is_file()])
    return int(newest)


def epoch(root: Path = ROOT, environ: dict | None = None) -> int:
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    found = _git_epoch(root)
    return found if found is not None else _newest_file(root)


@lru_cache(maxsize=1)
def content_date() -> str:
    """ISO 8601 in UTC, to the second (the form docProps/core.xml and meta.xml take)."""
    return datetime.fromtimestamp(epoch(), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_datetime(iso: str) -> datetime:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
