"""Phase 2, first half: action plan, the four reflections, people, technologies; data, renderers, pages."""
from __future__ import annotations

import re

import pytest

from smartcity.render.fmt import figure
from smartcity.pages.cases import render_cases, render_stats, select_cases, select_figures
from smartcity.pages.implementation import render_action_plan, render_project_types, render_technology_levels
from tests.conftest import ROOT

LANGS = ("fr", "en")
NBSP, NNBSP = "\u00a0", "\u202f"
HERE = "phase-2/p2-s1-action-plan.html"
TECH_ORDER = ["connectivity", "sensors", "platforms", "interfaces"]


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# --- technology levels ---------------------------------------------------------------------

@pytest.mark.parametrize("lang,titles,label", [
    ("fr", ["Infrastructures de connectivité", "Capteurs sans fil et objets connectés",
            "Plateformes technologiques", "Interfaces de communication"], "Niveau"),
    ("en", ["Connectivity infrastructure", "Wireless sensors and connected objects",
            "Technology platforms", "Communication interfaces"], "Level"),
])
def test_four_technology_levels_numbered_from_the_network_up(data, lang, titles, label):
    html = render_technology_levels(data, lang, "phase-2/p2-s2b-technologies.html")
    assert re.findall(r'data-sc-tech-level="([a-z-]+)"', html) == TECH_ORDER
    text = _text(html)
    positions = [html.index(f"{label} {n}</span> {title}</h4>") for n, title in enumerate(titles, 1)]
    assert positions == sorted(positions)
    for level in data.technology.levels:
        for example in level.examples:
            assert example(lang) in text
    assert html.lstrip().startswith("<ol")


@pytest.mark.parametrize("lang,needles", [
    ("fr", ["LoRa, NB-IoT", "3G et 4G", "Fibre optique", "30 minutes gratuites", "Plateforme experte",
            "Plateforme intégrée", "chatbots"]),
    ("en", ["LoRa, NB-IoT", "3G and 4G", "Optical fibre", "30 minutes free", "Expert platform",
            "Integrated platform", "Chatbots"]),
])
def test_technology_examples_carry_the_source_facts(data, lang, needles):
    text = _text(render_technology_levels(data, lang, "phase-2/p2-s2b-technologies.html"))
    for needle in needles:
        assert needle in text, needle
    assert "chabot" not in text.lower()  # the source's misprint is corrected


def test_heading_level_is_checked(data):
    assert "<h3 " in render_technology_levels(data, "en", HERE, hlevel=3)
    with pytest.raises(ValueError):
        render_technology_levels(data, "en", HERE, hlevel=7)


# --- action plan and project types --------------------------------------------------------

@pytest.mark.parametrize("lang,titles", [
    ("fr", ["Vos dimensions", "Vos initiatives", "Vos projets"]),
    ("en", ["Your dimensions", "Your initiatives", "Your projects"]),
])
def test_action_plan_has_three_levels_top_down(data, lang, titles):
    html = render_action_plan(data, lang, HERE)
    assert re.findall(r'data-sc-plan-level="([a-z-]+)"', html) == ["dimensions", "initiatives", "projects"]
    text = _text(html)
    assert [text.index(t) for t in titles] == sorted(text.index(t) for t in titles)
    # the example's dimension is named from dimensions.yml and linked to the dimensions page
    assert f'href="../introduction/six-dimensions.html">{data.get("dimension", "mobility").title(lang)}</a>' in html


@pytest.mark.parametrize("lang,caution,links", [
    ("fr", "victoire rapide « politique »", ["Diagnostic de la situation actuelle", "Financement et modèles économiques"]),
    ("en", "“political” quick win", ["Diagnosis of the current situation", "Financing and business models"]),
])
def test_project_types_with_their_warnings_and_links(data, lang, caution, links):
    html = render_project_types(data, lang, HERE)
    assert re.findall(r'data-sc-project-type="([a-z-]+)"', html) == [
        "bottom-up", "quick-win", "pilot", "self-financing"]
    assert caution in html
    assert 'href="p2-s2c-financing.html"' in html
    assert 'href="../phase-1/p1-s1-diagnosis.html"' in html
    for link in links:
        assert link in html
    for kind in data.action_plan.project_types:
        assert kind.title(lang) in _text(html)


# --- The Hague and the figures --------------------------------------------------------------

def _population(data, case, lang):
    """The case's population as its meta line writes it: the data's figure, then its year."""
    pop = case.population
    return figure(data, pop.value, "people", lang, pop.approx) + (f" ({pop.year})" if pop.year else "")


