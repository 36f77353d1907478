"""Shared by the quality gates: which built pages exist, and how to reach them.

The gates cover every HTML page that exists when pytest collects, so pages added
by any later change are checked without editing a list.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import SITE

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def built_pages(site: Path = SITE) -> list[str]:
    """Every built HTML page, as a path relative to the site root (both languages and the root)."""
    if not site.is_dir():
        return []
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def page_params(site: Path = SITE) -> list:
    """One pytest param per page, so xdist spreads the pages over its workers.

    Without a built site there is one placeholder whose test then skips (or fails in CI)
    through the `site` fixture.
    """
    pages = built_pages(site)
    if not pages:
        return [pytest.param(None, id="no-site")]
    return [pytest.param(p, id=p) for p in pages]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname in LOCAL_HOSTS if parts.hostname else True


def step_pages(site: Path = SITE, lang: str = "en") -> list[str]:
    """Built step pages of one language (they carry data-sc-step), in path order."""
    out = []
    for rel in built_pages(site):
        if rel.startswith(f"{lang}/") and "data-sc-step=" in (site / rel).read_text(encoding="utf-8"):
            out.append(rel)
    return out
