"""Phase 3 (monitoring), key points, the full checklist, the glossary and its tooltips,
and the two annexes: data, renderers, malformed data and the built pages."""
from __future__ import annotations

import html as htmllib
import re
import unicodedata
from pathlib import Path

import markdown
import pytest

from smartcity.pages.cases import render_cases, select_cases
from smartcity.pages.checklist import items_for, render_full_checklist
from smartcity.pages.closing import render_institute, render_key_points, render_smart_region
from smartcity.pages.glossary import render_glossary, term_definition
from smartcity.pages.glossary_abbr import abbreviations, plain
from smartcity.pages.monitoring import render_gap_causes, render_mechanisms, render_pilot_decisions, render_scope, render_tools
from smartcity.model.traversal import ordered_units
from tests.conftest import ROOT, bundled

LANGS = ("fr", "en")
NBSP, NNBSP = "\u00a0", "\u202f"
HERE = "phase-3/p3-s1-monitoring.html"
STEP_PAGES = {
    "p3-s1": "phase-3/p3-s1-monitoring",
    "p3-s2": "phase-3/p3-s2-citizen-satisfaction",
    "p3-s3": "phase-3/p3-s3-adjusting-the-plan",
}
RESOURCES = ("key-points", "checklist", "glossary", "smart-region-wallonia", "smart-city-institute")


def _text(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


def _entries(html: str) -> list[str]:
    return re.findall(r'data-sc-entry="([a-z0-9-]+)"', html)


# --- monitoring lists -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_monitoring_lists_render_every_entry(data, lang):
    mon = data.monitoring
    cases = [
        (render_scope, mon.scope, lambda e: [e.what(lang), e.question(lang), e.evidence(lang)]),
        (render_tools, mon.tools, lambda e: [e.name, e.description(lang), e.use(lang), e.caution(lang)]),
        (render_mechanisms, mon.mechanisms, lambda e: [e.name(lang), e.how(lang), e.frequency(lang), e.tip(lang)]),
        (render_gap_causes, mon.gap_causes, lambda e: [e.cause(lang), e.signs(lang), e.response(lang)]),
        (render_pilot_decisions, mon.pilot_decisions, lambda e: [e.decision(lang), e.when(lang), e.next(lang)]),
    ]
    for renderer, entries, texts in cases:
        html = renderer(data, lang, HERE)
        assert _entries(html) == [e.id for e in entries]
        text = _text(html)
        for entry in entries:
            for part in texts(entry):
                assert part in text, part


def test_monitoring_lists_cover_the_guide(data):
    mon = data.monitoring
    # The whole approach is monitored (vision, objectives, indicators), not only projects.
    assert {"vision", "objectives", "indicators", "projects"} <= {s.id for s in mon.scope}
    # The tools the guide names: CITYkeys' framework, the Smart City Index, the WCCD, the ranking.
    assert [t.id for t in mon.tools] == ["citykeys-framework", "smart-city-index", "wccd", "european-smart-city-ranking"]
    ranking = data.get("monitoring-tool", "european-smart-city-ranking")
    assert set(ranking.dimensions) == {d.id for d in data.dimensions.dimensions}
    assert {m for mech in mon.mechanisms for m in mech.measures} == {"satisfaction", "involvement"}
    assert [d.id for d in mon.pilot_decisions] == ["scale-up", "adjust", "stop"]
    assert len(mon.gap_causes) >= 5


@pytest.mark.parametrize("lang,words", [
    ("fr", ["Satisfaction", "Implication", "Outil de mesure", "Classement", "Dimensions évaluées"]),
    ("en", ["Satisfaction", "Involvement", "Measurement tool", "Ranking", "Dimensions scored"]),
])
def test_monitoring_interface_words(data, lang, words):
    html = render_tools(data, lang, HERE) + render_mechanisms(data, lang, HERE)
    for word in words:
        assert word in html
    for dim in data.dimensions.dimensions:
        assert dim.title(lang) in html
    assert 'href="#sc-case-smart-city-ranking-2014"' in html


# --- cases ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,texts", [
    ("fr", ["Le cadre de mesure de CITYkeys", "Le classement européen des Smart Cities (2014)",
            "Union européenne", ">2014<", ">6<"]),
    ("en", ["The CITYkeys measurement framework", "The European Smart City Ranking (2014)",
            "European Union", ">2014<", ">6<"]),
])
def test_p3_s1_cases_with_their_figures(data, lang, texts):
    cases = select_cases(data, "p3-s1")
    assert [c.id for c in cases] == ["citykeys-framework", "smart-city-ranking-2014"]
    html = render_cases(data, lang, cases, HERE)
    for text in texts:
        assert text in html, text
    assert f"2{NNBSP}014" not in html and "2,014" not in html, "a year is not a number"
    ranking = data.get("case", "smart-city-ranking-2014")
    assert ranking.country_code == "EU" and len(ranking.dimensions) == 6
    assert data.get("case", "citykeys-framework").related == ("citykeys",)


