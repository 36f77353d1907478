"""LibreOffice headless, for the tests: reopen a document the way a user's office suite does
and save it in another format (a DOCX or ODT as PDF, an XLSX as CSV...).

One profile (`-env:UserInstallation`) per pytest-xdist worker, so parallel conversions do
not collide on its lock; a file lock next to it makes a second test run on the same machine
wait for the first rather than hand its files to the other run's soffice. Convert many files
in one call where you can (`convert_all`): each soffice start costs seconds.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import need

TIMEOUT = 600  # seconds for one soffice call; a batch of a dozen documents takes well under a minute


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    need(found is not None, "LibreOffice (soffice) is missing: apt-get install libreoffice-writer-nogui "
                            "libreoffice-calc-nogui (make test does)")
    return found


def profile() -> Path:
    """This worker's LibreOffice profile folder (made by soffice on first use)."""
    return Path(tempfile.gettempdir()) / f"lo-profile-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def convert_all(paths: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Convert every file in one soffice call; `fmt` as soffice's --convert-to takes it ("pdf",
    "odt", "csv:Text - txt - csv (StarCalc):59,34,76"). Returns the new files, in order."""
    stems = [p.stem for p in paths]
    assert len(set(stems)) == len(stems), f"two inputs would write the same file in {outdir}: {stems}"
    outdir.mkdir(parents=True, exist_ok=True)
    ext = fmt.split(":", 1)[0]
    targets = [outdir / f"{p.stem}.{ext}" for p in paths]
    for target in targets:
        target.unlink(missing_ok=True)
    home = profile()
    command = [soffice(), "--headless", "--norestore", f"-env:UserInstallation={home.as_uri()}",
               "--convert-to", fmt, "--outdir", str(outdir), *map(str, paths)]
    with open(f"{home}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    missing = [t.name for t in targets if not t.is_file()]
    assert not missing, f"soffice did not write {missing} (exit {done.returncode}):\n{done.stderr[-2000:]}"
    return targets


def convert(path: Path, fmt: str, outdir: Path) -> Path:
    """One file: `convert(doc, "pdf", tmp_path)` is tmp_path / "<doc's stem>.pdf"."""
    return convert_all([path], fmt, outdir)[0]
