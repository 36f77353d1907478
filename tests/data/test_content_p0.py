"""Phase 0 (prerequisites): reference lists, ladder, cases, their data models and the built pages."""
from __future__ import annotations

import re

import pytest

from smartcity.pages.cases import render_cases, select_cases
from smartcity.pages.prerequisites import ladder_rows, render_civil_society_roles, render_leadership_assets, render_participation_ladder, render_stakeholder_types

LANGS = ("fr", "en")
NBSP = "\u00a0"
HERE = "phase-0/p0-s5-openness-and-participation.html"


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# --- reference lists ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_eleven_leadership_assets_in_order(data, lang):
    html = render_leadership_assets(data, lang, HERE)
    ids = re.findall(r'data-sc-asset="([a-z-]+)"', html)
    assert len(ids) == 11 and ids == [a.id for a in data.leadership.assets]
    assert html.lstrip().startswith("<ol")
    for asset in data.leadership.assets:
        assert asset.text(lang).split(";")[0] in _text(html)


@pytest.mark.parametrize("lang", LANGS)
def test_four_stakeholder_types_and_four_roles(data, lang):
    types = render_stakeholder_types(data, lang, HERE)
    roles = render_civil_society_roles(data, lang, HERE)
    assert re.findall(r'data-sc-stakeholder="([a-z-]+)"', types) == [
        "government", "business", "research", "civil-society"]
    assert re.findall(r'data-sc-role="([a-z-]+)"', roles) == [
        "field-expert", "project-partner", "innovation-source", "client"]
    assert "<ol" in roles and "<ul" in types  # the source numbers the roles, not the types
    for entry in (*data.stakeholders.types, *data.stakeholders.roles):
        assert entry.title(lang) in _text(types + roles)
    expected = {"fr": ["Pouvoirs publics", "Expert de terrain", "Client à satisfaire"],
                "en": ["Government", "Field expert", "Client to satisfy"]}[lang]
    for title in expected:
        assert title in _text(types + roles)


def test_ladder_runs_from_most_to_least_participation(data):
    rows = ladder_rows(data)
    assert [level.id for level, _ in rows] == ["citizen-power", "tokenism", "non-participation"]
    flat = [(n, rung.id) for _, rungs in rows for n, rung in rungs]
    assert [n for n, _ in flat] == [8, 7, 6, 5, 4, 3, 2, 1]
    assert flat[0] == (8, "citizen-control") and flat[-1] == (1, "manipulation")
    assert dict((r, n) for n, r in flat)["therapy"] == 2


@pytest.mark.parametrize("lang,names,note", [
    ("fr", ["Contrôle citoyen", "Délégation de pouvoir", "Partenariat", "Conciliation", "Consultation",
            "Information", "Thérapie", "Manipulation"], "Absent de la figure du guide"),
    ("en", ["Citizen control", "Delegated power", "Partnership", "Placation", "Consultation",
            "Informing", "Therapy", "Manipulation"], "Not in the printed guide"),
])
def test_ladder_table_in_both_languages(data, lang, names, note):
    html = render_participation_ladder(data, lang, HERE)
    text = _text(html)
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions), "rungs must read from the top (8) down to 1"
    assert "Arnstein (1969)" in text
    assert html.count('scope="rowgroup"') == 3
    assert text.count(note) == 1  # only Therapy is marked as missing from the guide's figure
    assert re.search(r'data-sc-rung="therapy"[^>]*>', html)
    assert 'sc-ladder__rung--added" data-sc-rung="therapy"' in html


# --- cases --------------------------------------------------------------------------------

@pytest.mark.parametrize("step,expected", [
    ("p0-s1", {"barcelona", "montreal"}),
    ("p0-s2", {"chicago", "montreal"}),
    ("p0-s3", {"chicago", "barcelona", "montreal"}),
    ("p0-s4", {"barcelona"}),
    ("p0-s5", {"chicago", "barcelona", "montreal"}),
])
def test_each_step_has_its_cases(data, step, expected):
    assert {c.id for c in select_cases(data, step)} >= expected


