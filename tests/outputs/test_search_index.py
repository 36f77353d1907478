"""A dirty rebuild (`make serve` after a page is saved) keeps every page in the search index."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from smartcity.mkdocs.search_hooks import merge_index
from tests.conftest import ROOT


def _doc(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_rebuilt_pages_replace_their_entries_in_place_and_others_keep_theirs():
    old = {"config": {"lang": ["fr"]}, "docs": [
        _doc("index.html"), _doc("a.html"), _doc("a.html#one"), _doc("a.html#gone"), _doc("b.html")]}
    new = {"config": {"lang": ["fr"]}, "docs": [_doc("a.html", "edited"), _doc("a.html#one"), _doc("c.html")]}
    merged = merge_index(old, new)
    assert [d["location"] for d in merged["docs"]] == ["index.html", "a.html", "a.html#one", "b.html", "c.html"]
    assert merged["docs"][1]["text"] == "edited" and merged["config"] == new["config"]


def test_a_page_rebuilt_without_entries_or_gone_from_the_site_loses_its_old_ones():
    old = {"config": {}, "docs": [_doc("index.html"), _doc("a.html"), _doc("a.html#one"), _doc("gone.html")]}
    new = {"config": {}, "docs": []}  # a.html is now excluded from search; gone.html was deleted
    merged = merge_index(old, new, rebuilt={"a.html"}, pages={"index.html", "a.html"})
    assert [d["location"] for d in merged["docs"]] == ["index.html"]


def test_a_full_index_replaces_the_old_one():
    old = {"config": {}, "docs": [_doc("a.html"), _doc("b.html")]}
    new = {"config": {}, "docs": [_doc("b.html"), _doc("a.html")]}
    assert [d["location"] for d in merge_index(old, new)["docs"]] == ["a.html", "b.html"]


BUILD = """
import json, os, sys
from pathlib import Path
from scripts.site import build_language
site = Path(sys.argv[1])
build_language("en", site_dir=site)
page = site / "en" / "phase-1" / "p1-s1-diagnosis.html"
os.utime(page, (0, 0))  # older than its source: the dirty build renders it again
build_language("en", dirty=True, site_dir=site)
"""


@pytest.mark.build
def test_a_dirty_rebuild_keeps_every_page_in_the_index(tmp_path):
    env = {**os.environ, "SC_DOWNLOADS": "0"}
    done = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    folder = tmp_path / "en" / "search"
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    built = {p.relative_to(tmp_path / "en").as_posix() for p in (tmp_path / "en").rglob("*.html")}
    assert "phase-1/p1-s1-diagnosis.html" in pages and "index.html" in pages
    assert len(pages) >= len(built) - 5, sorted(built - pages)  # 404 and the like are not indexed
    assert len(index["docs"]) == len({d["location"] for d in index["docs"]}), "an entry is duplicated"
    inlined = (folder / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(inlined.removeprefix("var __index = ")) == index, "the offline copy is the merged index"
