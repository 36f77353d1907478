"""The guide's figures as diagrams: renderers in both languages (labels from data, text
alternative, no raster, no fixed colour), their pages, and axe plus palette contrast in Chromium."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import describe, run_axe
from smartcity.pages.diagrams import LAYOUTS, render_diagram, wrap
from smartcity.pages.steps import render_journey

LANGS = ("en", "fr")
SVG_NS = "{http://www.w3.org/2000/svg}"
# Each diagram on the page that explains it.
PAGES = {
    "components": "introduction/what-is-a-smart-city.html",
    "dimensions": "introduction/six-dimensions.html",
    "participation": "phase-0/p0-s5-openness-and-participation.html",
    "action-plan": "phase-2/p2-s1-action-plan.html",
    "technology": "phase-2/p2-s2b-technologies.html",
    "business-models": "phase-2/p2-s2c-financing.html",
}
JOURNEY_PAGES = {"index.html": None, **{f"phase-{n}/index.html": f"p{n}" for n in range(4)}}


def svg_of(html: str) -> ET.Element:
    """The diagram's SVG, parsed as XML: it must be well formed."""
    return ET.fromstring(re.search(r"<svg .*?</svg>", html, re.S).group(0))


def texts(svg: ET.Element) -> str:
    """Every word drawn in the SVG, lines joined."""
    return " ".join(" ".join(t.itertext()) for t in svg.iter(f"{SVG_NS}text"))


def labels(data, name: str, lang: str) -> list[str]:
    """What each diagram must show, read from data."""
    if name == "components":
        return [c.short(lang) for c in data.components.components]
    if name == "dimensions":
        return [d.title(lang) for d in data.dimensions.dimensions]
    if name == "participation":
        return [r.title(lang) for lv in data.participation.levels for r in lv.rungs] + \
               [lv.title(lang) for lv in data.participation.levels]
    if name == "action-plan":
        return [lv.title(lang) for lv in data.action_plan.levels] + [d.title(lang) for d in data.dimensions.dimensions]
    if name == "technology":
        return [lv.title(lang) for lv in data.technology.levels]
    if name == "business-models":
        return [bm.title(lang) for bm in data.financing.business_models]
    raise AssertionError(name)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("&amp;", "&")).strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_diagram_draws_its_data_with_a_text_alternative(data, name, lang):
    html = render_diagram(data, lang, name, PAGES[name])
    svg = svg_of(html)
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG_NS}title"), svg.find(f"{SVG_NS}desc")
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert title.text == data.t(f"diagram.{name}.title", lang)
    drawn, alt = flat(texts(svg)), flat(desc.text)
    for label in labels(data, name, lang):
        # Every label is drawn (perhaps wrapped over lines) and named in the text alternative
        # (the business models name theirs there; the drawing wraps long ones).
        assert flat(label) in drawn or all(w in drawn for w in label.split()), f"{name}: '{label}' not drawn"
        if name != "action-plan" or label in [lv.title(lang) for lv in data.action_plan.levels]:
            assert flat(label) in alt, f"{name}: '{label}' missing from the description"
    assert "{" not in alt and "{" not in drawn, "a placeholder was left unfilled"
    # No raster, no script, no fixed colour: the palette decides.
    assert not svg.findall(f".//{SVG_NS}image") and "<img" not in html and "<script" not in html
    assert not re.search(r'(fill|stroke|color)="#', html) and "rgb(" not in html
    # Renderers without the page's CSS (the guide's PDF) still get black on white.
    for el in svg.iter():
        kinds = set(el.get("class", "").split())
        if kinds & {"sc-dg__text", "sc-dg__shape", "sc-dg__icon"}:
            assert el.get("fill") in ("black", "white", "none"), ET.tostring(el)[:80]
        if kinds & {"sc-dg__shape", "sc-dg__line"}:
            assert el.get("stroke") == "black", ET.tostring(el)[:80]
    caption = re.search(r'<figcaption class="sc-diagram__caption" id="sc-diagram-[a-z-]+-caption">(.*?)</figcaption>', html, re.S)
    assert caption and data.t(f"diagram.{name}.caption", lang).split()[0] in caption.group(1)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_labels_are_translated(data, name):
    en, fr = (texts(svg_of(render_diagram(data, lang, name, "x.html"))) for lang in LANGS)
    assert en != fr


def test_figures_in_the_business_models_follow_the_language(data):
    en = texts(svg_of(render_diagram(data, "en", "business-models", "x.html")))
    fr = texts(svg_of(render_diagram(data, "fr", "business-models", "x.html")))
    assert "€50 million" in en and "50\u00a0millions\u00a0€" in fr
    assert "Barcelona" in en and "Barcelone" in fr


def test_participation_marks_the_rung_missing_from_the_guide(data):
    added = [r for lv in data.participation.levels for r in lv.rungs if not r.in_guide]
    assert added, "data/participation.yml no longer marks a restored rung"
    html = render_diagram(data, "en", "participation", "x.html")
    assert f"2. {added[0].title('en')} *" in texts(svg_of(html))
    assert html.count("sc-dg__shape--added") == len(added)
    # The least participation sits at the bottom: rung 1 is drawn lowest.
    svg = svg_of(html)
    rungs = [(float(t.get("y")), "".join(t.itertext())) for t in svg.iter(f"{SVG_NS}text") if re.match(r"\d\. ", "".join(t.itertext()))]
    assert [label for _, label in sorted(rungs, reverse=True)][0].startswith("1. ")


