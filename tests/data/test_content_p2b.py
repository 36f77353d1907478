"""Phase 2, second half: financing, business models, legal framework, implementation; data, renderers, pages."""
from __future__ import annotations

import datetime
import re

import pytest

from smartcity.render.fmt import figure
from smartcity.pages.cases import render_cases, select_cases
from smartcity.pages.checklist import items_for
from smartcity.render.dates import format_date
from smartcity.pages.financing import render_business_models, render_financing_options, select_options
from smartcity.pages.legal import render_legal_provisions, render_legal_timeline, select_provisions, timeline
from smartcity.model.loader import load

NBSP, NNBSP, MINUS = "\u00a0", "\u202f", "\u2212"
FIN = "phase-2/p2-s2c-financing.html"
LEGAL = "phase-2/p2-s2d-legal-framework.html"
IMPL = "phase-2/p2-s3-implementation.html"
STEP_PAGES = {"p2-s2c": FIN, "p2-s2d": LEGAL, "p2-s3": IMPL}
OPTIONS = {
    "classic": ["investment-credit", "project-management-credit", "subsidy-discounting", "cash-credit"],
    "alternative": ["public-private-partnership", "subsidies", "real-estate-leasing", "equipment-leasing",
                    "operational-leasing", "disintermediation", "crowdfunding"],
}
MY_CASES = ["barcelona-business-models", "malmo", "skopje", "sabadell", "besancon", "bologna", "santander"]


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


# --- financing options --------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["table", "cards"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_financing_option_is_shown_by_family(data, lang, layout):
    html = render_financing_options(data, lang, FIN, layout=layout)
    assert re.findall(r'data-sc-financing-option="([a-z-]+)"', html) == OPTIONS["classic"] + OPTIONS["alternative"]
    for family, ids in OPTIONS.items():
        assert data.t(f"fin.family.{family}", lang) in html
        part = render_financing_options(data, lang, FIN, family=family, layout=layout)
        assert re.findall(r'data-sc-financing-option="([a-z-]+)"', part) == ids
        for option in select_options(data, family):
            assert option.title(lang) in _text(part)


@pytest.mark.parametrize("lang,needles", [
    ("fr", ["12 mois au plus", "plus de 3 ans", "crowdlending", "PPP"]),
    ("en", ["12 months at most", "over 3 years", "crowdlending", "PPP"]),
])
def test_financing_options_carry_the_source_terms(data, lang, needles):
    text = _text(render_financing_options(data, lang, FIN))
    for needle in needles:
        assert needle in text


def test_financing_renderer_refuses_unknown_family_and_layout(data):
    with pytest.raises(ValueError, match="family 'green'"):
        render_financing_options(data, "en", FIN, family="green")
    with pytest.raises(ValueError, match="layout 'list'"):
        render_financing_options(data, "en", FIN, layout="list")


# --- business models ----------------------------------------------------------------------

@pytest.mark.parametrize("lang,figures", [
    ("fr", [f"50{NBSP}millions{NBSP}€", f"58{NBSP}millions{NBSP}€", f"500{NNBSP}000{NBSP}€{NBSP}par{NBSP}an",
            f"{MINUS}30{NBSP}%", f"{MINUS}20{NBSP}%"]),
    ("en", ["€50 million", "€58 million", "€500,000 a year", f"{MINUS}30%", f"{MINUS}20%"]),
])
def test_business_models_show_three_families_with_their_figures(data, lang, figures):
    html = render_business_models(data, lang, FIN)
    assert re.findall(r'data-sc-business-model="([a-z-]+)"', html) == ["revenue", "cost-savings", "hard-to-measure"]
    for figure in figures:
        assert figure in html
    # Figures sit in the family the example delivers: revenue, savings, hard to measure.
    revenue, savings, hard = re.split(r'data-sc-business-model="', html)[1:]
    assert "50" in revenue and "58" in savings and "500" in savings and "20" in hard
    for city in ("Malmö", "Skopje", "Sabadell"):
        assert city in html
    assert "Mälmo" not in html
    assert 'href="p2-s2c-financing.html#sc-case-malmo"' in html


def test_business_model_figures_agree_with_the_cases(data):
    """The headline figure of an example is the same number as in the case it points to."""
    checked = 0
    for model in data.financing.business_models:
        for example in model.examples:
            if example.figure:
                fig = data.get("figure", example.figure)
                case = data.get("case", example.case)
                assert (fig.value, fig.unit) in {(s.value, s.unit) for s in case.stats}, (model.id, case.id)
                checked += 1
    assert checked == 5


