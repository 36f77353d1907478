"""A browser that blocks site data: Material still searches and switches palette.

Blocking is real, not simulated: a Chromium profile whose preferences block all
site data (chrome://settings/content/siteData, "cookies": 2), as a reader's
setting or a policy would. Reading localStorage then throws a SecurityError;
Material's __md_get/__md_set would throw with it and stop its bundle, were they
not wrapped (overrides/main.html, block extrahead). Our answers store must still
see the failure itself: the wrapper does not touch window.localStorage.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, need, search_for
from tests.qa_util import step_pages

pytestmark = pytest.mark.browser

# chrome://settings/content/siteData "Don't allow sites to save data": 2 = block.
BLOCK_SITE_DATA = {"profile": {"default_content_setting_values": {"cookies": 2}}}
QUERIES = {"en": "city", "fr": "commune"}

PROBE = """async () => {
  const r = {};
  try { localStorage.getItem('x'); r.local = 'readable'; } catch (e) { r.local = e.name; }
  try { sessionStorage.getItem('x'); r.session = 'readable'; } catch (e) { r.session = e.name; }
  r.idb = await new Promise(done => {
    try {
      const q = indexedDB.open('sc-probe');
      q.onsuccess = () => { q.result.close(); done('opened'); };
      q.onerror = () => done('error');
    } catch (e) { done('threw'); }
  });
  return r;
}"""


def probe(tab) -> dict:
    return tab.evaluate(PROBE)


@pytest.fixture(scope="module")
def blocked(server, playwright, tmp_path_factory):
    """A persistent Chromium profile that blocks site data, checked to really block it."""
    profile = tmp_path_factory.mktemp("blocked-profile")
    (profile / "Default").mkdir()
    (profile / "Default" / "Preferences").write_text(json.dumps(BLOCK_SITE_DATA), encoding="utf-8")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, locale="en-GB",
    )
    try:
        tab = context.new_page()
        tab.goto(f"{server}en/index.html")
        found = probe(tab)
        tab.close()
        # Every other test would pass for nothing in a profile that stores freely.
        if found["local"] != "SecurityError":
            pytest.fail(f"the profile did not block site data: {found}")
        yield context
    finally:
        context.close()


@pytest.fixture
def tab(blocked):
    """A tab of the blocked profile that records the page's uncaught errors in tab.errors."""
    page = blocked.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    yield page
    page.close()


def open_page(tab, url: str) -> None:
    """Load a page; each test checks what it needs, then that nothing threw (tab.errors)."""
    tab.goto(url, wait_until="load")


def test_site_data_is_really_blocked(tab, server):
    open_page(tab, f"{server}en/index.html")
    found = probe(tab)
    assert found["local"] == "SecurityError", found
    assert found["session"] == "SecurityError", found
    assert found["idb"] != "opened", found
    assert tab.evaluate("() => document.cookie = 'sc-probe=1'") and tab.evaluate("() => document.cookie") == ""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_search_works_with_site_data_blocked(tab, server, lang):
    open_page(tab, f"{server}{lang}/index.html")
    # Unguarded, Material's bundle dies on its first __md_get: "Initialising search" for ever.
    search_for(tab, QUERIES[lang])
    assert tab.locator(".md-search-result__item").count() > 0
    assert not tab.errors, tab.errors


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_palette_toggle_switches_with_site_data_blocked(tab, server, lang):
    open_page(tab, f"{server}{lang}/index.html")
    scheme = lambda: tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    toggle = tab.locator("form[data-md-component=palette] label:visible")
    assert toggle.count() == 1, "the palette toggle is hidden"
    first = scheme()
    toggle.first.click()
    tab.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=first)
    second = scheme()
    assert {first, second} == {"default", "slate"}
    # And back: the other label is the visible one now.
    toggle.first.click()
    tab.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=second)
    assert scheme() == first
    assert not tab.errors, tab.errors


def test_answers_store_still_sees_the_blocked_storage(tab, server, site):
    """The wrapper is Material's only: our store finds storage off and the worksheet says so."""
    worksheets = [p for p in step_pages(site, "en") if "data-sc-ws=" in (site / p).read_text(encoding="utf-8")]
    need(bool(worksheets), "no worksheet page in the built site")
    open_page(tab, server + worksheets[0])
    assert tab.evaluate("async () => { await scStore.ready; return [scStore.backend, scStore.reason]; }") == ["memory", "blocked"]
    # What the reader types stays on screen and goes into the export.
    tab.fill("textarea.sc-ws__input >> nth=0", "Kept in memory")
    tab.wait_for_selector(".sc-ws__alert:not(:empty)")
    # The page's own message for it (from .sc-ws__i18n), shown in the worksheet's alert.
    said = tab.evaluate("""() => {
      const ws = document.querySelector('.sc-ws[data-sc-ws]');
      const msg = JSON.parse(ws.querySelector('.sc-ws__i18n').textContent);
      return [msg.storage_blocked + ' ' + msg.private, ws.querySelector('.sc-ws__alert').textContent];
    }""")
    assert said[0] and said[1] == said[0], said
    # The reader's own export button, at once: it saves what is pending first.
    with tab.expect_download() as got:
        tab.click('.sc-ws [data-sc-action="export"]')
    exported = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert "Kept in memory" in json.dumps(exported["worksheets"])
    assert not tab.errors, tab.errors
