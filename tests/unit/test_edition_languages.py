"""Languages are the edition's (issue 15): its local cases need texts in its languages only,
the guide's data/ still needs both, and every open-data file (JSON, schema, CSV) and the
Data page carry the edition's languages and no other. Fast: no build."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from smartcity.pages.introduction import dimension_cases
from smartcity.pages.library import field_rows, render_case_page, render_explorer, render_open_data
from smartcity.outputs.open_data.export import FILES, Site, build_files, cases_schema
from smartcity.model.loader import DataError, load
LANGS = ("fr", "en")  # the guide's data, as data/languages.yml declares it
from smartcity.pages.nav import build_nav
from tests.conftest import ROOT, break_yaml
from tests.outputs.xlsx_read import all_text, sheet_rows

CASE = ROOT / "tests" / "fixtures" / "edition-valfleuri" / "local" / "cases" / "val-fleuri-parking.yml"
RAW = yaml.safe_load(CASE.read_text(encoding="utf-8"))
FR, EN = ("fr",), ("en",)


def _folder(tmp_path: Path, raw: dict, name: str = "val-fleuri-parking.yml") -> Path:
    folder = tmp_path / "local-cases"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def keys(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, key) of a JSON document, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key
            yield from keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from keys(item, f"{path}[{i}]")


def other(langs: tuple[str, ...]) -> list[str]:
    return [code for code in LANGS if code not in langs]


# --- local cases: the edition's languages only ------------------------------------------------

def test_the_fixture_case_is_french_only():
    """The built fixture (tests/scenarios/valfleuri/test_edition_build.py) proves a French-only case builds."""
    texts = [RAW["city"], RAW["country"], RAW["summary"], *RAW["themes"], RAW["stats"][0]["label"]]
    assert all(set(text) == {"fr"} for text in texts), texts


def test_a_french_only_local_case_loads_in_a_french_only_edition(tmp_path):
    data = load(extra_dirs={"cases": [_folder(tmp_path, RAW)]}, languages=FR)
    case = data.get("case", "val-fleuri-parking")
    assert case.local and case.city("fr") == "Val-Fleuri" and case.city.en is None
    assert case.stats[0].label("fr") == "places équipées pendant l’essai"
    with pytest.raises(ValueError, match="no 'en' version"):
        case.summary("en")  # a mistake of the code, never a silent empty text


def test_the_same_case_is_refused_in_a_two_language_edition(tmp_path):
    folder = _folder(tmp_path, RAW)
    with pytest.raises(DataError) as err:
        load(extra_dirs={"cases": [folder]}, languages=LANGS)
    message = str(err.value)
    assert f"{folder / 'val-fleuri-parking.yml'}: entry 'val-fleuri-parking', field 'summary.en': is required" in message
    assert "the edition offers fr and en" in message
    for field in ("city.en", "country.en", "themes[0].en", "stats[0].label.en"):
        assert f"field '{field}'" in message, message


@pytest.mark.parametrize("field,change", [
    ("summary.fr", lambda r: r["summary"].pop("fr")),
    ("city.fr", lambda r: r.update(city={"en": "Val-Fleuri"})),
    ("themes[0].fr", lambda r: r.update(themes=[{"en": "Parking"}])),
    ("stats[0].label.fr", lambda r: r["stats"][0].update(label={"en": "spaces"})),
    ("story.fr", lambda r: r.update(story={"en": "A story in the other language only."})),
])
def test_a_local_case_missing_a_text_of_the_edition_is_refused_with_file_entry_and_field(tmp_path, field, change):
    raw = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    change(raw)
    folder = _folder(tmp_path, raw)
    with pytest.raises(DataError) as err:
        load(extra_dirs={"cases": [folder]}, languages=FR)
    message = str(err.value)
    assert message.startswith(f"{folder / 'val-fleuri-parking.yml'}: entry 'val-fleuri-parking', field '{field}': "), message
    assert "is required: add it (the edition offers fr, so every text needs its fr version)" in message
    assert "Value error" not in message and "pydantic" not in message


def test_an_english_only_case_loads_in_an_english_only_edition(tmp_path):
    raw = {**RAW, "city": {"en": "Val-Fleuri"}, "country": {"en": "Belgium"}, "themes": [{"en": "Parking"}],
           "summary": {"en": "Parking sensors on the market square."}, "stats": [{"value": 40, "label": {"en": "spaces"}}]}
    data = load(extra_dirs={"cases": [_folder(tmp_path, raw)]}, languages=EN)
    assert data.get("case", "val-fleuri-parking").country("en") == "Belgium"


def test_the_guides_data_still_needs_both_languages(data_copy, tmp_path):
    """A French-only edition relaxes its own files, never data/."""
    break_yaml(data_copy, "cases/chicago.yml", lambda r: r["summary"].pop("en"))
    with pytest.raises(DataError) as err:
        load(data_copy, extra_dirs={"cases": [_folder(tmp_path, RAW)]}, languages=FR)
    message = str(err.value)
    assert "cases/chicago.yml: entry 'chicago', field 'summary.en': is required: add it" in message, message
    assert "the guide's data is written in fr and en" in message


def test_the_guides_ui_strings_still_need_both_languages(data_copy):
    break_yaml(data_copy, "ui/cases.yml", lambda r: r["data.licence"].pop("en"))
    with pytest.raises(DataError, match=r"ui/cases.yml: field 'data\.licence\.en': is required"):
        load(data_copy, languages=FR)


# --- what is rendered from a French-only local case -------------------------------------------

@pytest.fixture(scope="module")
def fr_data(tmp_path_factory):
    folder = _folder(tmp_path_factory.mktemp("fr"), RAW)
    return load(extra_dirs={"cases": [folder]}, languages=FR)


def test_the_french_pages_render_a_french_only_case(fr_data):
    docs = ROOT / "docs" / "fr"
    assert 'data-sc-case="val-fleuri-parking"' in render_explorer(fr_data, "fr", "resources/cases.html")
    page = render_case_page(fr_data, "fr", "val-fleuri-parking", "cases/val-fleuri-parking.html", docs)
    assert "Val-Fleuri teste des capteurs" in page
    assert "'cases/val-fleuri-parking.md'" in str(build_nav(fr_data, "fr", docs))
    assert any(case.id == "val-fleuri-parking" for case, _ in dimension_cases(fr_data, "mobility"))


# --- open data: the edition's languages, and only those -----------------------------------------

def _files(data: Any, langs: tuple[str, ...]) -> dict[str, dict[str, bytes]]:
    site = Site(root="https://guide.example/", langs=langs)
    licence = {code: f"Licence {code}" for code in langs}
    return {lang: build_files(data, lang, site, licence) for lang in langs}


def _csv(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("langs", [FR, EN])
def test_open_data_of_a_one_language_edition_has_no_other_language_anywhere(request, langs):
    data = request.getfixturevalue("fr_data") if langs == FR else load()
    files = _files(data, langs)[langs[0]]
    missing = other(langs)[0]
    for name in FILES:
        if name.endswith(".json"):
            found = [f"{path}.{key}" for path, key in keys(json.loads(files[name])) if key == missing]
            assert not found, (name, found[:5])
    schema = json.loads(files["cases.schema.json"])
    assert list(schema["$defs"]["Text"]["properties"]) == list(langs) == schema["$defs"]["Text"]["required"]
    rows = _csv(files["cases.csv"])
    assert not [c for c in rows[0] if c.endswith(f"_{missing}")], list(rows[0])
    assert f"city_{langs[0]}" in rows[0] and f"url_{langs[0]}" in rows[0]
    cases = json.loads(files["cases.json"])["cases"]
    assert [c["id"] for c in cases] == [r["id"] for r in rows]
    sabadell = next(c for c in cases if c["id"] == "sabadell")
    assert set(sabadell["summary"]) == set(langs) and set(sabadell["url"]) == set(langs)
    # No text of the other language, even as a value: its summaries of the guide's cases are not there.
    others = [data.get("case", c["id"]).summary(missing) for c in cases if c["id"] != "val-fleuri-parking"]
    for name, content in files.items():
        text = all_text(content) if name.endswith(".xlsx") else content.decode("utf-8-sig")
        assert not [s for s in others if s in text], name
    for name in FILES:
        if name.endswith(".xlsx"):
            headers = [c for rows in sheet_rows(files[name]).values() for c in rows[0]]
            assert not [c for c in headers if c.endswith(f"_{missing}")] and f"_{langs[0]}" in "".join(headers), name


def test_a_french_only_local_case_is_published_in_french(fr_data):
    files = _files(fr_data, FR)["fr"]
    [mine] = [c for c in json.loads(files["cases.json"])["cases"] if c["id"] == "val-fleuri-parking"]
    assert mine["city"] == {"fr": "Val-Fleuri"} and mine["themes"] == [{"fr": "Stationnement"}]
    assert mine["stats"][0]["label"] == {"fr": "places équipées pendant l’essai"}
    row = _csv(files["cases.csv"])[0]
    assert row["id"] == "val-fleuri-parking" and row["summary_fr"].startswith("Val-Fleuri teste")


def test_open_data_of_a_two_language_edition_has_both(data):
    files = _files(data, LANGS)
    assert files["fr"]["cases.json"] == files["en"]["cases.json"]
    cases = json.loads(files["en"]["cases.json"])
    assert all(set(c["summary"]) == set(LANGS) and set(c["city"]) == set(LANGS) for c in cases["cases"])
    assert set(cases["title"]) == set(LANGS) and set(cases["licence"]["credit"]) == set(LANGS)
    checklist = json.loads(files["en"]["checklist.json"])
    assert all(set(i["text"]) == set(LANGS) and set(i["step_title"]) == set(LANGS) for i in checklist["items"])
    indicators = json.loads(files["fr"]["indicators.json"])
    assert {key for _, key in keys(indicators)} >= set(LANGS)
    for lang in LANGS:
        text = json.loads(files[lang]["cases.schema.json"])["$defs"]["Text"]
        assert text["required"] == list(LANGS) and list(text["properties"]) == list(LANGS)
    header = list(_csv(files["en"]["cases.csv"])[0])
    assert {f"{name}_{lang}" for name in ("city", "summary", "url") for lang in LANGS} <= set(header)


@pytest.mark.parametrize("langs", [FR, EN, LANGS])
def test_the_schema_and_the_data_page_name_the_editions_languages(data, langs):
    lang = langs[0]
    missing = other(langs)
    schema = cases_schema(data, lang, langs)
    words = data.t("data.languages." + "-".join(langs), lang)
    assert schema["description"].endswith(words + ".") and "{languages}" not in schema["description"]
    columns = [c for row in field_rows(data, lang, langs) for c in row["columns"]]
    assert f"summary_{lang}" in columns and not [c for c in columns if c.split("_")[-1] in missing]
    files = _files(data, langs)[lang]
    page = "".join(render_open_data(data, lang, "resources/data.html", files, "L", part, langs)
                   for part in ("files", "fields", "values"))
    assert words in page and "{languages}" not in page
    for code in missing:
        assert f"_{code}</code>" not in page
