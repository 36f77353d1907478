"""Accessibility gate (EN 301 549 / WCAG 2.1 AA): axe-core on every built page, both palettes.

One Chromium per xdist worker (conftest's `browser`), one reused tab per module;
pages are parametrised so the two workers share them. Axe runs the WCAG 2.0/2.1
A and AA rules plus axe's best practices (a default axe run, which is how Material's
own failures were measured). No rule is switched off.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import AXE, AXE_TAGS, need
from tests.qa_util import built_pages, page_params, step_pages

pytestmark = pytest.mark.browser

RUN_TAGS = [*AXE_TAGS, "best-practice"]
SCHEMES = ("default", "slate")  # Material's light and dark palettes
# Colour transitions would let axe read a colour half-way between palettes.
NO_TRANSITIONS = "*,*::before,*::after{transition:none!important;animation:none!important}"

_AXE_JS = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(1, 3).join(" "))}));
}"""


def axe(tab) -> list[dict]:
    return tab.evaluate(_AXE_JS, RUN_TAGS)


def set_scheme(tab, scheme: str) -> None:
    """Switch palette as a reader would get it: the media query and Material's attribute."""
    tab.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    tab.evaluate("s => { if (document.body.hasAttribute('data-md-color-media') || document.querySelector('[data-md-component=palette]')) document.body.setAttribute('data-md-color-scheme', s); }", scheme)


def report(where: str, found: dict[str, list[dict]]) -> str:
    lines = [where]
    for scheme, violations in found.items():
        for v in violations:
            lines.append(f"  [{scheme}] {v['id']} ({v['impact']}): {v['help']}")
            lines += [f"      {n}" for n in v["nodes"]]
    return "\n".join(lines)


def scan_both_palettes(tab) -> dict[str, list[dict]]:
    found = {}
    for scheme in SCHEMES:
        set_scheme(tab, scheme)
        violations = axe(tab)
        if violations:
            found[scheme] = violations
    return found


@pytest.fixture(scope="module")
def axe_tab(browser):
    need(AXE.is_file(), "axe-core missing: run `npm ci`")
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    yield tab
    context.close()


def open_page(tab, url: str) -> None:
    tab.emulate_media(color_scheme="light")
    response = tab.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    tab.add_style_tag(content=NO_TRANSITIONS)


@pytest.mark.parametrize("path", page_params())
def test_page_has_no_axe_violations(axe_tab, server, site, path):
    open_page(axe_tab, server + path)
    found = scan_both_palettes(axe_tab)
    assert not found, report(path, found)


SEARCHES = {"en": "smart city", "fr": "commune"}


@pytest.mark.parametrize("lang", sorted(SEARCHES))
def test_search_results_are_accessible(axe_tab, server, site, lang):
    open_page(axe_tab, f"{server}{lang}/index.html")
    box = axe_tab.locator(".md-search__input")
    box.focus()  # as the keyboard would reach it; the header shows it on wide screens
    box.fill(SEARCHES[lang])
    axe_tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    found = scan_both_palettes(axe_tab)
    assert not found, report(f"{lang} search results", found)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_language_selector_open_is_accessible(axe_tab, server, site, lang):
    open_page(axe_tab, f"{server}{lang}/index.html")
    button = axe_tab.locator(".md-header__option .md-select > button").first
    button.focus()
    axe_tab.keyboard.press("Tab")  # into the list: it stays open while focus is inside
    focused = axe_tab.evaluate("() => document.activeElement.getAttribute('hreflang')")
    assert focused in ("en", "fr"), "the language list is not reachable by keyboard"
    assert axe_tab.locator(".md-select__link").first.is_visible()
    found = scan_both_palettes(axe_tab)
    assert not found, report(f"{lang} language selector", found)


def test_mobile_drawer_open_is_accessible(browser, server, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    try:
        pages = step_pages(site, "en") or ["en/index.html"]
        open_page(tab, server + pages[0])
        tab.locator("label.md-header__button[for=__drawer]").click()
        found = scan_both_palettes(tab)
        assert not found, report("mobile drawer", found)
    finally:
        context.close()


def test_the_gate_catches_a_violation(axe_tab, server, site):
    """Guard against a gate that always passes: a page with two known faults must fail."""
    open_page(axe_tab, f"{server}en/index.html")
    axe_tab.evaluate("""() => {
      const main = document.querySelector('article') || document.body;
      main.insertAdjacentHTML('beforeend',
        '<img src="data:," id="sc-bad-img"><p style="color:#bbb;background:#fff" id="sc-bad-text">low contrast</p>');
    }""")
    ids = {v["id"] for v in axe(axe_tab)}
    assert {"image-alt", "color-contrast"} <= ids


def test_every_page_is_collected(site):
    """The crawl above is parametrised at collection: make sure it saw the site that is there now."""
    collected = {p.values[0] for p in page_params()}
    assert collected == set(built_pages(site)), "site rebuilt after collection: rerun pytest"
    assert any(p.startswith("en/") for p in collected) and any(p.startswith("fr/") for p in collected)
