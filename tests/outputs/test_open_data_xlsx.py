"""The open data as spreadsheets (issue 17, part 5): cases, checklist and indicators as .xlsx,
read back with openpyxl and with LibreOffice Calc. Texts are text cells (a value that looks
like a formula stays literal), numbers are numbers, the columns are the CSV's, the bytes
follow from the content; the Data page links every published file."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from openpyxl.utils import get_column_letter

from smartcity.edition.model import load_edition
from smartcity.model.loader import load
from smartcity.outputs.open_data.export import FILES, Site, build_files, cases_table, columns, site_for
from smartcity.outputs.open_data.library import library_cases
from smartcity.outputs.open_data.lists import checklist_tables, indicator_tables
from smartcity.outputs.open_data.table import Sheet, csv_bytes
from smartcity.outputs.worksheets.dates import as_datetime, content_date
from smartcity.pages.library import render_open_data
from tests.outputs.xlsx_read import calc_csv, sheet_rows, workbook

LANGS = ("fr", "en")
SITE = Site(root="https://example.org/guide/", langs=LANGS)
LICENCE = {"fr": "Licence de test", "en": "Test licence"}
WHEN = datetime(2024, 3, 1, 12, 30, tzinfo=timezone.utc)
XLSX = [name for name in FILES if name.endswith(".xlsx")]
# Values a spreadsheet would take for a formula or a number, if the file let it.
HOSTILE = ['=HYPERLINK("https://attacker.example/","click")', "+1", "-2", "@SUM(A1:A2)", "=1+1"]


@pytest.fixture(scope="module")
def data():
    return load()


@pytest.fixture(scope="module")
def files(data):
    return {lang: build_files(data, lang, SITE, LICENCE, created=WHEN) for lang in LANGS}


def tables_of(data, name: str) -> list[Sheet]:
    site = site_for(data, SITE)
    return {"cases.xlsx": lambda: [cases_table(data, site)],
            "checklist.xlsx": lambda: checklist_tables(data, LANGS),
            "indicators.xlsx": lambda: indicator_tables(data, LANGS)}[name]()


def test_every_list_has_its_spreadsheet():
    assert XLSX == ["cases.xlsx", "checklist.xlsx", "indicators.xlsx"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", XLSX)
def test_the_workbook_reads_back_as_its_rows(data, files, lang, name):
    """Sheet names in the page's language, header bold and frozen with a filter, one row per
    entry, every text a text cell and every number a number, equal to the row model."""
    book = workbook(files[lang][name])
    tables = tables_of(data, name)
    assert book.sheetnames == [data.t(f"data.sheet.{t.key}", lang) for t in tables]
    for ws, table in zip(book.worksheets, tables):
        header = list(ws.iter_rows(min_row=1, max_row=1))[0]
        assert [c.value for c in header] == [col.name for col in table.columns]
        assert all(c.font.b for c in header), ws.title
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert ws.max_row == 1 + len(table.rows) and table.rows
        for number, row in enumerate(table.rows, start=2):
            if any(isinstance(v, str) and "\n" in v for v in row):  # a list, one item a line: a taller row
                assert ws.row_dimensions[number].height >= 30, (ws.title, number)
        for row, cells in zip(table.rows, ws.iter_rows(min_row=2)):
            for want, cell in zip(row, cells):
                if want in (None, ""):
                    assert cell.value is None, cell.coordinate
                elif isinstance(want, str):
                    assert cell.data_type == "s" and cell.value == want, cell.coordinate
                else:
                    assert cell.data_type == "n" and cell.value == want, cell.coordinate
        for index, col in enumerate(table.columns, start=1):
            assert 6 <= ws.column_dimensions[get_column_letter(index)].width <= 52, (ws.title, col.name)


def test_the_counts_are_the_datas(data, files):
    sheets = sheet_rows(files["en"]["cases.xlsx"])
    [cases] = sheets.values()
    assert [row[0] for row in cases[1:]] == [c.id for c in library_cases(data, "en")]
    [checklist] = sheet_rows(files["en"]["checklist.xlsx"]).values()
    assert [row[0] for row in checklist[1:]] == [i.id for i in data.checklist.items]
    categories, figures, groups = sheet_rows(files["en"]["indicators.xlsx"]).values()
    assert [row[0] for row in categories[1:]] == [c.id for c in data.citykeys.categories]
    assert len(figures) - 1 == 2 and len(groups) - 1 == sum(len(s.groups) for s in data.indicator_examples.sets)


def test_numbers_are_numbers_and_the_columns_are_the_csvs(data, files):
    """One row model: the XLSX holds what the CSV holds, cell for cell, population and years as numbers."""
    [rows] = sheet_rows(files["fr"]["cases.xlsx"]).values()
    csv_rows = list(csv.reader(io.StringIO(files["fr"]["cases.csv"].decode("utf-8-sig"), newline="")))
    assert rows[0] == csv_rows[0] == [col.name for col in columns(data, LANGS)]
    assert [["" if v is None else str(v) for v in row] for row in rows] == csv_rows
    header = rows[0]
    for row in rows[1:]:
        case = data.get("case", row[0])
        population, year = row[header.index("population")], row[header.index("population_year")]
        assert population == (case.population.value if case.population else None)
        assert isinstance(population, (int, type(None))) and isinstance(year, (int, type(None)))


def test_a_new_field_of_the_model_gets_its_columns_in_both_files(data):
    """The columns come from the model's fields: a field added to the case model (a list of
    sources, say) reaches the CSV and the XLSX without a column list to edit."""
    from typing import Optional

    from smartcity.model.schemas.base import Strict, Text
    from smartcity.outputs.open_data.export import ExportCase
    from smartcity.outputs.open_data.table import model_columns

    class Reference(Strict):
        title: Text
        year: int
        url: Optional[str] = None

    class Richer(ExportCase):
        references: tuple[Reference, ...] = ()
        checked: Optional[int] = None

    names = [col.name for col in model_columns(Richer, LANGS)]
    assert {"references_fr", "references_en", "checked"} <= set(names)
    assert not [n for n in names if n.startswith("references_") and n[-2:] not in LANGS]


@pytest.mark.parametrize("lang", LANGS)
def test_document_properties_are_in_the_editions_language(data, files, lang):
    assert workbook(build_files(data, lang, SITE, LICENCE, created=WHEN, author="Ville de Test")["cases.xlsx"]
                    ).properties.creator == "Ville de Test"
    for name, title_key in zip(XLSX, ("data.cases_title", "data.checklist_title", "data.indicators_title")):
        props = workbook(files[lang][name]).properties
        assert props.title == data.t(title_key, lang)
        assert props.language == data.languages.of(lang).locale
        assert props.created == WHEN.replace(tzinfo=None)
        assert LICENCE[lang] in props.description


def test_the_same_content_gives_the_same_bytes(data, files):
    again = build_files(data, "fr", SITE, LICENCE, created=WHEN)
    assert all(again[name] == files["fr"][name] for name in XLSX)
    with zipfile.ZipFile(io.BytesIO(files["fr"]["cases.xlsx"])) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # By default the date is the content's (SOURCE_DATE_EPOCH, else the data's last commit), not the clock's.
    default = build_files(data, "fr", SITE, LICENCE)
    created = workbook(default["cases.xlsx"]).properties.created
    assert created == as_datetime(content_date()).replace(tzinfo=None)


# --- values that look like formulas -------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The guide's data with a local case whose texts a spreadsheet would read as formulas."""
    folder = tmp_path_factory.mktemp("hostile-cases")
    text = lambda value: {"fr": value, "en": value}  # noqa: E731
    raw = {
        "id": "hostile", "local": True, "city": text(HOSTILE[0]), "country": text(HOSTILE[1]),
        "country_code": "BE", "population": {"value": 1200, "approx": True, "source": "guide-2017"},
        "dimensions": ["governance"],
        "themes": [text(HOSTILE[2])], "summary": text(HOSTILE[3]), "facts": [text(HOSTILE[4]), text(HOSTILE[2])],
        "source": {"guide": False},
    }
    (folder / "hostile.yml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    hostile_data = load(extra_dirs={"cases": [folder]})
    return hostile_data, build_files(hostile_data, "en", SITE, LICENCE, created=WHEN)


def _hostile_cells(header: list, row: list) -> dict[str, object]:
    return {name: row[header.index(name)] for name in ("city_en", "country_en", "themes_en", "summary_en", "facts_fr")}


def test_formula_like_texts_stay_literal_text_in_the_xlsx(hostile):
    _, built = hostile
    ws = workbook(built["cases.xlsx"]).worksheets[0]
    header = [c.value for c in ws[1]]
    assert [c.value for c in ws[2]][0] == "hostile"
    cells = {header[c.column - 1]: c for c in ws[2]}
    assert cells["city_en"].data_type == "s" and cells["city_en"].value == HOSTILE[0]
    assert cells["country_en"].data_type == "s" and cells["country_en"].value == "+1"
    assert cells["themes_en"].data_type == "s" and cells["themes_en"].value == "-2"
    assert cells["summary_en"].data_type == "s" and cells["summary_en"].value == "@SUM(A1:A2)"
    assert cells["facts_fr"].value == "=1+1\n-2"
    with zipfile.ZipFile(io.BytesIO(built["cases.xlsx"])) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not [s for s in sheets if re.search(r"<f[ >]", s)], "a formula in the sheet"


def test_formula_like_texts_get_an_apostrophe_in_the_csv(hostile):
    _, built = hostile
    rows = list(csv.DictReader(io.StringIO(built["cases.csv"].decode("utf-8-sig"), newline="")))
    mine = next(r for r in rows if r["id"] == "hostile")
    assert mine["city_en"] == "'" + HOSTILE[0] and mine["country_en"] == "'+1" and mine["themes_en"] == "'-2"
    assert mine["population"] == "1200"


def test_libreoffice_reads_the_hostile_cells_as_text(hostile, tmp_path):
    _, built = hostile
    path = tmp_path / "cases.xlsx"
    path.write_bytes(built["cases.xlsx"])
    rows = calc_csv(path, tmp_path / "out")
    header = rows[0]
    mine = next(r for r in rows if r[0] == "hostile")
    assert _hostile_cells(header, mine) == {
        "city_en": HOSTILE[0], "country_en": "+1", "themes_en": "-2", "summary_en": "@SUM(A1:A2)", "facts_fr": "=1+1\n-2"}
    assert mine[header.index("population")] == "1200"


@pytest.mark.parametrize("name", ["cases.xlsx", "checklist.xlsx"])
def test_libreoffice_opens_the_workbook_with_every_cell_in_place(files, tmp_path, name):
    """Calc reads the same table as the row model: every cell in its column, whatever the locale."""
    path = tmp_path / name
    path.write_bytes(files["fr"][name])
    rows = calc_csv(path, tmp_path / "out")
    want = [["" if v is None else str(v) for v in row] for row in next(iter(sheet_rows(files["fr"][name]).values()))]
    assert rows == want


# --- the Data page ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_links_every_published_file_and_says_what_each_is_for(data, files, lang):
    page = render_open_data(data, lang, "resources/data.html", files[lang], LICENCE[lang], "files", LANGS)
    linked = re.findall(r'href="\.\./data/([^"]+)" download', page)
    assert sorted(linked) == sorted(files[lang]), "every published file, and nothing else"
    for name in XLSX:
        key = FILES[name][1]
        assert data.t(key, lang) in page.replace("&#39;", "'").replace("&rsquo;", "’"), key


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_the_built_site_publishes_the_spreadsheets_and_links_them(site, lang):
    folder = site / lang / "data"
    published = sorted(p.name for p in folder.iterdir())
    assert set(XLSX) <= set(published)
    page = (site / lang / "resources" / "data.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'href="\.\./data/([^"]+)" download', page)) == published
    [rows] = sheet_rows((folder / "cases.xlsx").read_bytes()).values()
    csv_rows = list(csv.reader(io.StringIO((folder / "cases.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert [["" if v is None else str(v) for v in row] for row in rows] == csv_rows
    props = workbook((folder / "checklist.xlsx").read_bytes()).properties
    assert props.language.startswith(lang) and props.creator == load_edition().organisation.name(lang)


def test_csv_bytes_is_rfc_4180(data):
    raw = csv_bytes(cases_table(data, site_for(data, SITE)))
    body = raw.decode("utf-8-sig")
    assert raw.startswith(b"\xef\xbb\xbf") and body.endswith("\r\n")
    assert '"' in body and "\n" in body.replace("\r\n", "")  # quoted cells with line breaks inside
    assert len({len(r) for r in csv.reader(io.StringIO(body, newline=""))}) == 1


def test_a_cell_too_long_or_a_bad_sheet_name_stops_the_build_naming_it():
    from smartcity.outputs.open_data.table import Column
    from smartcity.outputs.open_data.xlsx import MAX_CELL, Properties, xlsx_bytes

    cols = (Column("id", "id", None, lambda r: r[0]), Column("story_en", "story", "en", lambda r: r[1]))
    props = Properties(title="t", locale="en-GB", created=WHEN)
    with pytest.raises(ValueError, match=r"cases: entry 'long-one', column 'story_en': 32768 characters"):
        xlsx_bytes([("Cases", Sheet("cases", cols, (("long-one", "x" * (MAX_CELL + 1)),)))], props)
    with pytest.raises(ValueError, match=r"'data.sheet.cases'"):
        xlsx_bytes([("Cases: all?", Sheet("cases", cols, (("a", "b"),)))], props)
    assert xlsx_bytes([("Cases", Sheet("cases", cols, (("a", "x" * MAX_CELL),)))], props)
