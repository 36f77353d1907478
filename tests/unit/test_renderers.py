"""The core renderers, as pure functions of (data, lang), in both languages."""
from __future__ import annotations

import re

import pytest

from smartcity.pages.checklist import items_for, render_checklist, render_full_checklist
from smartcity.render.env import relative, step_url
from smartcity.model.traversal import ordered_units
from smartcity.pages.steps import ANATOMY, render_heading, render_journey, render_phase_overview, render_step_intro, render_step_nav

LANGS = ["fr", "en"]


def test_relative_links():
    assert relative("phase-0/p0-s1-political-will.html", "phase-1/index.html") == "../phase-0/p0-s1-political-will.html"
    assert relative("phase-0/index.html", "index.html") == "phase-0/index.html"
    assert relative("phase-0/index.html#x", "phase-0/p0-s2-leadership.html") == "index.html#x"


def test_step_urls_follow_phase_and_slug(data):
    assert step_url(data, "p1-s1") == "phase-1/p1-s1-diagnosis.html"
    assert step_url(data, "p2-s2c") == "phase-2/p2-s2c-financing.html"
    with pytest.raises(Exception, match="unknown step id 'p7-s1'"):
        step_url(data, "p7-s1")


def test_reading_order_has_15_steps_and_4_parts(data):
    units = [u.id for _, _, u in ordered_units(data)]
    assert units[:2] == ["p0-s1", "p0-s2"]
    assert units.index("p2-s2a") == units.index("p2-s2") + 1
    assert len(units) == 19


@pytest.mark.parametrize("lang", LANGS)
def test_step_intro(data, lang):
    html = render_step_intro(data, lang, "p1-s2", "phase-1/p1-s2-priorities-and-vision.html")
    step = data.get("step", "p1-s2")
    assert html.lstrip().startswith(f"# {step.title(lang)}")
    assert {"fr": "Étape 7 sur 15", "en": "Step 7 of 15"}[lang] in html
    assert 'href="index.html"' in html
    assert step.summary(lang)[:30] in html.replace("&#39;", "'").replace("&rsquo;", "’")


@pytest.mark.parametrize("lang", LANGS)
def test_anatomy_headings_are_translated_with_stable_anchors(data, lang):
    for key in ANATOMY:
        line = render_heading(data, lang, key)
        assert line.startswith("## ") and line.rstrip().endswith(f"{{#sc-{key}}}")
    with pytest.raises(ValueError, match="unknown anatomy heading"):
        render_heading(data, lang, "conclusion")


@pytest.mark.parametrize("lang", LANGS)
def test_step_nav_crosses_phases_and_parts(data, lang):
    html = render_step_nav(data, lang, "p0-s5", "phase-0/p0-s5-openness-and-participation.html")
    assert 'href="../phase-1/p1-s1-diagnosis.html" rel="next"' in html
    assert 'href="p0-s4-shared-pre-vision.html" rel="prev"' in html
    first = render_step_nav(data, lang, "p0-s1", "phase-0/p0-s1-political-will.html")
    assert 'rel="prev"' not in first
    last = render_step_nav(data, lang, "p3-s3", "phase-3/p3-s3-adjusting-the-plan.html")
    assert 'rel="next"' not in last
    part = render_step_nav(data, lang, "p2-s2a", "phase-2/p2-s2a-resources.html")
    assert 'href="p2-s2-four-reflections.html" rel="prev"' in part


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_for_a_step(data, lang):
    html = render_checklist(data, lang, "p1-s2", "phase-1/p1-s2-priorities-and-vision.html")
    assert re.findall(r'data-sc-item="([^"]+)"', html) == ["p1-s2-i1", "p1-s2-i2", "p1-s2-i3", "p1-s2-i4"]
    assert 'data-sc-checklist="p1-s2"' in html


def test_checklist_of_a_step_with_parts_gathers_its_parts(data):
    ids = [i.id for i in items_for(data, "p2-s2")]
    assert len(ids) == 9 and ids[0].startswith("p2-s2a") and ids[-1].startswith("p2-s2d")
    assert [i.id for i in items_for(data, "p2-s2b")] == ["p2-s2b-i1", "p2-s2b-i2", "p2-s2b-i3"]


@pytest.mark.parametrize("lang", LANGS)
def test_full_checklist_lists_every_item_once_with_step_links(data, lang):
    html = render_full_checklist(data, lang, "resources/checklist.html")
    ids = re.findall(r'data-sc-item="([^"]+)"', html)
    assert sorted(ids) == sorted(i.id for i in data.checklist.items) and len(ids) == 33
    assert 'href="../phase-0/p0-s1-political-will.html"' in html
    assert 'href="../phase-2/p2-s2d-legal-framework.html"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_phase_overview_and_journey(data, lang):
    html = render_phase_overview(data, lang, "p2", "phase-2/index.html")
    for slug in ("p2-s1-action-plan", "p2-s2-four-reflections", "p2-s2c-financing", "p2-s3-implementation"):
        assert f'href="{slug}.html"' in html
    assert 'start="10"' in html
    journey = render_journey(data, lang, "phase-2/index.html", current="p2")
    assert journey.count("sc-journey__phase") >= 4
    assert 'aria-current="page"' in journey and 'href="../phase-0/index.html"' in journey