def test_related_cases_on_p3_s2_and_p3_s3_exist(data):
    for step, ids in (("p3-s2", ["montreal", "bologna", "santander"]), ("p3-s3", ["the-hague", "santander"])):
        text = (ROOT / "docs" / "en" / f"{STEP_PAGES[step]}.md").read_text(encoding="utf-8")
        assert f"{{{{ cases(ids={ids!r}) }}}}".replace("'", '"') in text
        assert [c.id for c in select_cases(data, ids=ids)] == ids


# --- key points -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,titles", [
    ("fr", ["Vision", "Diagnostic", "Technologies", "Mise en œuvre", "Monitoring"]),
    ("en", ["Vision", "Diagnosis", "Technologies", "Implementation", "Monitoring"]),
])
def test_key_points(data, lang, titles):
    groups = data.key_points.groups
    assert [g.id for g in groups] == ["vision", "diagnosis", "technologies", "implementation", "monitoring"]
    assert [len(g.points) for g in groups] == [4, 2, 2, 1, 1]
    html = render_key_points(data, lang, "resources/key-points.html")
    assert re.findall(r"^## (.+?) \{#sc-kp-", html, re.M) == titles
    assert re.findall(r'start="(\d+)"', html) == ["1", "5", "7", "9", "10"]
    assert len(_entries(html)) == 10
    text = _text(html)
    for point in (p for g in groups for p in g.points):
        assert point.text(lang) in text
        assert point.steps, f"key point {point.id} links no step"


# --- annexes --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,dates", [
    ("fr", ["18 septembre 2015", "15 décembre 2015", "décembre 2015"]),
    ("en", ["18 September 2015", "15 December 2015", "December 2015"]),
])
def test_smart_region_timeline(data, lang, dates):
    html = render_smart_region(data, lang, "timeline", "resources/smart-region-wallonia.html")
    assert re.findall(r'<time class="sc-timeline__date" datetime="([0-9-]+)">([^<]+)</time>', html) == list(
        zip(["2015-09-18", "2015-12-15", "2015-12"], dates))


def test_smart_region_dimensions_and_core_cities(data):
    region = data.smart_region
    assert [d.number for d in region.dimensions] == [1, 2, 3]
    core = region.dimensions[0].members
    assert [c.name("fr") for c in core] == ["Tournai", "Mons", "Charleroi", "Namur", "Liège"]
    referents = [m.name("en") for m in region.dimensions[1].members]
    assert referents == ["Smart City Institute", "Futurocité", "Eurometropolitan eCampus"]
    assert [a.id for a in region.approaches] == ["top-down", "bottom-up"]
    assert len(region.aims) == 3
    for lang in LANGS:
        html = render_smart_region(data, lang, "dimensions", "resources/smart-region-wallonia.html")
        for dim in region.dimensions:
            assert dim.title(lang) in html
            for member in dim.members:
                assert f'data-sc-entry="{member.id}">{member.name(lang)}<' in html
    with pytest.raises(ValueError, match="not one of"):
        render_smart_region(data, "en", "cities", "x.html")


@pytest.mark.parametrize("lang,pillars,region", [
    ("fr", ["Recherche", "Enseignement", "Entrepreneuriat"], "La Région wallonne"),
    ("en", ["Research", "Teaching", "Entrepreneurship"], "The Walloon Region"),
])
def test_institute(data, lang, pillars, region):
    here = "resources/smart-city-institute.html"
    assert re.findall(r"<strong>([^<]+)</strong>", render_institute(data, lang, "pillars", here)) == pillars
    partners = render_institute(data, lang, "partners", here)
    assert _entries(partners) == ["belfius", "proximus", "schreder", "strategy-and", "walloon-region", "wal-e-cities"]
    text = _text(partners)
    for name in ("Belfius", "Proximus", "Schréder", "Strategy& (part of PwC)", region, "Wal-e-Cities"):
        assert name in text
    assert "HEC Liège" in _text(render_institute(data, lang, "founders", here))
    assert len(_entries(render_institute(data, lang, "activities", here))) == 5


