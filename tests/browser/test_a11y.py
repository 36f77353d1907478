"""Accessibility gate (EN 301 549 / WCAG 2.1 AA): axe-core on every built page, both palettes.

One Chromium per xdist worker (conftest's `browser`), one reused tab per module;
pages are parametrised so the two workers share them. Axe runs the WCAG 2.0/2.1
A and AA rules plus axe's best practices (a default axe run, which is how Material's
own failures were measured). No rule is switched off.
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import AXE, AXE_TAGS, SITE, need, search_for
from tests.qa_util import built_pages, page_params, step_pages

pytestmark = pytest.mark.browser

RUN_TAGS = [*AXE_TAGS, "best-practice"]
SCHEMES = ("default", "slate")  # Material's light and dark palettes
# The rules whose outcome depends on the palette: the only ones rerun in the dark palette.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Material builds its search index in a web worker on every page load; in the
# page-by-page crawl that only competes with axe for the CPU (search is scanned
# on its own below, with the real worker).
NO_SEARCH_WORKER = "window.Worker = class { postMessage() {} addEventListener() {} removeEventListener() {} terminate() {} };"
# Colour transitions would let axe read a colour half-way between palettes.
NO_TRANSITIONS = "*,*::before,*::after{transition:none!important;animation:none!important}"

_AXE_JS = """async ([runOnly, scope]) => {
  const r = await axe.run(scope ? {include: [scope]} : document, {runOnly, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(1, 3).join(" "))}));
}"""


def axe(tab, rules: list[str] | None = None, scope: str | None = None) -> list[dict]:
    """Axe's violations: all rules of RUN_TAGS, or only the named ones; in the page or one part."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": RUN_TAGS}
    return tab.evaluate(_AXE_JS, [run_only, scope])


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


def scan_both_palettes(tab, scope: str | None = None) -> dict[str, list[dict]]:
    """Every rule in the light palette; in the dark one, the rules that depend on colour."""
    found = {}
    for scheme in SCHEMES:
        set_scheme(tab, scheme)
        violations = axe(tab, COLOUR_RULES if scheme == "slate" else None, scope)
        if violations:
            found[scheme] = violations
    return found


@pytest.fixture(scope="module")
def axe_tab(browser):
    need(AXE.is_file(), "axe-core missing: run `npm ci`")
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    context.add_init_script(script=NO_SEARCH_WORKER)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def live_tab(browser):
    """A tab with every script as a reader has it, for the interactive states."""
    need(AXE.is_file(), "axe-core missing: run `npm ci`")
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    yield context.new_page()
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
def test_search_results_are_accessible(live_tab, server, site, lang):
    axe_tab = live_tab
    open_page(axe_tab, f"{server}{lang}/index.html")
    search_for(axe_tab, SEARCHES[lang])
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


# ---- keyboard ----------------------------------------------------------------------------------

_SNAPSHOT_JS = """() => {
  const sig = el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor,
    s.boxShadow, s.backgroundColor, s.borderTopColor, s.borderBottomColor, s.textDecorationLine, s.textDecorationThickness].join("|"); };
  window.__scSig = sig;
  window.__scBase = new Map();
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea, summary, label[tabindex], [tabindex]"))
    window.__scBase.set(el, sig(el));
}"""

_FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const ws = el.closest(".sc-ws__form"), cl = el.closest("[data-sc-checklist], .sc-checklist");
  // A visually hidden input shows its focus on its label, or on the label after it (Material's palette switch).
  const next = el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" ? [el.nextElementSibling] : [];
  const shown = [el, ...(el.labels || []), ...next].find(x => { const r = x.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && getComputedStyle(x).visibility !== "hidden"; });
  const target = shown || el;
  const s = getComputedStyle(target);
  const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const changed = window.__scBase.has(target) ? window.__scBase.get(target) !== window.__scSig(target) : ring;
  const r = target.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  const name = (el.getAttribute("aria-label") || el.textContent || el.name || "").trim().slice(0, 40);
  if (!el.dataset.scSeen) el.dataset.scSeen = String(Math.random());
  return {key: el.dataset.scSeen, tag: el.tagName.toLowerCase(), type: el.type || "", id: el.id, name,
          visible: !!shown && onScreen, indicator: changed && (ring || s.boxShadow !== "none"),
          worksheet: !!ws, checklist: !!cl, value: "value" in el ? el.value : null, checked: !!el.checked};
}"""


def pick_keyboard_page(site) -> str:
    """A step page with the richest form: the keyboard has the most to prove there."""
    pages = step_pages(site, "en")
    need(bool(pages), "no step page built")
    def controls(rel: str) -> int:
        return (site / rel).read_text(encoding="utf-8").count('class="sc-ws__input')
    return max(pages, key=controls)


def test_keyboard_walk_of_a_step_page(live_tab, server, site):
    """Tab through a whole step page: focus always visible, and the worksheet and checklist
    controls are reached and can be operated from the keyboard."""
    path = pick_keyboard_page(site)
    open_page(live_tab, server + path)
    html = (site / path).read_text(encoding="utf-8")
    expect_ws = 'class="sc-ws__form' in html and "sc-ws__input" in html
    expect_cl = bool(re.search(r'<(input|button)[^>]*data-sc-(item|checklist)', html)) or bool(
        live_tab.locator(".sc-checklist input, [data-sc-checklist] input, [data-sc-checklist] button").count())
    live_tab.evaluate(_SNAPSHOT_JS)
    seen, problems, operated = [], [], set()
    for _ in range(3000):
        live_tab.keyboard.press("Tab")
        info = live_tab.evaluate(_FOCUS_JS)
        if info is None or (seen and info["key"] == seen[0]["key"]):
            break  # focus left the page or wrapped round
        seen.append(info)
        if not (info["visible"] and info["indicator"]):
            problems.append(f"{info['tag']}#{info['id']} '{info['name']}': visible={info['visible']} indicator={info['indicator']}")
        area = "worksheet" if info["worksheet"] else "checklist" if info["checklist"] else None
        kind = (area, info["tag"], info["type"])
        if area and kind not in operated and operate(live_tab, info):
            operated.add(kind)
    print(f"keyboard walk of {path}: {len(seen)} focus stops, {sum(i['worksheet'] for i in seen)} in the worksheet, "
          f"{sum(i['checklist'] for i in seen)} in the checklist, operated {sorted(operated)}")
    assert len(seen) > 20, f"only {len(seen)} focus stops on {path}"
    assert not problems, f"{len(problems)} focus stops without a visible indicator on {path}:\n" + "\n".join(problems[:30])
    if expect_ws:
        assert any(i["worksheet"] for i in seen), f"Tab never reached the worksheet on {path}"
        filled = {("worksheet", "input", "text"), ("worksheet", "textarea", "textarea")} & operated
        assert filled, f"no worksheet field could be filled from the keyboard: {operated}"
    if expect_cl:
        assert any(i["checklist"] for i in seen), f"Tab never reached the checklist on {path}"
        assert any(k[0] == "checklist" for k in operated), f"no checklist control could be operated: {operated}"


def operate(tab, info: dict) -> bool:
    """Use the focused control as a keyboard user would, and check that it took effect."""
    tag, kind = info["tag"], info["type"]
    if tag == "textarea" or (tag == "input" and kind in ("text", "search", "email", "number", "url", "tel", "")):
        tab.keyboard.type("42")
        return tab.evaluate("() => document.activeElement.value").endswith("42")
    if tag == "input" and kind in ("checkbox", "radio"):
        tab.keyboard.press("Space")
        now = tab.evaluate("() => document.activeElement.checked")
        return now is True if kind == "radio" else now != info["checked"]
    if tag == "select":
        tab.keyboard.press("ArrowDown")
        return tab.evaluate("() => document.activeElement.value") != info["value"]
    return False


# ---- interactive content in another state --------------------------------------------------------

# The dossier's buttons too: pressed with no municipality named, they show their alert.
_CONTROLS = ("article :is(input[type=checkbox], input[type=radio], select, [data-sc-action^=dossier-])"
             ":not(.sc-ws__form *):not([disabled])")


def interactive_pages(site, lang: str = "en") -> list[str]:
    """Pages whose content has controls besides the worksheet (filters, self-assessment)."""
    out = []
    for rel in built_pages(site):
        if not rel.startswith(f"{lang}/"):
            continue
        html = (site / rel).read_text(encoding="utf-8")
        article = html[html.find("<article"):html.rfind("</article>")]
        article = re.sub(r'<form class="sc-ws__form.*?</form>', "", article, flags=re.S)
        if re.search(r'<select|type="(checkbox|radio)"|<button', article):
            out.append(rel)
    return out


def interactive_params() -> list:
    pages = interactive_pages(SITE) if SITE.is_dir() else []
    return [pytest.param(p, id=p) for p in pages] or [pytest.param(None, id="none")]


@pytest.mark.parametrize("path", interactive_params())
def test_interactive_content_stays_accessible_once_used(axe_tab, server, site, path):
    """Filters and answers change what is shown: scan the content again after using them
    (the page around it was scanned as it loads, above)."""
    if path is None:
        pytest.skip("no page with content controls besides the worksheets")
    open_page(axe_tab, server + path)
    controls = axe_tab.locator(_CONTROLS)
    used = 0
    for i in range(min(controls.count(), 40)):
        control = controls.nth(i)
        if used >= 3 or not control.is_visible():
            continue
        if control.evaluate("e => e.tagName") == "SELECT":
            options = control.locator("option")
            if options.count() > 1:
                control.select_option(index=options.count() - 1)
                used += 1
        else:  # as a keyboard user would: custom-drawn boxes may sit under their label
            control.focus()
            axe_tab.keyboard.press("Space")
            used += 1
    assert used, f"{path}: no visible control could be used"
    found = scan_both_palettes(axe_tab, ".md-content")
    assert not found, report(f"{path} after using {used} controls", found)
