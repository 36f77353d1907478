"""Worksheet definitions: every step has one, they validate, and broken ones fail clearly."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from smartcity.model.loader import DataError
from smartcity.outputs.worksheets.load import FOLDER, data_list, load_worksheets
from smartcity.outputs.worksheets.view import view


@pytest.fixture(scope="module")
def sheets(data):
    return load_worksheets(data)


def test_every_step_has_one_worksheet(data, sheets):
    assert list(sheets) == [s.id for p in data.phases.phases for s in p.steps]
    assert len(sheets) == 15


def test_every_field_type_is_used(sheets):
    used = {f.type for s in sheets.values() for sec in s.sections for f in sec.fields}
    assert used == {"short", "long", "table", "checklist", "choice", "rating"}


@pytest.mark.parametrize("key, expected", [
    ("dimensions", {"mobility", "environment", "people", "economy", "governance", "living"}),
    ("stakeholders.types", {"government", "business", "research", "civil-society"}),
    ("leadership.assets", None),
    ("citykeys.categories", {"people", "prosperity", "planet", "governance"}),
    ("financing.options", None),
    ("technology.levels", {"connectivity", "sensors", "platforms", "interfaces"}),
])
def test_guide_lists_come_from_data(data, sheets, key, expected):
    items = data_list(data, key)
    if expected:
        assert {i.id for i in items} == expected
    keys = {k for s in sheets.values() for sec in s.sections for f in sec.fields
            for k in [f.options_from, f.rows_from, *(c.options_from for c in f.columns)] if k}
    assert key in keys, f"no worksheet draws on {key}"


def test_participation_ladder_is_flattened(data):
    rungs = [i.id for i in data_list(data, "participation.levels.rungs")]
    assert rungs[0] == "manipulation" and rungs[-1] == "citizen-control"


def test_the_steps_real_work(data, sheets):
    """The issue's examples: the grids and tables each step needs, with their columns."""
    def columns(step, field):
        f = next(f for sec in sheets[step].sections for f in sec.fields if f.id == field)
        return [c.id for c in f.columns]

    fields = {s: {f.id for sec in sheets[s].sections for f in sec.fields} for s in sheets}
    assert {"strengths", "weaknesses", "opportunities", "threats", "pestel", "benchmark"} <= fields["p1-s1"]
    assert columns("p1-s3", "indicators") == ["objective", "indicator", "category", "source",
                                              "baseline", "target", "frequency", "owner"]
    assert columns("p1-s4", "plan") == ["message", "audience", "objective", "channel", "timing", "owner"]
    assert columns("p2-s1", "roadmap") == ["dimension", "initiative", "project", "type", "milestones",
                                           "lead", "budget", "model"]
    types = view(data, sheets["p2-s1"], "en").sections[0].fields[0].columns[3].options
    assert {"quick-win", "pilot", "structural", "bottom-up"} <= {o.value for o in types}
    assert {"r1", "r2", "r3", "r4"} <= set(columns("p3-s1", "readings"))
    assert columns("p3-s3", "gaps")[1:5] == ["expected", "actual", "cause", "decision"]


def test_four_reflections_one_worksheet_four_parts(sheets):
    parts = [s.part for s in sheets["p2-s2"].sections]
    assert parts == ["p2-s2a", "p2-s2b", "p2-s2c", "p2-s2d"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_views_have_unique_names_and_both_languages(data, sheets, lang):
    for sheet in sheets.values():
        v = view(data, sheet, lang)
        names = v.names()
        assert len(names) == len(set(names)) > 3
        assert all("_" not in f.id for sec in sheet.sections for f in sec.fields)
        assert v.filename("pdf") == f"{v.slug}.{lang}.pdf" and v.slug.startswith(sheet.id + "-")


# Malformed definitions: each must stop with a message naming the file, the entry and the field.
BROKEN = [
    ("unknown key", lambda d: d["sections"][0]["fields"][0].update(colour="red"),
     ["p1-s1.yml", "'profile'", "colour"]),
    ("missing language", lambda d: d["title"].pop("en"), ["p1-s1.yml", "'p1-s1'", "title.en"]),
    ("bad field type", lambda d: d["sections"][1]["fields"][0].update(type="essay"),
     ["p1-s1.yml", "'strengths'", "type"]),
    ("table without columns", lambda d: d["sections"][0]["fields"][0].update(columns=[]),
     ["p1-s1.yml", "columns: a table needs at least one column"]),
    ("choice without options", lambda d: d["sections"][0]["fields"][0]["columns"][2].pop("options"),
     ["p1-s1.yml", "'reading'", "options"]),
    ("unknown data list", lambda d: d["sections"][0]["fields"][0].update(rows_from="planning.nothing"),
     ["p1-s1.yml", "entry 'profile'", "field 'rows_from'", "planning.nothing"]),
    ("missing data file", lambda d: d["sections"][4]["fields"][0]["columns"][1].update(options_from="nowhere.items"),
     ["p1-s1.yml", "entry 'consulted'", "columns[1].options_from", "data/nowhere.yml"]),
    ("duplicate field id", lambda d: d["sections"][1]["fields"][1].update(id="strengths"),
     ["p1-s1.yml", "field id 'strengths' is used twice"]),
    ("foreign part", lambda d: d["sections"][0].update(part="p2-s2a"),
     ["p1-s1.yml", "entry 'profile'", "field 'part'", "not a part of step p1-s1"]),
    ("rating bounds on a text", lambda d: d["sections"][2]["fields"][0].update(low={"fr": "a", "en": "b"}),
     ["p1-s1.yml", "low/high belong to rating fields"]),
    ("too many rows", lambda d: d["sections"][3]["fields"][0].update(rows=300),
     ["p1-s1.yml", "'benchmark'", "rows"]),
]


@pytest.mark.parametrize("name, breaks, expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_malformed_definitions_fail_clearly(data, tmp_path: Path, name, breaks, expected):
    raw = yaml.safe_load((FOLDER / "p1-s1.yml").read_text(encoding="utf-8"))
    breaks(raw)
    (tmp_path / "p1-s1.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_worksheets(data, tmp_path)
    for part in expected:
        assert part in str(err.value), f"{part!r} not in {err.value}"


def test_an_answer_place_too_long_for_word_fails_clearly(data, tmp_path: Path):
    """Its name is a Word bookmark's in the DOCX (at most 40 characters, a hyphen counting two)."""
    raw = yaml.safe_load((FOLDER / "p1-s1.yml").read_text(encoding="utf-8"))
    raw["sections"][0]["fields"][0]["id"] = "territory-profile-in-figures"
    (tmp_path / "p1-s1.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    sheet = load_worksheets(data, tmp_path)["p1-s1"]
    with pytest.raises(DataError, match=r"p1-s1.yml: entry 'territory-profile-in-figures', field 'id': .* "
                                        r"characters in the Word file, where 40 is the most"):
        view(data, sheet, "fr")


def test_file_name_must_match_id(data, tmp_path: Path):
    shutil.copy(FOLDER / "p1-s1.yml", tmp_path / "p1-s2.yml")
    with pytest.raises(DataError, match=r"p1-s2.yml: entry 'p1-s1', field 'id': must match"):
        load_worksheets(data, tmp_path)


def test_duplicate_yaml_keys_are_refused(data, tmp_path: Path):
    text = (FOLDER / "p0-s1.yml").read_text(encoding="utf-8").replace("id: p0-s1\n", "id: p0-s1\nid: p0-s1\n", 1)
    (tmp_path / "p0-s1.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="p0-s1.yml: duplicate key 'id'"):
        load_worksheets(data, tmp_path)
