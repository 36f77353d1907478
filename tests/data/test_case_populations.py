"""Case populations (issue 19, part 5): every case has a population with its year and its
source, or none, said so in its file with the reason; the size bands, the explorer, the case
pages and the open data follow the data. Nothing here names a case or a figure: the
expectations are computed from data/cases and data/references."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from smartcity.model.loader import ROOT, load
from smartcity.outputs.open_data.export import Site, build_files
from smartcity.outputs.open_data.library import BANDS, UNKNOWN_BAND, library_cases, population_band
from smartcity.pages.library import render_case_page, render_explorer
from smartcity.render.cite import ATTRIBUTE
from tests.conftest import break_yaml, expect_data_error

LANGS = ("fr", "en")
CASES = ROOT / "data" / "cases"
# The line a case file without a population carries, above where the field would be, with its reason.
NOT_GIVEN = re.compile(r"^# Population: not given\W+\S.*$", re.M)
LARGE = next(low for band, low, _ in BANDS if band == "large")  # "over 250,000": the band's lowest value


def _band_of(value: int | None) -> str:
    """The band a value falls in, read from the bands' bounds (not from population_band)."""
    if value is None:
        return UNKNOWN_BAND
    return next(band for band, low, high in BANDS if low <= value and (high is None or value <= high))


def test_every_population_is_dated_or_the_guides_and_cites_a_source(data):
    for case in data.cases:
        pop = case.population
        if pop is None:
            continue
        ref = data.get("reference", pop.source)
        if pop.year is None:  # only the guide gives "about" figures without a year
            assert pop.approx and ref.kind == "guide", case.id
        else:  # a figure refers to a year no later than its source's publication
            assert ref.kind == "statistics" and pop.year <= ref.year, case.id
            assert ref.checked.isoformat() == "2026-12-07", case.id


def test_a_case_without_a_population_says_so_in_its_file():
    for path in sorted(CASES.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        has_population = re.search(r"^population:", text, re.M) is not None
        assert has_population != bool(NOT_GIVEN.search(text)), path.name


def test_every_band_follows_the_value(data):
    for case in data.cases:
        assert population_band(case) == _band_of(case.population.value if case.population else None), case.id


@pytest.mark.parametrize("lang", LANGS)
def test_over_250000_lists_every_large_city(data, lang):
    """The explorer's "over 250,000" filter keeps the items whose data-population is large:
    they are exactly the cases whose population is above the band's floor, and none without one."""
    html = render_explorer(data, lang, "resources/cases.html")
    bands = dict(re.findall(r'data-sc-case="([^"]+)"[^>]* data-population="([a-z]+)"', html))
    large = {c.id for c in data.cases if c.population and c.population.value >= LARGE}
    assert {case_id for case_id, band in bands.items() if band == "large"} == large
    assert {case_id for case_id, band in bands.items() if band == UNKNOWN_BAND} == \
        {c.id for c in data.cases if c.population is None}


@pytest.mark.parametrize("lang", LANGS)
def test_case_pages_show_the_year_and_cite_the_source(data, lang):
    for case in data.cases:
        page = render_case_page(data, lang, case.id, f"cases/{case.id}.html", ROOT / "docs" / lang)
        meta = re.search(r'<p class="sc-case__meta">(.*?)</p>', page, re.S).group(1)
        if case.population is None:
            assert ATTRIBUTE not in meta, case.id
            continue
        year = f" ({case.population.year})" if case.population.year else ""
        assert re.search(re.escape(year) + rf'<sup class="sc-cite" {ATTRIBUTE}="{re.escape(case.population.source)}">',
                         meta), (case.id, meta)


def test_open_data_carries_the_source(data):
    files = build_files(data, "en", Site(root=None, langs=LANGS), {"fr": "Licence", "en": "Licence"})
    exported = {c["id"]: c for c in json.loads(files["cases.json"])["cases"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["cases.csv"].decode("utf-8-sig")))}
    for case in library_cases(data, "en"):
        pop = case.population
        assert exported[case.id].get("population", {}).get("source") == (pop.source if pop else None), case.id
        assert rows[case.id]["population_source"] == (pop.source if pop else ""), case.id
        assert rows[case.id]["population_year"] == (str(pop.year) if pop and pop.year else ""), case.id
    schema = json.loads(files["cases.schema.json"])
    assert schema["$defs"]["Population"]["required"] == ["value", "source"]
    assert schema["$defs"]["Population"]["properties"]["source"]["description"] == data.t("field.population.source", "en")


@pytest.mark.parametrize("change,parts", [
    (lambda r: r["population"].pop("source"), ["field 'population.source'", "required"]),
    (lambda r: r["population"].update(source="no-such-source"), ["field 'population.source'", "unknown reference id"]),
    (lambda r: r["population"].pop("year"), ["field 'population'", "year", "approx"]),
])
def test_a_population_without_year_or_source_is_refused(data_copy, change, parts):
    case = next(c for c in load().cases if c.population and c.population.year)
    break_yaml(data_copy, f"cases/{case.id}.yml", change)
    expect_data_error(data_copy, f"cases/{case.id}.yml", f"entry '{case.id}'", *parts)