# --- full checklist -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,counts", [
    ("fr", ["5 points", "11 points", "13 points", "4 points"]),
    ("en", ["5 points", "11 points", "13 points", "4 points"]),
])
def test_full_checklist(data, lang, counts):
    html = render_full_checklist(data, lang, "resources/checklist.html")
    ids = re.findall(r'data-sc-item="([^"]+)"', html)
    assert ids == [i.id for i in data.checklist.items] and len(ids) == 33
    # Phase and step headings are Markdown, so the page's table of contents lists them.
    assert re.findall(r"^## .+\{#sc-checklist-(p\d) ", html, re.M) == ["p0", "p1", "p2", "p3"]
    step_heads = re.findall(r'^### <a href="([^"]+)">.+\{#sc-checklist-([a-z0-9-]+) ', html, re.M)
    units = [u.id for _, _, u in ordered_units(data) if items_for(data, u.id) and not u.id == "p2-s2"]
    assert [unit for _, unit in step_heads] == units
    for href, unit in step_heads:
        assert href.startswith("../phase-") and href.endswith(".html") and unit in href
    assert re.findall(r'sc-checklist-full__count">([^<]+)<', html) == counts
    assert 'data-sc-checklist-full="33"' in html and " markdown>" in html.split("\n", 2)[1]


# --- glossary and tooltips ------------------------------------------------------------------

REQUIRED_TERMS = [
    "smart-city", "six-dimensions", "smart-mobility", "smart-environment", "smart-people",
    "smart-economy", "smart-governance", "smart-living", "top-down", "bottom-up", "quick-win",
    "iot", "lora", "nb-iot", "big-data", "open-data", "api", "cloud-computing", "ppp", "pst",
    "codt", "esa-2010", "gdpr", "espd", "citykeys", "pmo",
]


def test_glossary_covers_the_required_terms(data):
    ids = {t.id for t in data.glossary.terms}
    assert not set(REQUIRED_TERMS) - ids
    for dim in data.dimensions.dimensions:
        term = next(t for t in data.glossary.terms if t.dimension == dim.id)
        assert term_definition(data, term, "en") == dim.description("en")


@pytest.mark.parametrize("lang,forms", [
    ("fr", {"ppp": "PPP", "pst": "PST", "codt": "CoDT", "esa-2010": "SEC 2010", "gdpr": "RGPD",
            "espd": "DUME", "iot": "IoT", "big-data": "Big Data", "pmo": "PMO"}),
    ("en", {"ppp": "PPP", "pst": "PST", "codt": "CoDT", "esa-2010": "ESA 2010", "gdpr": "GDPR",
            "espd": "ESPD", "iot": "IoT", "big-data": "Big Data", "pmo": "PMO"}),
])
def test_glossary_page(data, lang, forms):
    html = render_glossary(data, lang, "resources/glossary.html")
    anchors = re.findall(r'<dt class="sc-glossary__term" id="term-([a-z0-9-]+)"', html)
    assert sorted(anchors) == sorted(t.id for t in data.glossary.terms)
    letters = re.findall(r"^## (\S) \{#sc-glossary-", html, re.M)
    assert letters == sorted(letters) and len(letters) == len(set(letters))
    for term_id, form in forms.items():
        assert data.get("term", term_id).abbr(lang) == form
    for term in data.glossary.terms:
        assert plain(term_definition(data, term, lang)) in _text(html)
    assert 'href="../phase-3/p3-s1-monitoring.html"' in html  # "in the guide" step links
    assert 'href="../introduction/six-dimensions.html"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations_become_tooltips(data, lang):
    """The snippet appended to every page turns short forms into <abbr title=definition>,
    also when a two-word form is wrapped across lines, and the longest form wins."""
    snippet = abbreviations(data, lang)
    gdpr = "RGPD" if lang == "fr" else "GDPR"
    source = (f"- Our quick\n  wins use Big Data, NB-IoT and {gdpr}.\n\nSome open\ndata and IoT.\n\n"
              "Common words stay plain: smart city, monitoring.\n\n" + snippet)
    html = markdown.markdown(source, extensions=["abbr"])
    titled = dict((htmllib.unescape(t), " ".join(w.split())) for t, w in
                  re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html))
    words = sorted(titled.values())
    assert words == sorted(["quick wins", "Big Data", "NB-IoT", gdpr, "open data", "IoT"]), words
    expected = plain(term_definition(data, data.get("term", "gdpr"), lang))
    assert expected in titled and titled[expected] == gdpr
    assert "<abbr" not in html.split("Common words")[1].split("</p>")[0]


