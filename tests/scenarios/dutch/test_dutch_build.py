"""A whole site in a third language, built by MkDocs with our plugin (issue 16, part 8): the
fixture's own data root (Dutch only, SC_DATA_ROOT), its edition and one page, through the
product's base config and theme. Pages, case page, search, open data, worksheet documents and
the guide PDF come out in Dutch, and a missing Dutch text stops the build naming it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT, break_yaml

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.build


def build(site: Path, data_root: Path = HERE / "data", cache: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SC_DATA_ROOT": str(data_root), "SC_EDITION": str(HERE / "edition" / "edition.yml"),
           "SC_WORKSHEETS_CACHE": str(cache or site.parent / "cache"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                           "-f", str(HERE / "config" / "nl.yml"), "-d", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dutch") / "nl"
    done = build(out)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def test_the_pages_are_dutch_with_the_theme_in_dutch(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home and "Smart City-gids van Lindevoort" in home
    assert 'placeholder="Zoeken"' in home, "Material's own strings in Dutch"
    assert "\u202f:" not in home and "\xa0:" not in home, "no French spacing rules in Dutch"
    case = (site / "cases" / "lindevoort.html").read_text(encoding="utf-8")
    assert "fietsenstallingen bij het station" in case and "7.500" in case, "Dutch numbers"
    assert "Alle praktijkvoorbeelden" in case


def test_search_stems_dutch_and_the_open_data_holds_dutch_only(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    cases = json.loads((site / "data" / "cases.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in cases["cases"]] == ["lindevoort"] and set(cases["cases"][0]["summary"]) == {"nl"}


def test_the_documents_are_in_dutch(site):
    docx = site / "downloads" / "worksheets" / "p0-s1-politieke-wil.nl.docx"
    with zipfile.ZipFile(docx) as z:
        assert 'w:val="nl-BE"' in z.read("word/styles.xml").decode("utf-8")
    guide = PdfReader(site / "downloads" / "dutch-fixture.nl.pdf")
    assert guide.trailer["/Root"]["/Lang"] == "nl"
    text = " ".join(page.extract_text() for page in guide.pages)
    assert "de volledige gids" in text.lower() and "Bijlage: de werkbladen" in text


def test_a_missing_dutch_text_stops_the_build_naming_file_entry_and_field(site, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(HERE / "data", broken)
    break_yaml(broken, "cases/lindevoort.yml", lambda raw: raw["summary"].pop("nl"))
    done = build(tmp_path / "nl", broken, cache=site.parent / "cache")
    assert done.returncode != 0
    assert "cases/lindevoort.yml: entry 'lindevoort', field 'summary.nl': is required" in done.stderr
