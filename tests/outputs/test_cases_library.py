"""Case library: the schema and its errors, derived values, the explorer, the case pages,
the open-data exports (re-read and compared with the data), local cases and the nav."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from smartcity.edition.model import load_edition
from smartcity.render.fmt import figure
from smartcity.pages.library import generated_files, render_case_page, render_explorer, render_open_data
from smartcity.render.env import md_text
from smartcity.outputs.open_data.library import band_ids, case_title, countries, key_figures, library_cases, phases_of, population_band, where
from smartcity.outputs.open_data.export import FILES, CasesExport, Site, build_files, columns
from smartcity.model.loader import ROOT, DataError, load
from smartcity.pages.nav import build_nav, expected_pages
from smartcity.model.schemas.cases import Case

LANGS = ("fr", "en")
SITE = Site(root="https://example.org/guide/", langs=LANGS)
LICENCE = {"fr": "Licence de test", "en": "Test licence"}
# The source's cases (outline.yml case_studies C00-C16), by our ids.
SOURCE_CASES = {
    "australia-estimates", "chicago", "barcelona", "montreal", "pays-de-l-or", "citykeys", "st-albert",
    "the-hague", "barcelona-business-models", "malmo", "skopje", "sabadell", "besancon", "bologna",
    "santander", "citykeys-framework", "smart-city-ranking-2014",
}


def _write(folder: Path, name: str, raw: dict) -> None:
    (folder / name).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _break(data_copy: Path, case_id: str, change) -> None:
    path = data_copy / "cases" / f"{case_id}.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    _write(path.parent, path.name, raw)


LOCAL = {
    "id": "our-town-lighting", "local": True,
    "city": {"fr": "Notre-Commune", "en": "Our Town"}, "country": {"fr": "Belgique", "en": "Belgium"},
    "country_code": "BE",  # no population: an edition cannot add the source it would cite
    "steps": ["p2-s3"], "dimensions": ["environment"],
    "summary": {"fr": "Un éclairage public rénové quartier par quartier.", "en": "Street lighting renewed district by district."},
    "stats": [{"value": 40, "unit": "percent", "label": {"fr": "d’énergie en moins", "en": "less energy"}}],
    "source": {"guide": False},
}


@pytest.fixture
def with_local(tmp_path) -> Path:
    folder = tmp_path / "local-cases"
    folder.mkdir()
    _write(folder, "our-town-lighting.yml", LOCAL)
    return folder


# --- schema and validation -----------------------------------------------------------------

def test_every_case_of_the_source_is_in_the_library(data):
    assert {c.id for c in data.cases} >= SOURCE_CASES
    for case in data.cases:
        assert case.summary.fr and case.summary.en and case.dimensions, case.id
        assert case.story and (case.stats or case.figures or case.facts), case.id
        assert case.source.footnote, case.id
    countries(data, "fr"), countries(data, "en")


@pytest.mark.parametrize("case_id,change,parts", [
    ("sabadell", lambda r: r["population"].pop("approx"), ["field 'population'", "year", "approx"]),
    ("sabadell", lambda r: r["steps"].append("p9-s9"), ["field 'steps[1]'", "unknown step id 'p9-s9'"]),
    ("sabadell", lambda r: r["dimensions"].append("happiness"), ["field 'dimensions[2]'", "happiness"]),
    ("malmo", lambda r: r["related"].append("malmo"), ["lists itself"]),
    ("malmo", lambda r: r["dimensions"].append("environment"), ["`dimensions` lists the same id twice"]),
    ("citykeys", lambda r: r["figures"].append("no-such-figure"), ["field 'figures[2]'", "unknown figure id"]),
    ("australia-estimates", lambda r: r.update(pages=["introduction/benefits.html"]), ["field 'pages[0]'"]),
    ("chicago", lambda r: r["city"].pop("en"), ["field 'city.en'"]),
    ("chicago", lambda r: r.update(country_code="USA"), ["field 'country_code'"]),
    ("chicago", lambda r: r.update(mayor="Rahm Emanuel"), ["field 'mayor'", "is not a field this file knows"]),
    ("bologna", lambda r: r.update(source={"guide": False}), ["must be marked `local: true`"]),
    ("bologna", lambda r: r["stats"][0].update(unit="furlongs"), ["field 'stats[0].unit'", "unknown unit id"]),
    ("bologna", lambda r: r.update(quotes=[{"paraphrase": {"fr": "x"}, "attribution": "y"}]), ["field 'quotes[0].paraphrase.en'"]),
])
def test_malformed_case_is_refused_with_file_entry_and_field(data_copy, case_id, change, parts):
    _break(data_copy, case_id, change)
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = str(err.value)
    assert f"data/cases/{case_id}.yml" in message or f"cases/{case_id}.yml" in message, message
    for part in parts:
        assert part in message, message
    if "lists itself" not in message and "must be marked" not in message:
        assert f"entry '{case_id}'" in message, message


def test_a_local_case_with_a_taken_id_is_refused(data_copy, tmp_path):
    folder = tmp_path / "local"
    folder.mkdir()
    _write(folder, "x.yml", {**LOCAL, "id": "sabadell"})
    with pytest.raises(DataError, match="duplicate case id"):
        load(data_copy, extra_dirs={"cases": [folder]})


def test_nav_refuses_cases_outside_a_section():
    from smartcity.model.schemas.nav import NavFile

    with pytest.raises(Exception, match="titled section"):
        NavFile.model_validate({"nav": [{"page": "index.md", "cases": True}]})


# --- derived values ------------------------------------------------------------------------

@pytest.mark.parametrize("value,band", [(None, "unknown"), (1, "small"), (49_999, "small"), (50_000, "medium"),
                                        (250_000, "medium"), (250_001, "large"), (521_000, "large")])
def test_population_bands(data, value, band):
    raw = data.get("case", "sabadell").model_dump()
    raw["population"] = None if value is None else {"value": value, "approx": True, "source": "guide-2017"}
    assert population_band(Case.model_validate(raw)) == band


def test_where_includes_parent_steps_and_phases(data):
    assert where(data, data.get("case", "sabadell")) == ["p2", "p2-s2", "p2-s2c"]
    assert phases_of(data, data.get("case", "barcelona")) == ["p0"]
    assert where(data, data.get("case", "australia-estimates")) == ["intro"]


# --- explorer and case pages ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_explorer_lists_every_case_with_its_filter_values(data, lang):
    html = render_explorer(data, lang, "resources/cases.html")
    items = re.findall(r'<li class="sc-library__item" data-sc-case="([^"]+)" data-dimension="([^"]*)" '
                       r'data-step="([^"]*)" data-country="([A-Z]{2})" data-population="([a-z]+)"', html)
    assert [i[0] for i in items] == [c.id for c in library_cases(data, lang)]
    for case_id, dims, steps, country, band in items:
        case = data.get("case", case_id)
        assert dims.split() == list(case.dimensions) and steps.split() == where(data, case)
        assert country == case.country_code and band == population_band(case)
        assert f'href="../cases/{case_id}.html">{case_title(case, lang)}</a>' in html
    assert "<form" in html and "data-sc-filters" in html and re.search(r"<form[^>]* hidden>", html)
    for value in [d.id for d in data.dimensions.dimensions] + band_ids() + ["intro", "p0", "p2-s2", "p2-s2c"]:
        assert f'<option value="{value}">' in html, value
    assert f">{data.t('explorer.count.all', lang).replace('{n}', str(len(items)))}<" in html


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_has_story_figures_steps_and_neighbours(data, lang):
    docs = ROOT / "docs" / lang
    for case in data.cases:
        page = render_case_page(data, lang, case.id, f"cases/{case.id}.html", docs)
        assert page.lstrip().startswith(f"# {md_text(case_title(case, lang))}\n"), case.id
        for fig in key_figures(data, case):
            assert figure(data, fig.value, fig.unit, lang, fig.approx) in page, (case.id, fig)
        for step_id in case.steps:
            assert f"#sc-case-{case.id}\"" in page
        for dim_id in case.dimensions:
            others = [c for c in data.cases if dim_id in c.dimensions and c.id != case.id]
            block = page.split(f'id="sc-similar-{dim_id}"')[1].split("</section>")[0]
            assert block.count("<li>") == len(others), (case.id, dim_id)
            assert f'href="{case.id}.html"' not in block
        if case.source.footnote:
            assert data.t("casepage.source_note", lang).replace("{n}", str(case.source.footnote)) in page
    intro = render_case_page(data, lang, "australia-estimates", "cases/australia-estimates.html", docs)
    assert 'href="../introduction/benefits-and-obstacles.html"' in intro


# --- open data ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported():
    data = load()
    return data, {lang: build_files(data, lang, SITE, LICENCE) for lang in LANGS}


def test_cases_json_reads_back_as_the_data(exported):
    data, files = exported
    assert files["fr"]["cases.json"] == files["en"]["cases.json"]
    parsed = json.loads(files["en"]["cases.json"])
    CasesExport.model_validate(parsed)  # the published structure is the model's
    assert parsed["count"] == len(parsed["cases"]) == len(data.cases)
    for row in parsed["cases"]:
        case = data.get("case", row["id"])
        expected = case.model_dump(mode="json", exclude_none=True, exclude={"source": {"lines"}})
        assert {k: row[k] for k in expected} == expected, case.id
        assert row["where"] == where(data, case) and row["population_band"] == population_band(case)
        assert row["url"] == {lang: f"https://example.org/guide/{lang}/cases/{case.id}.html" for lang in LANGS}
        for fig_id in case.figures:
            assert parsed["figures"][fig_id]["value"] == data.get("figure", fig_id).value


@pytest.mark.parametrize("lang", LANGS)
def test_schema_is_the_models_and_describes_every_property(exported, lang):
    data, files = exported
    schema = json.loads(files[lang]["cases.schema.json"])
    # The published schema accepts the published file, and refuses it once broken.
    validator = jsonschema.Draft202012Validator(schema)
    cases = json.loads(files[lang]["cases.json"])
    assert not list(validator.iter_errors(cases))
    broken = json.loads(files[lang]["cases.json"])
    broken["cases"][0]["population_band"] = "huge"
    del broken["cases"][1]["city"]
    broken["cases"][2]["steps"] = "p1-s1"
    assert len(list(validator.iter_errors(broken))) == 3
    assert schema["$schema"].endswith("2020-12/schema") and schema["title"] == data.t("data.cases_title", lang)
    case_props = schema["$defs"]["ExportCase"]["properties"]
    assert set(case_props) == set(CasesExport.model_fields["cases"].annotation.__args__[0].model_fields)
    for model in [schema, *schema["$defs"].values()]:
        for name, prop in model.get("properties", {}).items():
            assert prop.get("description"), name


def test_cases_csv_reads_back_as_the_data(exported):
    data, files = exported
    raw = files["en"]["cases.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [col.name for col in columns(data, LANGS)]
    assert [r["id"] for r in rows] == [c.id for c in library_cases(data, "en")]
    for row in rows:
        case = data.get("case", row["id"])
        for lang in LANGS:
            assert row[f"city_{lang}"] == case.city(lang) and row[f"summary_{lang}"] == case.summary(lang)
            assert row[f"story_{lang}"] == case.story(lang)
            assert row[f"facts_{lang}"].split("\n") == [f(lang) for f in case.facts] or not case.facts
            assert row[f"key_figures_{lang}"].count("\n") == max(0, len(key_figures(data, case)) - 1)
        assert row["dimensions"].split() == list(case.dimensions) and row["steps"].split() == list(case.steps)
        assert row["population"] == (str(case.population.value) if case.population else "")
        assert row["population_source"] == (case.population.source if case.population else "")
        assert row["source_footnote"] == str(case.source.footnote or "")
    sabadell = next(r for r in rows if r["id"] == "sabadell")
    assert "more than 7,500 luminaires switched to LED" in sabadell["key_figures_en"]
    assert "(after Joan Carles Sánchez)" in sabadell["quotes_en"]


def test_checklist_and_indicators_json(exported):
    data, files = exported
    checklist = json.loads(files["en"]["checklist.json"])
    assert [i["id"] for i in checklist["items"]] == [i.id for i in data.checklist.items]
    assert all(i["text"] == data.get("checklist-item", i["id"]).text.model_dump() for i in checklist["items"])
    indicators = json.loads(files["en"]["indicators.json"])
    assert [c["id"] for c in indicators["citykeys"]["categories"]] == [c.id for c in data.citykeys.categories]
    assert {f["value"] for f in indicators["citykeys"]["figures"]} == {43, 76}
    assert [s["id"] for s in indicators["indicator_sets"]] == [s.id for s in data.indicator_examples.sets]


@pytest.mark.parametrize("lang", LANGS)
def test_data_page_links_and_describes_every_file_and_field(exported, lang):
    data, files = exported
    page = "".join(render_open_data(data, lang, "resources/data.html", files[lang], LICENCE[lang], part)
                   for part in ("files", "fields", "values"))
    for name in FILES:
        assert f'href="../data/{name}" download' in page
    assert LICENCE[lang] in page
    for col in columns(data, LANGS):
        assert f"<code>{col.name}</code>" in page, col.name
    with pytest.raises(ValueError):
        render_open_data(data, lang, "resources/data.html", files[lang], "", "everything")


# --- generated files, local cases and the nav ------------------------------------------------

def test_generated_files_refuse_a_missing_page_and_a_shadowed_file(data):
    edition = load_edition()
    found = generated_files(data, "en", edition, lambda p: p.startswith("introduction/"))
    assert set(found) == {f"cases/{c.id}.md" for c in data.cases} | {f"data/{n}" for n in FILES}
    with pytest.raises(DataError, match="field 'pages': no page docs/en/introduction/benefits-and-obstacles.md"):
        generated_files(data, "en", edition, lambda p: False)
    with pytest.raises(DataError, match="generates this path"):
        generated_files(data, "en", edition, lambda p: p.startswith("introduction/") or p == "cases/malmo.md")


def test_a_local_case_appears_first_everywhere(with_local):
    data = load(extra_dirs={"cases": [with_local]})
    for lang in LANGS:
        assert library_cases(data, lang)[0].id == "our-town-lighting"
        explorer = render_explorer(data, lang, "resources/cases.html")
        assert explorer.index('data-sc-case="our-town-lighting"') < explorer.index('data-sc-case="chicago"')
        assert "data-local" in explorer and data.t("case.local", lang) in explorer
        page = render_case_page(data, lang, "our-town-lighting", "cases/our-town-lighting.html", ROOT / "docs" / lang)
        assert data.t("casepage.source_local", lang) in page and "40" in page
        nav = build_nav(data, lang, ROOT / "docs" / lang)
        assert "'cases/our-town-lighting.md'" in str(nav)
    files = build_files(data, "en", SITE, LICENCE)
    row = json.loads(files["cases.json"])["cases"][0]
    assert row["id"] == "our-town-lighting" and row["local"] is True and row["population_band"] == "unknown"
    first = next(csv.DictReader(io.StringIO(files["cases.csv"].decode("utf-8-sig"), newline="")))
    assert (first["id"], first["local"], first["country_code"], first["population"], first["population_year"]) == (
        "our-town-lighting", "true", "BE", "", "")


@pytest.mark.parametrize("lang", LANGS)
def test_nav_lists_the_explorer_then_every_case_page(data, lang):
    flat = json.dumps(build_nav(data, lang, ROOT / "docs" / lang), ensure_ascii=False)
    def sections(entries):
        for entry in entries:
            if not isinstance(entry, str):
                yield entry
                yield from sections([*entry.pages, *entry.children])

    title = next(e for e in sections(data.nav.nav) if e.cases).title(lang)  # Resources › Case studies
    section = re.search(r'"' + re.escape(title) + r'": \[(.*?)\]', flat)
    assert section, flat
    listed = re.findall(r'"(cases/[a-z0-9-]+\.md)"', section.group(1))
    assert section.group(1).startswith('"resources/cases.md"')
    assert listed == [f"cases/{c.id}.md" for c in library_cases(data, lang)]
    assert not [p for p in expected_pages(data) if p.startswith("cases/")]


def test_the_case_files_have_no_copy_of_the_source():
    tool = ROOT.parent / "shared" / "tools" / "verbatim-check"
    if not tool.exists():
        pytest.skip("verbatim-check not present")
    import subprocess

    paths = ["data/cases", "data/ui/cases.yml", "docs/en/resources/cases.md", "docs/fr/resources/cases.md",
             "docs/en/resources/data.md", "docs/fr/resources/data.md"]
    out = subprocess.run([str(tool), *paths], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-2000:]