def test_no_tooltip_for_everyday_words(data):
    for lang in LANGS:
        forms = {f.lower() for t in data.glossary.terms for f in t.forms(lang)}
        assert not forms & {"smart city", "monitoring", "indicator", "indicateur", "roadmap", "ranking"}


# --- malformed data -------------------------------------------------------------------------

def _term(raw: dict, term_id: str) -> dict:
    """The term `term_id` in parsed glossary.yml."""
    return next(t for t in raw["terms"] if t["id"] == term_id)


# Run by tests/data/test_malformed_data.py.
MALFORMED = [  # (test id, data file, change to its parsed YAML, what the error must name)
    ("mechanism-measuring-something-unknown", "monitoring.yml",
     lambda raw: raw["mechanisms"][0].update(measures=["happiness"]),
     ("monitoring.yml", "entry 'survey'", "field 'measures[0]'")),
    ("tool-with-unknown-case", "monitoring.yml", lambda raw: raw["tools"][0].update(case="citykey"),
     ("monitoring.yml", "entry 'citykeys-framework'", "field 'case'", "citykey")),
    ("gap-cause-without-english", "monitoring.yml", lambda raw: raw["gap_causes"][1]["signs"].pop("en"),
     ("monitoring.yml", "entry 'resources'", "field 'signs.en'")),
    ("key-point-with-unknown-step", "key_points.yml",
     lambda raw: raw["groups"][4]["points"][0].update(steps=["p3-s9"]),
     ("key_points.yml", "entry 'measure-to-manage'", "field 'steps[0]'", "p3-s9")),
    ("region-dimension-without-members-label", "smart_region.yml",
     lambda raw: raw["dimensions"][0].pop("members_label"),
     ("smart_region.yml", "entry 'local-projects'", "field 'members_label'")),
    ("milestone-with-a-bad-date", "smart_region.yml",
     lambda raw: raw["milestones"][1].update(date="15/12/2015"),
     ("smart_region.yml", "entry 'digital-wallonia-approved'", "field 'date'")),
    ("partner-of-unknown-kind", "smart_city_institute.yml",
     lambda raw: raw["partners"][0].update(kind="bank"),
     ("smart_city_institute.yml", "entry 'belfius'", "field 'kind'")),
    ("term-without-definition", "glossary.yml", lambda raw: _term(raw, "ppp").pop("definition"),
     ("glossary.yml", "term 'ppp'", "definition")),
    ("term-related-to-unknown-term", "glossary.yml", lambda raw: _term(raw, "ppp").update(see=["p-p-p"]),
     ("glossary.yml", "entry 'ppp'", "field 'see[0]'", "p-p-p")),
    ("short-form-given-to-two-terms", "glossary.yml",
     lambda raw: _term(raw, "pmo").update(abbr={"fr": "PPP", "en": "PMO"}),
     ("glossary.yml", "'PPP' (fr)", "'ppp'", "'pmo'")),
]



# --- page sources ---------------------------------------------------------------------------