# --- cases --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,needles", [
    ("fr", [f"7{NNBSP}500", f"263{NNBSP}915{NBSP}kWh{NBSP}par{NBSP}an", f"39{NNBSP}587{NBSP}€{NBSP}par{NBSP}an",
            f"69,5{NBSP}%", f"29{NBSP}%", f"plus{NBSP}de{NBSP}800", f"208{NNBSP}000", f"500{NNBSP}000",
            f"98{NBSP}%", "Joan Carles Sánchez", "Macédoine du Nord"]),
    ("en", ["7,500", "263,915 kWh a year", "€39,587 a year", "69.5%", "29%", "more than 800", "208,000",
            "€500,000 a year", "98%", "Joan Carles Sánchez", "North Macedonia"]),
])
def test_financing_cases_carry_their_figures(data, lang, needles):
    cases = select_cases(data, "p2-s2c")
    assert [c.id for c in cases] == ["barcelona-business-models", "malmo", "sabadell", "skopje"]
    html = render_cases(data, lang, cases, FIN)
    for needle in needles:
        assert needle in html
    assert "Joan Carlos" not in html and "Sanchez" not in html


@pytest.mark.parametrize("lang,needles", [
    ("fr", ["1994", f"plus{NBSP}de{NBSP}1{NNBSP}000", "2014", f"plus{NBSP}de{NBSP}3{NNBSP}000", f"1{NNBSP}700",
            f"plus{NBSP}de{NBSP}20{NNBSP}000",
            "Besançon", "Sénéclic", "Pulso de la Ciudad", "Luis Muñoz", "biens communs"]),
    ("en", ["1994", "more than 1,000", "2014", "more than 3,000", "1,700", "more than 20,000",
            "Besançon", "Sénéclic", "Pulso de la Ciudad", "Luis Muñoz", "commons"]),
])
def test_implementation_cases_carry_their_figures_and_names(data, lang, needles):
    cases = select_cases(data, "p2-s3")
    assert [c.id for c in cases] == ["besancon", "bologna", "santander"]
    html = render_cases(data, lang, cases, IMPL)
    for needle in needles:
        assert needle in html
    for case in cases:  # populations as the data gives them (tests/data/test_case_populations.py)
        assert figure(data, case.population.value, "people", lang, case.population.approx) in html, case.id
    for wrong in ("Besancon", "Seneclic", "Pulsa de la"):
        assert wrong not in html


# --- legal framework ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def walloon(data):
    """The guide's data as the reference edition shows it: its region is the default, Wallonia."""
    from smartcity.edition.model import REFERENCE, apply, load_edition

    return apply(load(), load_edition(REFERENCE))


@pytest.mark.parametrize("lang,dates", [
    ("fr", ["17 juin 2016", "14 juillet 2016", "30 juin 2017", "15 juin 2006", "1er juin 2017",
            "24 mai 2016", "25 mai 2018"]),
    ("en", ["17 June 2016", "14 July 2016", "30 June 2017", "15 June 2006", "1 June 2017",
            "24 May 2016", "25 May 2018"]),
])
def test_legal_provisions_write_dates_per_language(walloon, lang, dates):
    html = render_legal_provisions(walloon, lang, LEGAL, select_provisions(walloon))
    for date in dates:
        assert date in html
    assert '<time datetime="2016-06-17">' in html and '<time datetime="2018-05-25">' in html
    title = {"fr": "Loi du 17 juin 2016 relative aux marchés publics",
             "en": "Law of 17 June 2016 on public procurement"}[lang]
    assert f'<h3 class="sc-legal__title">{title}</h3>' in html
    text = _text(html)
    for needle in {"fr": ["DUME", "Dès 2018", "Dès 2020", "SEC 2010", "CoDT", "RGPD", "Égalité",
                          "Non-discrimination", "Transparence", "Proportionnalité"],
                   "en": ["ESPD", "From 2018", "From 2020", "ESA 2010", "CoDT", "GDPR", "Equality",
                          "Non-discrimination", "Transparency", "Proportionality"]}[lang]:
        assert needle in text


def test_legal_provisions_by_area_and_context(walloon):
    assert [p.id for p in select_provisions(walloon, ["procurement"])] == ["be-public-procurement"]
    others = select_provisions(walloon, ["accounting", "planning", "data-protection"])
    assert [(p.id, p.context) for p in others] == [("eu-esa-2010", "eu"), ("be-wal-codt", "be-wal"),
                                                  ("eu-gdpr", "eu")]
    with pytest.raises(ValueError, match="legal area 'tax'"):
        select_provisions(walloon, ["tax"])
    html = render_legal_provisions(walloon, "en", LEGAL, others)
    assert re.findall(r'data-sc-context="([a-z-]+)"', html) == ["eu", "be-wal", "eu"]


def test_legal_timeline_is_in_time_order(walloon):
    rows = timeline(walloon, select_provisions(walloon))
    keys = [r[0] if isinstance(r[0], datetime.date) else datetime.date(r[0], 12, 31) for r in rows]
    assert keys == sorted(keys) and len(rows) == 8
    html = render_legal_timeline(walloon, "fr", LEGAL, select_provisions(walloon))
    order = [html.index(d) for d in ("24 mai 2016", "17 juin 2016", "14 juillet 2016", "1er juin 2017",
                                     "30 juin 2017", "25 mai 2018", ">2018<", ">2020<")]
    assert order == sorted(order)