@pytest.mark.parametrize("lang,city", [("fr", "La Haye"), ("en", "The Hague")])
def test_the_hague_case(data, lang, city):
    case = data.get("case", "the-hague")
    assert [c.id for c in select_cases(data, "p2-s1")] == ["the-hague"]
    html = render_cases(data, lang, [case], HERE)
    assert _population(data, case, lang) in html and city in html
    assert "Brian Benjamin" in html
    assert [s.value for s in case.stats] == [6, 4]
    assert set(case.dimensions) == {"mobility", "people"}
    story = case.story(lang)
    for area in {"fr": ["stationnement intelligent", "mobilité", "enseignement", "Smart Citizens"],
                 "en": ["smart parking", "mobility", "education", "Smart Citizens"]}[lang]:
        assert area in story, area


@pytest.mark.parametrize("lang,minutes", [("fr", f"30{NBSP}minutes"), ("en", "30 minutes")])
def test_phase_2_figures(data, lang, minutes):
    html = render_stats(data, lang, select_figures(data, group="p2-technology"), HERE)
    assert minutes in html
    assert html.count('class="sc-stat"') == 3
    assert [f.value for f in select_figures(data, group="p2-reflections")] == [4]
    assert [f.value for f in select_figures(data, group="p2-action-plan")] == [3, 6]


# --- malformed data -------------------------------------------------------------------------

# Run by tests/data/test_malformed_data.py.
MALFORMED = [  # (test id, data file, change to its parsed YAML, what the error must name)
    ("technology-level-without-examples", "technology.yml", lambda raw: raw["levels"][1].update(examples=[]),
     ("data/technology.yml", "entry 'sensors'", "field 'examples'")),
    ("technology-example-without-french", "technology.yml",
     lambda raw: raw["levels"][2]["examples"][0].pop("fr"),
     ("data/technology.yml", "entry 'platforms'", "field 'examples[0].fr'")),
    ("technology-level-with-unknown-key", "technology.yml", lambda raw: raw["levels"][0].update(number=1),
     ("data/technology.yml", "entry 'connectivity'", "field 'number'")),
    ("project-type-pointing-to-an-unknown-step", "action_plan.yml",
     lambda raw: raw["project_types"][3].update(see="p2-s9"),
     ("data/action_plan.yml", "entry 'self-financing'", "field 'see'", "p2-s9")),
    ("plan-example-with-unknown-dimension", "action_plan.yml",
     lambda raw: raw["levels"][0]["example"].update(dimension="smart"),
     ("data/action_plan.yml", "entry 'dimensions'", "field 'example.dimension'")),
    ("duplicate-project-type", "action_plan.yml", lambda raw: raw["project_types"][1].update(id="pilot"),
     ("data/action_plan.yml", "entry 'pilot'", "duplicate")),
    ("project-type-without-when", "action_plan.yml", lambda raw: raw["project_types"][0].pop("when"),
     ("data/action_plan.yml", "entry 'bottom-up'", "field 'when'")),
]



# --- page sources ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_phase_overview_links_every_part(lang):
    text = (ROOT / "docs" / lang / "phase-2" / "index.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    for unit in ("p2-s1", "p2-s2", "p2-s2a", "p2-s2b", "p2-s2c", "p2-s2d", "p2-s3"):
        assert f'{{{{ step_link("{unit}") }}}}' in text, unit
    assert '\n\n{{ journey(current="p2") }}\n' in text and '\n\n{{ phase_overview("p2") }}\n' in text
    assert 40 <= text.count("\n") <= 80


# --- built site -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_show_the_reference_lists(site, data, lang):
    base = site / lang / "phase-2"
    plan = (base / "p2-s1-action-plan.html").read_text(encoding="utf-8")
    assert plan.count("data-sc-plan-level=") == 3
    assert plan.count("data-sc-project-type=") == 4
    assert 'data-sc-case="the-hague"' in plan
    tech = (base / "p2-s2b-technologies.html").read_text(encoding="utf-8")
    assert re.findall(r'data-sc-tech-level="([a-z-]+)"', tech) == TECH_ORDER
    for term in ("Big Data", "Open Data", "API", "Cloud Computing"):
        assert term in tech, term
    index = (base / "index.html").read_text(encoding="utf-8")
    assert "sc-journey" in index and "sc-steps" in index
    if lang == "fr":  # French typography reaches macro output
        assert f'<span class="sc-stat__value">30{NBSP}minutes</span>' in tech
        assert _population(data, data.get("case", "the-hague"), lang) in plan
