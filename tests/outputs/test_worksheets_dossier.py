"""The strategy dossier's templates, as the build makes them (issue 18, part 2): every
worksheet in guide order with each of its answer places named "<worksheet>.<input>", no name
twice, marks only where the page may remove something, no repair-prompt cause in the Word
file, and a clean LibreOffice conversion. The browser's filling is in
tests/browser/test_dossier_browser.py."""
from __future__ import annotations

import zipfile
from types import SimpleNamespace

import pytest
from docx import Document
from lxml import etree

from smartcity.model.loader import DataError
from smartcity.outputs.worksheets import dossier_odt, dossier_word
from smartcity.outputs.worksheets.dossier_view import MARKS, OPEN, dossier_view, entry
from smartcity.outputs.worksheets.load import load_cached
from smartcity.outputs.worksheets.view import BOOKMARK_MAX, bookmark_name, view
from tests.outputs.docx_checks import problems
from tests.outputs.dossier_answers import contents, marks, read
from tests.outputs.libreoffice import convert_all
from tests.outputs.office_answers import NS, places
from tests.outputs.pdf_readers import pdftotext


@pytest.fixture(scope="module")
def made(data, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("dossier")
    out = {}
    for lang in ("fr", "en"):
        d = dossier_view(data, lang, [view(data, s, lang) for s in load_cached(data).values()])
        for fmt, writer in (("docx", dossier_word), ("odt", dossier_odt)):
            path = folder / d.filename(fmt)
            writer.write(d, path)
            out[(lang, fmt)] = (d, path)
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_every_worksheets_places_under_its_id_and_nothing_else(made, lang, fmt):
    d, path = made[(lang, fmt)]
    identity, found = read(path)
    assert identity == {"sc-document": "dossier", "sc-language": lang, "sc-edition": d.header.edition}
    wanted = {f"{v.id}.{name}" for v in d.sheets for name in places(v)}
    own = {"dossier.municipality", "dossier.date"} | {f"status.{p.id}.{s}" for p in d.phases for s in ("done", "started", "todo")}
    assert set(found) == wanted | own


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_marks_are_the_regions_and_entries_the_page_removes(made, fmt):
    d, path = made[("en", fmt)]
    sheets = [bookmark_name(v.id) for v in d.sheets]
    expected = (sheets + [MARKS["not_started"]] + [entry("ns", v.id) for v in d.sheets] + [MARKS["status"], MARKS["open_none"]]
                + [m for s in OPEN for m in [MARKS[s]] + [entry(s, i.id) for p in d.phases for i in p.items]])
    assert marks(path) == expected  # in guide order, each once
    assert all(len(m) <= BOOKMARK_MAX for m in expected)
    assert contents(path) == sheets + [MARKS["not_started"], MARKS["status"]]
    assert [v.number for v in d.sheets] == list(range(1, 16))


def test_word_file_has_no_repair_prompt_cause_and_reads_as_a_document(made):
    for lang in ("fr", "en"):
        d, path = made[(lang, "docx")]
        assert problems(path) == []
        doc = Document(str(path))
        assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == d.title
        ones = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
        assert ones[1:16] == [v.title for v in d.sheets]
        with zipfile.ZipFile(path) as z:
            assert f'w:lang w:val="{d.locale}'.encode() in z.read("word/styles.xml")


def test_odt_names_each_section_table_and_box_once(made):
    _, path = made[("fr", "odt")]
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("content.xml"))
    for tag, attr in (("text:section", "text:name"), ("table:table", "table:name"), ("form:checkbox", "form:name")):
        prefix, local = tag.split(":")
        ns = NS.get(prefix, "urn:oasis:names:tc:opendocument:xmlns:table:1.0")
        names = [e.get(f"{{{NS.get(attr.split(':')[0], ns)}}}{attr.split(':')[1]}") for e in root.iter(f"{{{ns}}}{local}")]
        assert names and len(names) == len(set(names)), tag


@pytest.mark.xdist_group("libreoffice")
def test_libreoffice_converts_both_cleanly(made, tmp_path):
    for fmt in ("docx", "odt"):
        [pdf] = convert_all([made[("en", fmt)][1]], "pdf", tmp_path / fmt)
        text = pdftotext(pdf)
        assert "Smart city strategy dossier" in text and "Worksheets not started" in text and "Gaps and decisions" in text


def test_a_checklist_id_too_long_for_word_stops_the_build(data):
    long = data.checklist.items[0].model_copy(update={"id": "p0-s1-" + "x" * 30})
    checked_first = SimpleNamespace(checklist=SimpleNamespace(items=(long,)))  # the ids are checked before anything else
    with pytest.raises(DataError, match=r"data/checklist.yml: entry 'p0-s1-x+', field 'id': .* 46 characters, where 40"):
        dossier_view(checked_first, "en", [])
