"""A page's sources through a real MkDocs build of the Dutch fixture (issue 19, part 2): the
guide of the fixture's data is credited and its figures cited, and a cite() of an unknown id
stops the build naming the page and the id."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.build


def build(tmp_path: Path, index: str, quiet: bool = True) -> tuple[subprocess.CompletedProcess, Path]:
    """The fixture's site with its home page replaced by `index` (a config of its own, so the
    fixture's docs stay as they are). `quiet=False` to read why it failed: the macros plugin logs a
    macro's error as a warning before it stops the build."""
    docs = tmp_path / "docs" / "nl"
    shutil.copytree(HERE / "docs" / "nl", docs)
    (docs / "index.md").write_text(index, encoding="utf-8")
    config = tmp_path / "nl.yml"
    config.write_text((HERE / "config" / "nl.yml").read_text(encoding="utf-8")
                      .replace("INHERIT: ../../../../mkdocs.yml", f"INHERIT: {ROOT / 'mkdocs.yml'}")
                      .replace("docs_dir: ../docs/nl", f"docs_dir: {docs}")
                      .replace("site_dir: ../site/nl", f"site_dir: {tmp_path / 'site'}")
                      .replace("custom_dir: ../../../../overrides", f"custom_dir: {ROOT / 'overrides'}"),
                      encoding="utf-8")
    env = {**os.environ, "SC_DATA_ROOT": str(HERE / "data"), "SC_EDITION": str(HERE / "edition" / "edition.yml"),
           "SC_WORKSHEETS_CACHE": str(tmp_path / "cache"), "SC_DOWNLOADS": "0", "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []),
                           "-f", str(config), "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    return done, site


def test_sources_are_listed_and_an_unknown_cite_stops_the_build(tmp_path):
    page = (HERE / "docs" / "nl" / "index.md").read_text(encoding="utf-8")
    done, site = build(tmp_path / "good", page.replace("\n\n", ' {{ cite("praktische-gids-2026") }}\n\n', 1))
    assert done.returncode == 0, done.stderr[-3000:]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="sc-ref-praktische-gids-2026"' in home and 'href="https://example.org/praktische-gids" rel="external"' in home
    assert '<a href="#sc-ref-praktische-gids-2026" aria-label="Bron 1">1</a>' in home
    case = (site / "cases" / "lindevoort.html").read_text(encoding="utf-8")
    # Two figures and the case's source cite the guide; the population cites its register.
    assert case.count('<a href="#sc-ref-praktische-gids-2026"') >= 3
    assert '<a href="#sc-ref-lindevoort-register"' in case

    done, _ = build(tmp_path / "bad", page.replace("\n\n", ' {{ cite("nergens") }}\n\n', 1), quiet=False)
    assert done.returncode != 0
    assert done.returncode != 0 and "docs/nl/index.md" in done.stderr and "unknown reference id 'nergens'" in done.stderr, done.stderr[-3000:]
