"""The opening chapter: its data, its renderers in both languages, and its built pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from smartcity.pages import introduction as intro
from smartcity.pages.cases import render_stats, select_figures
from smartcity.model.loader import DataError, load
from smartcity.render.env import md_inline

NBSP, NNBSP = "\u00a0", "\u202f"
HERE = "introduction/why-now.html"
PAGES = ["index", "why-now", "what-is-a-smart-city", "six-dimensions", "benefits-and-obstacles"]
DIMENSIONS = ["mobility", "environment", "people", "economy", "governance", "living"]

# The chapter's key numbers as the source gives them (facts.yml F002-F017).
FIGURES = {
    "be-cities-with-strategy-2016": 13, "urban-share-today": 50, "urban-share-2050": 70,
    "over-60-share-2000": 11, "over-60-share-2050": 22, "over-60-people-2000": 605,
    "over-60-people-2050": 2, "migrants-2016": 247, "migrants-economic": 90,
    "migrants-refugees": 10, "migrants-south-north": 50, "migrants-tertiary": 35,
    "au-ehealth-savings": 20, "au-road-deaths": 1500, "au-road-injuries": 50000,
    "au-elderly-hospital": 40, "au-smart-grid-savings": 20,
}

# What each group must show, per language, written exactly as the page prints it.
EXPECTED = {
    "belgium": {"fr": [f"13{NBSP}%"], "en": ["13%"]},
    "urbanisation": {"fr": [f"50{NBSP}%", f"70{NBSP}%"], "en": ["50%", "70%"]},
    "ageing": {"fr": [f"11{NBSP}%", f"22{NBSP}%", f"605{NBSP}millions", f"2{NBSP}milliards"],
               "en": ["11%", "22%", "605 million", "2 billion"]},
    "migration": {"fr": [f"247{NBSP}millions", f"90{NBSP}%", f"10{NBSP}%", f"50{NBSP}%", f"35{NBSP}%"],
                  "en": ["247 million", "90%", "10%", "50%", "35%"]},
    "australia": {"fr": [f"plus{NBSP}de{NBSP}20{NBSP}millions{NBSP}€", f"1{NNBSP}500", f"50{NNBSP}000", f"40{NBSP}%", f"20{NBSP}%"],
                  "en": ["more than €20 million", "1,500", "50,000", "40%", "20%"]},
}


def values(html: str) -> list[str]:
    return re.findall(r'<span class="sc-stat__value">([^<]*)</span>', html)


# ---------------------------------------------------------------- figures

def test_figures_match_the_source(data):
    for fig_id, value in FIGURES.items():
        assert data.get("figure", fig_id).value == value, fig_id


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("group", sorted(EXPECTED))
def test_stats_print_exact_figures(data, lang, group):
    html = render_stats(data, lang, select_figures(data, group), HERE)
    assert values(html) == EXPECTED[group][lang]


def test_australian_case_agrees_with_the_figures(data):
    case = data.get("case", "australia-estimates")
    figures = select_figures(data, "australia")
    assert case.steps == () and case.country_code == "AU"
    assert [(s.value, s.unit) for s in case.stats] == [(f.value, f.unit) for f in figures]


# ---------------------------------------------------------------- renderers

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_challenges_show_every_trend_domain_and_issue(data, lang):
    trends = intro.render_challenges(data, lang, HERE, scope="global")
    for trend in data.challenges.trends:
        assert f'id="sc-trend-{trend.id}"' in trends and trend.title(lang) in trends
    html = intro.render_challenges(data, lang, HERE)
    for domain in data.challenges.domains:
        assert f'id="sc-challenge-{domain.id}"' in html
        assert f'href="six-dimensions.html#{domain.dimension}"' in html
        for issue in domain.issues:
            assert _esc(issue(lang)) in html
    assert {d.dimension for d in data.challenges.domains} == set(DIMENSIONS)


def test_challenges_refuse_an_unknown_scope(data):
    with pytest.raises(ValueError, match="scope 'local'"):
        intro.render_challenges(data, "en", HERE, scope="local")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_components_are_three_factors_and_one_goal(data, lang):
    html = intro.render_components(data, lang, "introduction/what-is-a-smart-city.html")
    assert html.count("sc-component--factor") == 3 and html.count("sc-component--goal") == 1
    for comp in ("technology", "human", "institutions", "sustainability"):
        assert f'data-sc-component="{comp}"' in html
    assert "Nam &amp; Pardo (2011)" in html
    # the goal comes last, after the factors it serves
    assert html.index("sc-component--goal") > html.rindex("sc-component--factor")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_approaches_table(data, lang):
    html = intro.render_approaches(data, lang, "introduction/what-is-a-smart-city.html")
    assert "<caption>" in html and html.count('<th scope="col">') == 3
    assert html.count('<th scope="row">') == len(data.approaches.rows) == 4
    for row in data.approaches.rows:
        assert _esc(row.top_down(lang)) in html and _esc(row.bottom_up(lang)) in html


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dimension_cards_are_anchored_and_linked(data, lang):
    here = "introduction/six-dimensions.html"
    html = intro.render_dimensions(data, lang, here)
    assert re.findall(r'<article class="sc-dimension" id="([a-z]+)"', html) == DIMENSIONS
    assert html.count("<svg") == 6 and 'aria-hidden="true"' in html
    for domain in data.challenges.domains:
        assert f'href="why-now.html#sc-challenge-{domain.id}"' in html
    for dim in DIMENSIONS:
        for case, url in intro.dimension_cases(data, dim):
            assert f'href="../{url}"' in html


def test_dimension_cases_list_each_city_once(data):
    for dim in DIMENSIONS:
        cities = [case.city.en for case, _ in intro.dimension_cases(data, dim)]
        assert len(cities) == len(set(cities))
        assert all(case.steps for case, _ in intro.dimension_cases(data, dim))


def test_unknown_icon_is_refused():
    with pytest.raises(ValueError, match="unknown icon"):
        intro.icon_svg("material/no-such-icon")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_benefits_and_obstacles(data, lang):
    here = "introduction/benefits-and-obstacles.html"
    html = intro.render_benefits(data, lang, here)
    assert [g.id for g in data.benefits.groups] == ["social", "economic", "environmental"]
    for group in data.benefits.groups:
        assert _esc(group.goal(lang)) in html
        for item in group.items:
            assert _esc(item(lang)) in html
    html = intro.render_obstacles(data, lang, here)
    assert html.count('class="sc-obstacles__item"') == len(data.obstacles.obstacles) == 8
    for obstacle in data.obstacles.obstacles:
        assert obstacle.steps, obstacle.id
        assert _esc(obstacle.text(lang)) in html
    assert 'href="../phase-0/p0-s1-political-will.html"' in html


def _esc(text: str) -> str:
    """Data text as the templates print it (through the inline Markdown filter)."""
    return str(md_inline(text))


# ---------------------------------------------------------------- malformed data

def _break(root: Path, name: str, change) -> None:
    path = root / name
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


BROKEN = [
    ("challenges.yml", lambda r: r["domains"][0].update(dimension="nowhere"), "mobility", "dimension"),
    ("challenges.yml", lambda r: r["domains"][1]["issues"][0].pop("en"), "economy", "issues[0].en"),
    ("components.yml", lambda r: r["components"][0].update(role="means"), "technology", "role"),
    ("approaches.yml", lambda r: r["rows"][1].pop("bottom_up"), "key-players", "bottom_up"),
    ("benefits.yml", lambda r: r["groups"][0].update(colour="green"), "social", "colour"),
    ("obstacles.yml", lambda r: r["obstacles"][0].update(steps=["p9-s9"]), "gadgets", "steps[0]"),
    ("figures/introduction.yml", lambda r: r["figures"][0].update(unit="furlongs"),
     "be-cities-with-strategy-2016", "unit"),
    ("cases/australia-estimates.yml", lambda r: r.update(country_code="AUS"), "australia-estimates", "country_code"),
]


@pytest.mark.parametrize("name, change, entry, field", BROKEN, ids=[f"{b[0]}:{b[3]}" for b in BROKEN])
def test_malformed_data_names_file_entry_and_field(data_copy, name, change, entry, field):
    _break(data_copy, name, change)
    with pytest.raises(DataError) as err:
        load(data_copy)
    message = str(err.value)
    assert name in message and f"entry '{entry}'" in message and f"field '{field}'" in message


def test_components_need_exactly_one_goal(data_copy):
    _break(data_copy, "components.yml", lambda r: r["components"][0].update(role="goal"))
    with pytest.raises(DataError, match="components.yml.*exactly one component"):
        load(data_copy)


# ---------------------------------------------------------------- built pages

@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_built_pages_exist_with_title_and_description(site, lang, page):
    path = site / lang / "introduction" / f"{page}.html"
    assert path.is_file(), path
    html = path.read_text(encoding="utf-8")
    assert "<h1" in html and 'data-sc-step="' not in html
    assert re.search(r'<meta name="description" content="[^"]{40,}"', html)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_built_pages_show_their_data(site, lang):
    read = lambda page: (site / lang / "introduction" / f"{page}.html").read_text(encoding="utf-8")  # noqa: E731
    pct = f"{NBSP}%" if lang == "fr" else "%"
    assert f"13{pct}" in read("index") and "sc-journey" in read("index")
    why = read("why-now")
    for n in (70, 50, 11, 22, 90, 35):
        assert f">{n}{pct}<" in why
    assert why.count('class="sc-challenge"') == 6 and "sc-trends" in why
    what = read("what-is-a-smart-city")
    assert "sc-components" in what and "sc-approaches" in what
    dims = read("six-dimensions")
    for dim in DIMENSIONS:
        assert f'id="{dim}"' in dims
    benefits = read("benefits-and-obstacles")
    assert benefits.count('class="sc-benefit"') == 3 and "sc-obstacles" in benefits
    assert (f">1{NNBSP}500<" if lang == "fr" else ">1,500<") in benefits
