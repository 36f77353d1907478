"""Reading the open data's .xlsx files back, for the tests: with openpyxl (cell types, formats,
properties) and with LibreOffice Calc headless (what a spreadsheet makes of the cells)."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl

from tests.conftest import need


def workbook(raw: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(raw))


def sheet_rows(raw: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's values, row by row, the header first; an empty cell reads as None."""
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in workbook(raw)}


def all_text(raw: bytes) -> str:
    """Every cell of every sheet, one per line: what a search of the file's contents finds."""
    return "\n".join(str(v) for rows in sheet_rows(raw).values() for row in rows for v in row if v is not None)


def calc_csv(path: Path, out: Path) -> list[list[str]]:
    """The first sheet as LibreOffice Calc reads it, saved as CSV (UTF-8, commas). Each
    pytest-xdist worker has its own LibreOffice profile: two conversions sharing one collide
    on its lock."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need(soffice is not None and Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
         "LibreOffice Calc is missing: apt-get install libreoffice-calc-nogui (make test does)")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    profile = Path(f"/tmp/lo-{worker}-{os.getuid()}")
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=180)
    target = out / (path.stem + ".csv")
    assert done.returncode == 0 and target.is_file(), done.stderr or done.stdout
    return list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
