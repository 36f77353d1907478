"""`make serve`'s quick rebuild after a data edit, on a real build: a dirty build renders again
the pages that read what changed, and only those (smartcity/mkdocs/reads_hooks.py). The
edits go to a copy of the Val-Fleuri edition's local case, so the repository is untouched."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build

BUILD = """
import sys
from pathlib import Path
from scripts.site import build_language
build_language("fr", dirty=sys.argv[1] == "dirty", site_dir=Path(sys.argv[2]))
"""


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reads") / "edition"
    shutil.copytree(ROOT / "tests" / "fixtures" / "edition-valfleuri", folder)
    return folder


def build(edition: Path, dirty: bool) -> dict[str, float]:
    """Build (fr, the edition's one language); the time each page's HTML was last written."""
    site = edition.parent / "site"
    env = {**os.environ, "SC_EDITION": str(edition / "edition.yml"), "SC_DOWNLOADS": "0",
           "SC_READS_FILE": str(edition.parent / "reads-{lang}.json")}
    done = subprocess.run([sys.executable, "-c", BUILD, "dirty" if dirty else "full", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return {str(p.relative_to(site / "fr")): p.stat().st_mtime_ns for p in (site / "fr").rglob("*.html")}


def rebuilt(before: dict[str, float], after: dict[str, float]) -> set[str]:
    return {page for page, when in after.items() if before.get(page) != when} - {"404.html"}


def test_a_dirty_build_renders_again_exactly_the_pages_that_read_what_changed(edition):
    case = edition / "local" / "cases" / "val-fleuri-parking.yml"
    first = build(edition, dirty=False)
    record = json.loads((edition.parent / "reads-fr.json").read_text(encoding="utf-8"))
    assert "cases/val-fleuri-parking.md" in record["pages"] and len(record["pages"]) > 30

    assert rebuilt(first, second := build(edition, dirty=True)) == set(), "nothing changed, nothing rendered"

    # A figure of the local case: its page shows it, and so do the pages recorded as reading it.
    case.write_text(case.read_text(encoding="utf-8").replace("value: 40", "value: 41"), encoding="utf-8")
    third = build(edition, dirty=True)
    readers = {uri.replace(".md", ".html") for uri, found in record["pages"].items()
               if "cases/val-fleuri-parking.stats" in found}
    assert "cases/val-fleuri-parking.html" in readers
    assert rebuilt(second, third) == readers
    assert "about/privacy.html" not in readers
    page = (edition.parent / "site" / "fr" / "cases" / "val-fleuri-parking.html").read_text(encoding="utf-8")
    assert ">41<" in page or "41 " in page

    # Its name is in the navigation, which every page shows: every page is rendered again.
    case.write_text(case.read_text(encoding="utf-8").replace("city: {fr: Val-Fleuri}", "city: {fr: Val-Fleuri-Centre}"),
                    encoding="utf-8")
    fourth = build(edition, dirty=True)
    assert rebuilt(third, fourth) == set(fourth) - {"404.html"}
    assert "Val-Fleuri-Centre" in (edition.parent / "site" / "fr" / "about" / "privacy.html").read_text(encoding="utf-8")
