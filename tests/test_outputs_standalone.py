"""The outputs layer runs without MkDocs: the worksheets' documents and the open data are made
from the data and an edition by code that imports neither mkdocs nor material (the platform
plan in the README; the import contracts in pyproject.toml keep it so)."""
from __future__ import annotations

import json
import subprocess
import sys

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
print(json.dumps({"files": sorted(files), "sheets": len(result.downloads),
                  "documents": sum(len(d) for d in result.downloads.values()), "loaded": loaded,
                  "cases": len(json.loads(files["cases.json"])["cases"])}))
"""


def test_worksheets_and_open_data_are_made_with_mkdocs_not_imported():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["loaded"] == [], f"imported by the outputs layer: {out['loaded']}"
    assert {"cases.json", "cases.csv", "cases.schema.json", "checklist.json", "indicators.json"} <= set(out["files"])
    assert out["sheets"] == 15 and out["documents"] == 45 and out["cases"] >= 17
