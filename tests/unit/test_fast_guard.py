"""make test-fast has no built site: a test that reads site/ there fails, whether it takes the
`site` fixture unmarked (it is marked `build` for it, so -m leaves it out) or opens a file."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT, SITE

PROBE = '''
from tests.conftest import SITE

def test_reads_the_site_directly():
    (SITE / "index.html").read_text()

def test_lists_the_site():
    list(SITE.iterdir())

def test_takes_the_fixture(site):
    pass

def test_reads_nothing():
    assert True
'''


def run(tmp_path, fast: bool) -> str:
    probe = ROOT / "tests" / f"test_zz_probe_{os.getpid()}.py"
    probe.write_text(PROBE, encoding="utf-8")
    try:
        env = {**os.environ, "SC_TEST_FAST": "1" if fast else "0", "SC_SITE_DIR": str(SITE)}
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                               "-m", "not browser and not build", str(probe)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        return done.stdout
    finally:
        probe.unlink()


def test_test_fast_fails_a_test_that_reads_the_site_and_leaves_out_one_that_takes_it(tmp_path):
    out = run(tmp_path, fast=True)
    assert "2 failed, 1 passed, 1 deselected" in out, out[-2000:]
    assert "this test reads the built site; mark it `build`" in out
