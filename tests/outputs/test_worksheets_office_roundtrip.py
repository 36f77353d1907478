"""A blank DOCX or ODT filled in outside the browser, then saved again by LibreOffice 7.4 (the
version CI installs), still says which worksheet, language and edition it is, and gives back
every answer by its place: text with markup, quotes and emoji, paragraphs added with Enter,
tabs, and ticked boxes (issue 18, part 3). LibreOffice drops `w:tag` on a DOCX save; the
bookmarks and the cells keep the places."""
from __future__ import annotations

import pytest

from smartcity.outputs.worksheets import odt, word
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import view
from tests.outputs.libreoffice import convert_all
from tests.outputs.office_answers import answers_for, differences, fill_docx, fill_odt, read_docx, read_odt
from tests.outputs.test_worksheets_libreoffice import chosen

pytestmark = pytest.mark.xdist_group("libreoffice")
WRITERS = {"docx": (word.write, fill_docx, read_docx, "docx:MS Word 2007 XML"),
           "odt": (odt.write, fill_odt, read_odt, "odt")}


@pytest.fixture(scope="module", params=sorted(WRITERS))
def resaved(request, data, tmp_path_factory):
    """(view, answers written, file as LibreOffice saved it) for the chosen worksheets, fr and en."""
    fmt = request.param
    write, fill, _, target = WRITERS[fmt]
    folder = tmp_path_factory.mktemp(f"roundtrip-{fmt}")
    sheets = load_worksheets(data)
    made = []
    for lang in ("fr", "en"):
        for sheet_id in chosen(data):
            v = view(data, sheets[sheet_id], lang)
            blank, filled = folder / f"blank-{v.id}-{lang}.{fmt}", folder / f"{v.id}-{lang}.{fmt}"
            write(v, blank)
            answers = answers_for(v)
            fill(blank, filled, answers)
            made.append((v, answers, filled))
    saved = convert_all([f for _, _, f in made], target, folder / "saved")
    return fmt, [(v, answers, filled, path) for (v, answers, filled), path in zip(made, saved)]


def test_filled_files_read_back_before_and_after_libreoffice(resaved):
    fmt, made = resaved
    read = WRITERS[fmt][2]
    for v, answers, filled, saved in made:
        for path in (filled, saved):
            identity, found = read(path)
            assert identity == v.identity(), f"{path.name}: identity {identity}"
            wrong = differences(answers, found)
            assert not wrong, f"{path.name}: {len(wrong)} answers changed, such as {wrong[:3]}"


def test_every_answer_place_is_named_once(resaved):
    fmt, made = resaved
    read = WRITERS[fmt][2]
    for v, answers, filled, _ in made[:1]:
        _, found = read(filled)
        assert set(found) == set(answers), f"{fmt}: places without a name or names without a place"