def test_wrap_keeps_lines_inside_their_box():
    lines = wrap("Models with “negative expenditure” or impacts that are hard to measure", 176, 15)
    assert len(lines) > 2 and all(len(line) <= int(176 / (15 * 0.58)) for line in lines)


def test_unknown_diagram_is_refused(data):
    with pytest.raises(ValueError, match="unknown diagram 'ladder'"):
        render_diagram(data, "en", "ladder", "x.html")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("current", [None, "p0", "p2", "p3"])
def test_journey_links_every_phase_and_marks_the_current_one(data, lang, current):
    here = "index.html" if current is None else f"phase-{current[1]}/index.html"
    html = render_journey(data, lang, here, current)
    hrefs = re.findall(r'<a href="([^"]+)"', html)
    assert len(hrefs) == 4 and len(set(hrefs)) == 4
    marked = re.findall(r'<li class="sc-journey__phase sc-journey__phase--current">\s*<a href="([^"]+)" aria-current="page">', html)
    if current is None:
        assert not marked and "aria-current" not in html and "sc-journey__here" not in html
    else:
        assert marked == ["index.html"] and html.count(data.t("diagram.journey.here", lang)) == 1
    assert data.t("diagram.journey.loop", lang).split()[0] in html and 'aria-hidden="true"' in html
    assert "15" in re.search(r'<figcaption[^>]*>(.*?)</figcaption>', html, re.S).group(1)


def test_journey_refuses_an_unknown_phase(data):
    with pytest.raises(Exception, match="p9"):
        render_journey(data, "en", "index.html", "p9")


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_each_diagram_sits_on_its_page(site, lang):
    for name, path in PAGES.items():
        html = (site / lang / path).read_text(encoding="utf-8")
        assert html.count(f'id="sc-diagram-{name}"') == 1, f"{lang}/{path}"
    for path, current in JOURNEY_PAGES.items():
        html = (site / lang / path).read_text(encoding="utf-8")
        assert html.count('class="sc-journey-figure"') == 1, f"{lang}/{path}"
        if current:
            assert re.search(r'sc-journey__phase--current">\s*<a href="index.html" aria-current="page"', html), path


# ---- in the browser ----------------------------------------------------------------------------

CONTRAST_JS = """(name) => {
  const fig = document.getElementById('sc-diagram-' + name);
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => { const v = rgb(c).map(x => { x /= 255; return x <= .03928 ? x / 12.92 : ((x + .055) / 1.055) ** 2.4; });
                     return .2126 * v[0] + .7152 * v[1] + .0722 * v[2]; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + .05) / (y + .05); };
  let bg = getComputedStyle(document.body).backgroundColor;
  const fill = sel => { const el = fig.querySelector(sel); return el ? getComputedStyle(el).fill : null; };
  const out = {text_on_page: ratio(fill('.sc-dg__text:not(.sc-dg__text--on-accent)'), bg)};
  if (fill('.sc-dg__shape--soft')) out.text_on_soft = ratio(fill('.sc-dg__text:not(.sc-dg__text--on-accent)'), fill('.sc-dg__shape--soft'));
  if (fill('.sc-dg__text--on-accent')) out.text_on_accent = ratio(fill('.sc-dg__text--on-accent'), fill('.sc-dg__shape--accent'));
  out.lines_on_page = ratio(getComputedStyle(fig.querySelector('.sc-dg__shape')).stroke, bg);
  return out;
}"""


NO_TRANSITIONS = "*,*::before,*::after{transition:none!important;animation:none!important}"


def set_scheme(tab, scheme: str) -> None:
    """Material's palette, switched at once (its colour transitions would fool axe)."""
    tab.add_style_tag(content=NO_TRANSITIONS)
    tab.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    tab.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(PAGES))
def test_diagram_pages_pass_axe_and_read_in_both_palettes(page, server, name):
    for lang in LANGS:
        page.goto(f"{server}{lang}/{PAGES[name]}")
        for scheme in ("default", "slate"):
            set_scheme(page, scheme)
            violations = run_axe(page)
            assert not violations, f"{lang} {scheme}: " + describe(violations)
            ratios = page.evaluate(CONTRAST_JS, name)
            low = {k: round(v, 2) for k, v in ratios.items() if v < (3 if k == "lines_on_page" else 4.5)}
            assert not low, f"{lang} {scheme} {name}: contrast too low {low}"
        box = page.locator(f"#sc-diagram-{name} svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150, "the diagram is drawn at a readable size"


@pytest.mark.browser
@pytest.mark.parametrize("path", sorted(JOURNEY_PAGES))
def test_journey_pages_pass_axe(page, server, path):
    page.goto(f"{server}en/{path}")
    for scheme in ("default", "slate"):
        set_scheme(page, scheme)
        violations = run_axe(page)
        assert not violations, f"{scheme}: " + describe(violations)
    # One row of four with arrows on a wide screen, one column on a phone.
    tops = page.eval_on_selector_all(".sc-journey__phase", "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(set(tops)) == 1
    page.set_viewport_size({"width": 360, "height": 800})
    tops = page.eval_on_selector_all(".sc-journey__phase", "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(set(tops)) == 4 and tops == sorted(tops)