def test_month_names_come_from_data_not_code(data_copy):
    day = datetime.date(2017, 6, 1)
    ui = data_copy / "ui" / "dates.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("juin", "JUNIUS").replace("1er", "premier"),
                  encoding="utf-8")
    changed = load(data_copy)
    assert format_date(changed, day, "fr") == "premier JUNIUS 2017"
    assert format_date(changed, day, "en") == "1 June 2017"


# --- malformed data -----------------------------------------------------------------------

# Run by tests/data/test_malformed_data.py.
MALFORMED = [  # (test id, data file, change to its parsed YAML, what the error must name)
    ("unknown-financing-family-names-file-entry-and-field", "financing.yml",
     lambda raw: raw["options"][3].update(family="magic"),
     ("data/financing.yml", "entry 'cash-credit'", "field 'family'")),
    ("missing-language-in-financing-names-the-field", "financing.yml",
     lambda raw: raw["business_models"][1]["description"].pop("en"),
     ("data/financing.yml", "entry 'cost-savings'", "field 'description.en'")),
    ("unknown-case-in-business-model-example", "financing.yml",
     lambda raw: raw["business_models"][0]["examples"][0].update(case="atlantis"),
     ("data/financing.yml", "entry 'revenue'", "field 'examples[0].case'", "atlantis")),
    ("unknown-figure-in-business-model-example", "financing.yml",
     lambda raw: raw["business_models"][2]["examples"][0].update(figure="nope"),
     ("entry 'hard-to-measure'", "field 'examples[0].figure'", "unknown figure id 'nope'")),
    ("a-family-with-no-option", "financing.yml",
     lambda raw: raw.update(options=[o for o in raw["options"] if o["family"] == "classic"]),
     ("data/financing.yml", "alternative")),
    ("bad-date-names-file-entry-and-field", "legal.yml",
     lambda raw: raw["provisions"][0]["events"][1].update(date="2016-02-30"),
     ("data/legal.yml", "entry 'be-public-procurement'", "field 'events[1].date'")),
    ("events-out-of-time-order-are-refused", "legal.yml",
     lambda raw: raw["provisions"][0]["events"][2].update(date="2015-01-01"),
     ("data/legal.yml", "provision 'be-public-procurement'", "events")),
    ("title-with-date-needs-an-adoption-date", "legal.yml", lambda raw: raw["provisions"][0]["events"].pop(0),
     ("data/legal.yml", "provision 'be-public-procurement'", "{date}")),
    ("unknown-legal-context-names-entry-and-field", "legal.yml",
     lambda raw: raw["provisions"][2].update(context="fr-idf"),
     ("data/legal.yml", "entry 'be-wal-codt'", "field 'context'", "unknown legal-context id 'fr-idf'")),
    ("missing-language-in-legal-point", "legal.yml",
     lambda raw: raw["provisions"][3]["points"][0]["text"].pop("fr"),
     ("data/legal.yml", "entry 'eu-gdpr'", "field 'points[0].text.fr'")),
    ("unknown-legal-area", "legal.yml", lambda raw: raw["provisions"][1].update(area="tax"),
     ("data/legal.yml", "entry 'eu-esa-2010'", "field 'area'")),
]



# --- built pages --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("step", sorted(STEP_PAGES))
def test_step_pages_are_built_with_cases_and_checklist(site, data, lang, step):
    page = site / lang / STEP_PAGES[step]
    assert page.is_file(), page
    html = page.read_text(encoding="utf-8")
    assert f'data-sc-step="{step}"' in html
    assert 'class="sc-case"' in html or 'class="sc-stat"' in html
    # p2-s3 has no item of its own in the guide's checklist; it shows the four reflections' items.
    items = items_for(data, "p2-s2" if step == "p2-s3" else step)
    assert items
    for item in items:
        assert f'data-sc-item="{item.id}"' in html
    for key in ("why", "todo", "questions", "pitfalls", "cases", "checklist", "worksheet"):
        assert f'id="sc-{key}"' in html


@pytest.mark.parametrize("lang,needles", [
    ("fr", ["17 juin 2016", "1er juin 2017", "Dès 2018", "Marchés publics"]),
    ("en", ["17 June 2016", "1 June 2017", "From 2018", "Public procurement"]),
])
def test_legal_page_built_with_dates_and_timeline(site, lang, needles):
    html = (site / lang / LEGAL).read_text(encoding="utf-8")
    assert 'class="sc-legal-timeline"' in html and html.count('class="sc-legal__item"') == 4
    for needle in needles:
        assert needle in html.replace(NBSP, " ").replace(NNBSP, " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_financing_page_built_with_options_and_models(site, lang):
    html = (site / lang / FIN).read_text(encoding="utf-8")
    for ids in OPTIONS.values():
        for option in ids:
            assert f'data-sc-financing-option="{option}"' in html
    assert html.count("data-sc-business-model=") == 3
    for case in ("barcelona-business-models", "malmo", "skopje", "sabadell"):
        assert f'id="sc-case-{case}"' in html
