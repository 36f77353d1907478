"""The proxies for Word's repair prompt (tests/outputs/docx_checks.py): every blank worksheet
DOCX passes them, and each one finds what it is there to find."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from smartcity.outputs.worksheets import word
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import view
from tests.outputs.docx_checks import problems


@pytest.fixture(scope="module")
def blank(data, tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("docx-checks")
    out = []
    for lang in ("fr", "en"):
        for sheet in load_worksheets(data).values():
            v = view(data, sheet, lang)
            word.write(v, folder / v.filename("docx"))
            out.append(folder / v.filename("docx"))
    return out


def test_every_blank_worksheet_passes(blank):
    assert {p.name: problems(p) for p in blank if problems(p)} == {}


def _broken(src: Path, dst: Path, part: str, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename == part:
                blob = edit(blob.decode("utf-8")).encode("utf-8")
            if part != "-" + info.filename:
                zout.writestr(info, blob)
    return dst


@pytest.mark.parametrize("part, edit, found", [
    ("word/document.xml", lambda x: x.replace("</w:body>", "<w:p></w:body>"), "not well-formed"),
    ("[Content_Types].xml", lambda x: re.sub(r'<Default Extension="png"[^>]*/>', "", x), "word/media/image1.png: no content type"),
    ("-word/footer1.xml", lambda x: x, "points to missing word/footer1.xml"),
    ("word/document.xml", lambda x: re.sub(r'(<w:bookmarkStart w:id=")\d+', r"\g<1>7", x), "bookmarkStart ids repeat"),
    ("word/document.xml", lambda x: re.sub(r'mc:Ignorable="[^"]*"', 'mc:Ignorable="wp14"', x), "w14 used but not in mc:Ignorable"),
    ("word/document.xml", lambda x: re.sub(r"(<w:alias [^>]*/>)(<w:tag [^>]*/>)", r"\2\1", x, count=1), "sdtPr children out of order"),
])
def test_each_check_finds_its_fault(blank, tmp_path, part, edit, found):
    broken = _broken(blank[0], tmp_path / "broken.docx", part, edit)
    assert any(found in p for p in problems(broken)), problems(broken)
