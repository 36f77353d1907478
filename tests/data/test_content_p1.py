"""Phase 1 (strategic planning): reference lists, CITYkeys, indicator examples, cases,
their data models and the built pages."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from smartcity.render.fmt import figure
from smartcity.pages.cases import render_cases, render_stats, select_cases, select_figures
from smartcity.pages.checklist import items_for
from smartcity.model.schemas.planning import LISTS
from smartcity.pages.planning import render_citykeys, render_indicator_examples, render_planning_list
from tests.conftest import ROOT

LANGS = ("fr", "en")
NBSP, NNBSP = "\u00a0", "\u202f"
HERE = "phase-1/p1-s3-evaluation-method.html"
STEP_PAGES = {
    "p1-s1": "phase-1/p1-s1-diagnosis",
    "p1-s2": "phase-1/p1-s2-priorities-and-vision",
    "p1-s3": "phase-1/p1-s3-evaluation-method",
    "p1-s4": "phase-1/p1-s4-communication-strategy",
}


def _text(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


# --- reference lists ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", LISTS)
def test_every_list_entry_is_rendered(data, lang, name):
    html = render_planning_list(data, lang, name, HERE)
    entries = getattr(data.planning, name)
    assert re.findall(r'data-sc-entry="([a-z0-9-]+)"', html) == [e.id for e in entries]
    text = _text(html)
    for entry in entries:
        assert entry.title(lang) in text
        for example in entry.examples:
            assert example(lang) in text


@pytest.mark.parametrize("name,count", [
    ("diagnosis_themes", 11), ("analysis_tools", 3), ("stakeholder_mechanisms", 3),
    ("indicator_principles", 3), ("communication_objectives", 2),
    ("communication_decisions", 5), ("communication_channels", 6),
])
def test_lists_are_complete(data, name, count):
    assert len(getattr(data.planning, name)) == count


@pytest.mark.parametrize("lang,expected", [
    ("fr", ["Les données", "La simplicité", "La quantité", "Informer", "Mobiliser", "Quoi ?",
            "Quand ?", "Pourquoi ?", "À qui ?", "Avec quels outils ?", "Analyse SWOT (AFOM)",
            "Analyse PESTEL"]),
    ("en", ["Data", "Simplicity", "Quantity", "Inform", "Involve", "What?", "When?", "Why?",
            "To whom?", "With which tools?", "SWOT analysis", "PESTEL analysis"]),
])
def test_list_wording(data, lang, expected):
    text = "".join(_text(render_planning_list(data, lang, n, HERE)) for n in LISTS)
    for title in expected:
        assert title in text, title


def test_list_cards_style_and_bad_names(data):
    assert "sc-plist--cards" in render_planning_list(data, "en", "communication_channels", HERE, "cards")
    with pytest.raises(ValueError, match="not one of"):
        render_planning_list(data, "en", "channels", HERE)
    with pytest.raises(ValueError, match="style"):
        render_planning_list(data, "en", "communication_channels", HERE, "table")


# --- CITYkeys -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,titles,count", [
    ("fr", ["Humain", "Prospérité", "Planète", "Gouvernance"], "6 thèmes"),
    ("en", ["People", "Prosperity", "Planet", "Governance"], "6 themes"),
])
def test_citykeys_categories(data, lang, titles, count):
    html = render_citykeys(data, lang, HERE)
    assert re.findall(r'data-sc-citykeys="([a-z]+)"', html) == ["people", "prosperity", "planet", "governance"]
    assert [len(c.themes) for c in data.citykeys.categories] == [5, 6, 5, 3]
    text = _text(html)
    for title in titles:
        assert title in text
    for cat in data.citykeys.categories:
        for theme in cat.themes:
            assert theme(lang) in text
    assert count in text


@pytest.mark.parametrize("lang,labels", [
    ("fr", ["méthodes d’évaluation", "indicateurs adaptés"]),
    ("en", ["evaluation methods", "indicators suited"]),
])
def test_citykeys_counts_are_figures(data, lang, labels):
    figures = select_figures(data, group="citykeys")
    assert [f.value for f in figures] == [43, 76]
    html = render_stats(data, lang, figures, HERE)
    assert ">43<" in html and ">76<" in html
    for label in labels:
        assert label in _text(html)


# --- indicator examples -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_st_albert_objectives_and_indicators(data, lang):
    html = render_indicator_examples(data, lang, "st-albert", HERE)
    groups = re.findall(r'data-sc-group="([a-z-]+)"', html)
    assert groups == ["transport", "economy", "connectivity", "resources", "open-data", "society"]
    text = _text(html)
    st_albert = data.get("indicator-set", "st-albert")
    assert sum(len(g.indicators) for g in st_albert.groups) == 14
    for group in st_albert.groups:
        assert group.theme(lang) in text and group.objective(lang) in text
        for indicator in group.indicators:
            assert indicator(lang) in text
    assert "Wi-Fi" in text and re.search(r'aria-label="St\. Albert ?:', html)


@pytest.mark.parametrize("lang,objective", [
    ("fr", "La qualité des logements et de l’environnement urbain"),
    ("en", "Quality of housing and the urban environment"),
])
def test_citykeys_smart_living_example(data, lang, objective):
    html = render_indicator_examples(data, lang, "citykeys-smart-living", HERE)
    assert objective in _text(html)
    assert html.count("<li>") == 5


# --- cases --------------------------------------------------------------------------------

def test_every_phase_1_step_has_checklist_items_and_a_case_or_figure(data):
    phase = data.get("phase", "p1")
    assert [s.id for s in phase.steps] == list(STEP_PAGES)
    for step in phase.steps:
        assert items_for(data, step.id), step.id
        figures = [f for file in data.figures for f in file.figures if f.group == "citykeys"]
        assert select_cases(data, step.id) or (step.id == "p1-s3" and figures), step.id
    assert {c.id for c in select_cases(data, "p1-s2")} >= {"pays-de-l-or"}
    assert {c.id for c in select_cases(data, "p1-s3")} >= {"st-albert", "citykeys"}


@pytest.mark.parametrize("lang,figures", [
    ("fr", ["2030", "15 ans", "12 mois", "plus de 10 jours", "45", ">22<", ">56<"]),
    ("en", ["2030", "15 years", "12 months", "more than 10 days", "45", ">22<", ">56<"]),
])
def test_case_figures(data, lang, figures):
    cases = select_cases(data, ids=["pays-de-l-or", "st-albert", "citykeys"])
    html = render_cases(data, lang, cases, HERE)
    for fig in figures:
        written = fig.replace(" ", NBSP) if lang == "fr" else fig
        assert written in html, fig
    for case in cases:  # the population as the data gives it (tests/data/test_case_populations.py)
        if case.population:
            assert figure(data, case.population.value, "people", lang, case.population.approx) in html, case.id


def test_ambiguous_pays_de_l_or_pairings_are_left_out(data):
    """The infographic's 2 / 6 / 4 presentations are paired with their bodies only by
    extraction order (facts.yml F051-F053): no stat may present them."""
    case = data.get("case", "pays-de-l-or")
    for stat in case.stats:
        assert "présentation" not in stat.label("fr").lower()
    assert [s.value for s in case.stats if s.value in (2, 6)] == []


def test_corrected_names(data):
    cities = data.get("case", "citykeys").story("en") + data.get("case", "citykeys").story("fr")
    for name in ("Rotterdam", "Tampere", "Zagreb", "EUROCITIES"):
        assert name in cities
    texts = " ".join(
        str(v) for case in ("citykeys", "st-albert", "pays-de-l-or")
        for v in data.get("case", case).model_dump().values())
    assert "CITYKeys" not in texts
    assert "CITYkeys" in texts


# --- malformed data -----------------------------------------------------------------------

# Run by tests/data/test_malformed_data.py.
MALFORMED = [  # (test id, data file, change to its parsed YAML, what the error must name)
    ("list-entry-without-english", "planning.yml",
     lambda raw: raw["indicator_principles"][1]["title"].pop("en"),
     ("data/planning.yml", "entry 'simplicity'", "field 'title.en'")),
    ("list-entry-with-unknown-key", "planning.yml",
     lambda raw: raw["communication_channels"][0].update(url="x"),
     ("data/planning.yml", "entry 'digital-documents'", "field 'url'")),
    ("list-entry-id-used-twice", "planning.yml",
     lambda raw: raw["communication_decisions"][1].update(id="what"),
     ("data/planning.yml", "entry 'what'", "field 'id'", "duplicate")),
    ("citykeys-category-without-themes", "citykeys.yml", lambda raw: raw["categories"][3].update(themes=[]),
     ("data/citykeys.yml", "entry 'governance'", "field 'themes'")),
    ("citykeys-theme-without-french", "citykeys.yml", lambda raw: raw["categories"][2]["themes"][0].pop("fr"),
     ("data/citykeys.yml", "entry 'planet'", "field 'themes[0].fr'")),
    ("indicator-set-with-unknown-case", "indicator-examples.yml",
     lambda raw: raw["sets"][0].update(case="st-albrt"),
     ("data/indicator-examples.yml", "entry 'st-albert'", "field 'case'", "st-albrt")),
    ("objective-without-indicators", "indicator-examples.yml",
     lambda raw: raw["sets"][0]["groups"][2].update(indicators=[]),
     ("data/indicator-examples.yml", "entry 'connectivity'", "field 'indicators'")),
    ("indicator-group-with-unknown-dimension", "indicator-examples.yml",
     lambda raw: raw["sets"][0]["groups"][0].update(dimension="transport"),
     ("data/indicator-examples.yml", "entry 'transport'", "field 'dimension'")),
]



# --- page sources -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_overview_page(lang):
    text = (ROOT / "docs" / lang / "phase-1" / "index.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and 40 <= text.count("\n") <= 80
    assert '{{ journey(current="p1") }}' in text and '{{ phase_overview("p1") }}' in text


# --- built site ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_show_the_lists_and_cases(site, lang):
    base = site / lang / "phase-1"
    page = lambda name: (base / f"{name}.html").read_text(encoding="utf-8")  # noqa: E731
    s1, s2, s3, s4 = (page(p.split("/")[1]) for p in STEP_PAGES.values())
    assert s1.count('data-sc-list="diagnosis_themes"') == 1 and s1.count("data-sc-entry=") == 17
    assert 'id="sc-case-pays-de-l-or"' in s2
    assert s3.count("data-sc-citykeys=") == 4 and s3.count("data-sc-group=") == 7
    assert 'id="sc-case-st-albert"' in s3 and 'id="sc-case-citykeys"' in s3
    assert s4.count("data-sc-entry=") == 13
    index = page("index")
    assert "sc-journey" in index and "sc-steps" in index
    if lang == "fr":  # the build applies French typography to macro output too
        assert f"plus{NBSP}de{NBSP}10{NBSP}jours" in s2
        assert f"43{NNBSP}000" in s2
    else:
        assert "more than 10 days" in s2 and "43,000" in s2