def _body(path: Path) -> str:
    """A page's Markdown without its front matter (description: …)."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_and_resource_pages(lang):
    text = _body(ROOT / "docs" / lang / "phase-3" / "index.md")
    assert text.startswith("# ") and 40 <= text.count("\n") <= 80
    assert '{{ journey(current="p3") }}' in text and '{{ phase_overview("p3") }}' in text
    for name, call in zip(RESOURCES, ("{{ key_points() }}", "{{ full_checklist() }}", "{{ glossary() }}",
                                      '{{ smart_region("dimensions") }}', '{{ institute("partners") }}')):
        page = _body(ROOT / "docs" / lang / "resources" / f"{name}.md")
        assert page.startswith("# ") and f"\n\n{call}\n" in page and "{%" not in page


# --- built site -----------------------------------------------------------------------------

def _page(site: Path, lang: str, path: str) -> str:
    return (site / lang / f"{path}.html").read_text(encoding="utf-8")


def _items(html: str) -> list[str]:
    return re.findall(r'data-sc-item="([^"]+)"', html)


@pytest.mark.parametrize("lang", LANGS)
def test_built_full_checklist_matches_the_step_pages(site, data, lang):
    full = _page(site, lang, "resources/checklist")
    ids = _items(full)
    assert len(ids) == 33 and sorted(ids) == sorted(i.id for i in data.checklist.items)
    assert "sc-print-checklist.css" in bundled(site / lang, full, "css")
    toc = full.split('data-md-component="toc"', 1)[1]
    for phase in data.phases.phases:
        assert f'href="#sc-checklist-{phase.id}"' in toc
    for href in re.findall(r'<h3 [^>]*id="sc-checklist-[^"]+"><a href="([^"]+)"', full):
        assert (site / lang / "resources" / href).resolve().is_file(), href
    union, missing = set(), []
    for phase, step, unit in ordered_units(data):
        page = site / lang / phase.slug / f"{unit.slug}.html"
        if not page.is_file():
            missing.append(str(page))
            continue
        # A page shows at least its own items (p2-s3, which has none, recalls p2-s2's).
        on_page = set(_items(page.read_text(encoding="utf-8")))
        assert {i.id for i in items_for(data, unit.id)} <= on_page <= set(ids), unit.id
        union |= on_page
    if missing:
        pytest.skip(f"step pages not built yet: {missing}")
    assert union == set(ids)


@pytest.mark.parametrize("lang,page,form", [
    ("en", "phase-3/p3-s1-monitoring", "CITYkeys"), ("fr", "phase-3/p3-s1-monitoring", "CITYkeys"),
    ("en", "phase-3/p3-s2-citizen-satisfaction", "GDPR"), ("fr", "phase-3/p3-s2-citizen-satisfaction", "RGPD"),
    ("en", "resources/glossary", "PPP"), ("fr", "resources/glossary", "PPP"),
])
def test_built_pages_carry_glossary_tooltips(site, data, lang, page, form):
    html = _page(site, lang, page)
    term = next(t for t in data.glossary.terms if form in t.forms(lang))
    title = htmllib.escape(plain(term_definition(data, term, lang)), quote=True)
    assert f'<abbr title="{title}">{form}</abbr>' in html


@pytest.mark.parametrize("lang", LANGS)
def test_built_resource_pages(site, data, lang):
    for name in RESOURCES:
        assert (site / lang / "resources" / f"{name}.html").is_file(), name
    assert _page(site, lang, "resources/key-points").count('class="sc-key-point"') == 10
    glossary = _page(site, lang, "resources/glossary")
    assert glossary.count('class="sc-glossary__term"') == len(data.glossary.terms)
    region = _page(site, lang, "resources/smart-region-wallonia")
    for city in ("Tournai", "Mons", "Charleroi", "Namur", "Liège"):
        assert f">{city}</li>" in region
    date = f"15{NBSP}décembre 2015" if lang == "fr" else "15 December 2015"
    assert date in region or date.replace(NBSP, " ") in region
    assert _page(site, lang, "resources/smart-city-institute").count('data-sc-list="institute-pillars"') == 1


@pytest.mark.parametrize("lang", LANGS)
def test_full_checklist_prints_on_a_few_a4_sheets(browser, server, data, lang, tmp_path):
    """Printed, the page keeps every item, with no navigation, on at most four A4 sheets."""
    from pypdf import PdfReader

    page = browser.new_page()
    try:
        page.goto(f"{server}{lang}/resources/checklist.html")
        page.emulate_media(media="print")
        assert page.locator(".md-sidebar").first.is_hidden()
        box = page.locator(".sc-checklist--full .sc-checklist__item").first
        assert box.evaluate("e => getComputedStyle(e, '::before').borderTopStyle") == "solid"
        pdf = tmp_path / "checklist.pdf"
        page.pdf(path=str(pdf), format="A4")
    finally:
        page.close()
    reader = PdfReader(str(pdf))
    assert 2 <= len(reader.pages) <= 4
    flat = lambda t: " ".join(unicodedata.normalize("NFKC", t).split())  # noqa: E731 - ligatures, no-break spaces
    text = flat(" ".join(p.extract_text() for p in reader.pages))
    for item in data.checklist.items:
        start = " ".join(flat(_text(item.text(lang))).split()[:4])
        assert start in text, start