@pytest.mark.parametrize("lang,figures", [
    ("fr", ["plus de 180 projets", "plus de 30 projets", "plus de 100 projets", "13 projets", "2011",
            "2015"]),
    ("en", ["over 180 projects", "over 30 projects", "over 100 projects", "13 projects", "2011", "2015"]),
])
def test_case_figures(data, lang, figures):
    html = render_cases(data, lang, select_cases(data, ids=["chicago", "barcelona", "montreal"]), HERE)
    for fig in figures:
        written = fig.replace(" ", NBSP) if lang == "fr" else fig
        assert written in html, fig


@pytest.mark.parametrize("lang", LANGS)
def test_case_names_are_the_corrected_ones(data, lang):
    html = render_cases(data, lang, select_cases(data, ids=["chicago", "barcelona", "montreal"]), HERE)
    story = " ".join(data.get("case", c).story(lang) for c in ("chicago", "barcelona", "montreal"))
    for name in ("Rahm Emanuel", "Xavier Trias", "Denis Coderre", "Je vois Mtl", "Je fais Mtl"):
        assert name in html, name
    for name in ("MacArthur", "Université du Québec à Montréal", "Project Management Office",
                 "Hàbitat Urbà", "City Protocol", "Open Data BCN", "InnoCité"):
        assert name in story, name
    for wrong in ("Emanuel Rahm", "McArthur", "Université de Québec", "Personal Management"):
        assert wrong not in html + story, wrong


def test_each_case_story_has_the_five_panels(data):
    panels = {"fr": ["Leadership.", "Organisation.", "Collaboration et ouverture aux forces vives.",
                     "Participation citoyenne.", "Projets réalisés."],
              "en": ["Leadership.", "Organisation.", "Collaboration and openness to local stakeholders.",
                     "Citizen participation.", "Projects delivered."]}
    for case_id in ("chicago", "barcelona", "montreal"):
        case = data.get("case", case_id)
        for lang in LANGS:
            for panel in panels[lang]:
                assert f"**{panel}**" in case.story(lang), (case_id, lang, panel)


# --- malformed data -----------------------------------------------------------------------

# Run by tests/data/test_malformed_data.py.
MALFORMED = [  # (test id, data file, change to its parsed YAML, what the error must name)
    ("asset-without-english", "leadership.yml", lambda raw: raw["assets"][8]["text"].pop("en"),
     ("data/leadership.yml", "entry 'arbitrate'", "field 'text.en'")),
    ("stakeholder-type-with-unknown-key", "stakeholders.yml", lambda raw: raw["types"][1].update(name="x"),
     ("data/stakeholders.yml", "entry 'business'", "field 'name'")),
    ("role-without-description", "stakeholders.yml", lambda raw: raw["roles"][3].pop("description"),
     ("data/stakeholders.yml", "entry 'client'", "field 'description'")),
    ("rung-with-bad-id", "participation.yml",
     lambda raw: raw["levels"][2]["rungs"][0].update(id="Partnership"),
     ("data/participation.yml", "entry 'Partnership'", "field 'id'")),
    ("rung-id-used-twice", "participation.yml",
     lambda raw: raw["levels"][1]["rungs"][0].update(id="manipulation"),
     ("data/participation.yml", "entry 'manipulation'", "field 'id'", "duplicate")),
    ("level-without-rungs", "participation.yml", lambda raw: raw["levels"][0].update(rungs=[]),
     ("data/participation.yml", "entry 'non-participation'", "field 'rungs'")),
    ("case-stat-with-unknown-unit", "cases/montreal.yml", lambda raw: raw["stats"][0].update(unit="projets"),
     ("data/cases/montreal.yml", "entry 'montreal'", "field 'stats[0].unit'")),
]



# --- built site ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_show_the_reference_lists(site, lang):
    base = site / lang / "phase-0"
    leadership = (base / "p0-s2-leadership.html").read_text(encoding="utf-8")
    assert leadership.count("data-sc-asset=") == 11
    openness = (base / "p0-s5-openness-and-participation.html").read_text(encoding="utf-8")
    assert openness.count("data-sc-stakeholder=") == 4
    assert openness.count("data-sc-role=") == 4
    assert openness.count("data-sc-rung=") == 8
    index = (base / "index.html").read_text(encoding="utf-8")
    assert "sc-journey" in index and "sc-steps" in index
    for case in ("chicago", "barcelona", "montreal"):
        assert f'data-sc-case="{case}"' in index
    if lang == "fr":  # the build applies French typography to macro output too
        assert f"plus{NBSP}de{NBSP}180{NBSP}projets" in openness
