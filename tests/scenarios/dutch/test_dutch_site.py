"""A site in a third language (issue 16, part 8): a data root of its own, in Dutch only, with
its languages.yml and only the sources this site uses, goes through the loader and the
outputs layer: the open data (JSON, CSV, schema) and a worksheet's PDF, DOCX and ODT, all in
Dutch. A missing Dutch text stops it, naming the file, the entry and the field. Fast: the
outputs run without MkDocs."""
from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from smartcity.model.loader import DataError, load
from smartcity.outputs.open_data.export import Site, cases_csv, cases_json, schema_json
from smartcity.outputs.worksheets import odt, pdf, word
from smartcity.outputs.worksheets.fonts import subset_fonts
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import Header, view
from tests.conftest import break_yaml

DATA = Path(__file__).resolve().parent / "data"
USED = ("phases", "dimensions", "units", "ui", "cases", "figures", "references")  # what this site reads
SITE = Site(root="https://gids.voorbeeld.be/", langs=("nl",))
LICENCE = {"nl": "CC BY 4.0"}


@pytest.fixture(scope="module")
def data():
    return load(DATA, only=USED)


def test_the_data_root_declares_dutch_only(data):
    assert data.languages.codes == ("nl",)
    assert data.get("case", "lindevoort").summary.nl.startswith("Een stad")
    with pytest.raises(DataError, match=r"no checklist.yml \(source .checklist.\)"):
        data.checklist  # noqa: B018 - a source this site does not use is not read, and asking for it says so


def test_the_open_data_is_in_dutch_with_dutch_numbers(data):
    cases = json.loads(cases_json(data, SITE, LICENCE))
    case = cases["cases"][0]
    assert set(case["summary"]) == {"nl"} and case["url"] == {"nl": "https://gids.voorbeeld.be/nl/cases/lindevoort.html"}
    assert cases["title"] == {"nl": "De praktijkvoorbeelden van de gids"}
    schema = json.loads(schema_json(data, "nl", SITE.langs))
    jsonschema.Draft202012Validator(schema).validate(cases)
    text = schema["$defs"]["Text"]
    assert list(text["properties"]) == ["nl"] == text["required"]
    assert text["properties"]["nl"]["description"] == "Tekst in het Nederlands"
    assert "in het Nederlands (nl)" in schema["description"]
    row = next(csv.DictReader(io.StringIO(cases_csv(data, SITE).decode("utf-8-sig"))))
    assert row["city_nl"] == "Lindevoort" and not any(key.endswith(("_fr", "_en")) for key in row)
    # Dutch writes 7.500 and 2,5 (languages.yml `numbers`), and has no French spacing rules.
    assert row["key_figures_nl"].splitlines() == ["7.500 fietsenstallingen bij het station",
                                                  "2,5% minder autoverkeer per jaar"]


def test_a_worksheet_downloads_in_dutch_with_the_dutch_locale(data, tmp_path):
    sheet = load_worksheets(data, DATA / "worksheets")["p0-s1"]
    v = view(data, sheet, "nl", Header(name="Gids", organisation="Gemeente Voorbeeld", site_url=None))
    assert v.locale == "nl-BE" and v.labels["doc.kind"] == "Werkfiche"
    word.write(v, tmp_path / "fiche.docx")
    odt.write(v, tmp_path / "fiche.odt")
    pdf.write(v, tmp_path / "fiche.pdf", subset_fonts(tmp_path / "fonts"))
    with zipfile.ZipFile(tmp_path / "fiche.docx") as docx:
        assert 'w:val="nl-BE"' in docx.read("word/styles.xml").decode()
        assert "Stap 1 van 1" in docx.read("word/document.xml").decode()
    with zipfile.ZipFile(tmp_path / "fiche.odt") as document:
        assert 'fo:language="nl" fo:country="BE"' in document.read("styles.xml").decode()
        assert "Het politieke engagement" in document.read("content.xml").decode()
    pages = PdfReader(tmp_path / "fiche.pdf")
    assert "Het politieke engagement" in pages.pages[0].extract_text()
    assert pages.trailer["/Root"]["/Lang"] == "nl"


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_a_missing_dutch_text_stops_the_load_naming_the_entry(copy):
    break_yaml(copy, "cases/lindevoort.yml", lambda r: r["stats"][1]["label"].pop("nl"))
    with pytest.raises(DataError) as err:
        load(copy, only=USED)
    assert "cases/lindevoort.yml: entry 'lindevoort', field 'stats[1].label.nl': is required: add it " \
           "(the guide's data is written in nl, so every text needs its nl version)" in str(err.value)


def test_a_missing_dutch_text_in_a_worksheet_stops_it_naming_the_field(copy):
    break_yaml(copy, "worksheets/p0-s1.yml", lambda r: r["sections"][0]["fields"][1]["label"].pop("nl"))
    with pytest.raises(DataError, match=r"p0-s1\.yml: entry 'origin', field 'label\.nl': is required"):
        load_worksheets(load(copy, only=USED), copy / "worksheets")


def test_a_source_the_site_uses_must_be_there(copy):
    (copy / "dimensions.yml").unlink()
    with pytest.raises(DataError, match=r"dimensions\.yml: file is missing"):
        load(copy, only=USED)
