"""The outputs layer runs without MkDocs: the worksheets' documents and the open data are made
from the data and an edition by code that imports neither mkdocs nor material (the platform
plan in the README; the import contracts in pyproject.toml keep it so)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SCRIPT = """
import json, sys
from smartcity.edition.data import site_data
from smartcity.edition.model import load_edition
from smartcity.outputs.open_data.export import Site, build_files
from smartcity.outputs.worksheets.build import generate

edition, data = load_edition(), site_data()
site = Site(root=str(edition.site_url), langs=tuple(edition.languages))
files = build_files(data, "fr", site, {code: edition.licence(code) for code in edition.languages})
result = generate(data, "fr")
loaded = sorted({name.split(".")[0] for name in sys.modules} & {"mkdocs", "material", "mkdocs_macros"})
print(json.dumps({"files": sorted(files), "sheets": len([k for k in result.downloads if k != "dossier"]),
                  "dossier": [d.filename for d in result.downloads["dossier"]],
                  "documents": sum(len(d) for d in result.downloads.values()), "loaded": loaded,
                  "cases": len(json.loads(files["cases.json"])["cases"])}))
"""


def test_worksheets_and_open_data_are_made_with_mkdocs_not_imported():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["loaded"] == [], f"imported by the outputs layer: {out['loaded']}"
    assert {"cases.json", "cases.csv", "cases.schema.json", "checklist.json", "indicators.json"} <= set(out["files"])
    assert out["sheets"] == 15 and out["documents"] == 45 + 2 and out["cases"] >= 17  # 15 × 3, and the dossier's 2
    assert out["dossier"] == ["dossier.fr.docx", "dossier.fr.odt"]


RUN = """
import runpy, sys, json
sys.argv = [sys.argv[1]] + sys.argv[2:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__")
finally:
    print(json.dumps(sorted({n.split(".")[0] for n in sys.modules} & {"mkdocs", "material", "mkdocs_macros"})))
"""


def run_cli(module: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", RUN, module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_each_output_runs_on_its_own_from_the_command_line(tmp_path):
    assert run_cli("smartcity.outputs.open_data", "--lang", "en", "--out", str(tmp_path / "data")) == []
    assert json.loads((tmp_path / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]
    assert run_cli("smartcity.outputs.worksheets", "--lang", "fr", "--out", str(tmp_path / "ws")) == []
    assert len(list((tmp_path / "ws").glob("p*-s*.fr.*"))) == 45


@pytest.mark.build  # it takes the fixture edition's build
def test_the_guide_pdf_is_made_from_its_print_page_without_mkdocs(tmp_path):
    from pypdf import PdfReader

    from tests.conftest import valfleuri_site

    page = valfleuri_site().parent / "guide-fr.html"
    assert run_cli("smartcity.outputs.guide_pdf", str(page), str(tmp_path / "guide.pdf")) == []
    assert len(PdfReader(tmp_path / "guide.pdf").pages) > 20
