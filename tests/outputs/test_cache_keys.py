"""Caches keyed by their real inputs: the worksheets' and the guide PDF's keys hash every
first-party module their generators load, which this test finds by running them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from smartcity.core.sources import closure
from smartcity.outputs.guide_pdf import assemble
from smartcity.outputs.worksheets import cache
from tests.conftest import ROOT

WORKSHEETS = """
import json, sys, tempfile
from pathlib import Path
from smartcity.model.loader import load
from smartcity.outputs.worksheets import fonts, odt, pdf, word
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import header_for, view
data = load()
sheet = load_worksheets(data)["p1-s1"]
v = view(data, sheet, "fr", header_for("fr"))
out = Path(tempfile.mkdtemp())
pdf.write(v, out / "a.pdf", fonts.subset_fonts(out / "fonts"))
word.write(v, out / "a.docx")
odt.write(v, out / "a.odt")
print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items() if n.split(".")[0] == "smartcity"
                        and getattr(m, "__file__", None))))
"""


def loaded_by(script: str) -> set[Path]:
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return {Path(p).resolve() for p in json.loads(done.stdout.strip().splitlines()[-1])}


def test_the_worksheet_key_covers_every_module_the_writers_load():
    hashed = set(cache.generator_files())
    loaded = loaded_by(WORKSHEETS)
    missing = sorted(str(p.relative_to(ROOT)) for p in loaded - hashed)
    assert not missing, f"modules the writers load that the cache key leaves out: {missing}"
    assert ROOT / "smartcity" / "outputs" / "worksheets" / "pdf.css" in hashed
    assert ROOT / "smartcity" / "render" / "fmt.py" in hashed  # imported by the view, two levels down


def test_the_guide_pdf_key_covers_its_modules_styles_and_template():
    hashed = set(assemble.generator_files())
    assert set(closure("smartcity.outputs.guide_pdf.assemble", "smartcity.outputs.guide_pdf.html")) <= hashed
    assert assemble.CSS in hashed and ROOT / "smartcity" / "render" / "templates" / "guide_pdf.html" in hashed


def test_a_change_in_any_hashed_module_changes_the_key(tmp_path, monkeypatch):
    before = cache.generator_hash()
    target = ROOT / "smartcity" / "render" / "fmt.py"
    original = Path.read_bytes

    def changed(self):
        data = original(self)
        return data + b"\n# changed" if self == target else data

    cache.generator_hash.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", changed)
    try:
        assert cache.generator_hash() != before
    finally:
        monkeypatch.undo()
        cache.generator_hash.cache_clear()
    assert cache.generator_hash() == before


def test_fonts_made_side_by_side_on_a_cold_cache_do_not_collide(tmp_path):
    """Two builds (the two languages) cut the same fonts into an empty cache at once: each
    writes its own temporary file, so neither finds its file renamed away by the other."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    from smartcity.outputs.worksheets.fonts import subset_fonts

    folder = tmp_path / "fonts"
    with ProcessPoolExecutor(max_workers=2) as procs, ThreadPoolExecutor(max_workers=2) as threads:
        made = [f.result() for f in [procs.submit(subset_fonts, folder) for _ in range(2)]
                + [threads.submit(subset_fonts, folder) for _ in range(2)]]
    assert all(m == made[0] for m in made) and all(p.is_file() for p in made[0].values())
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*.tmp"))
