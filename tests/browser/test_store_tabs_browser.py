"""The answers store with two tabs open on the same worksheet entry, in headless Chromium:
each follows the other without a reload, the caret never moves under the reader, replaced
text is offered back, table rows keep their ids, and a newer copy of the guide may upgrade
the database under an open tab. One tab at a time: test_store_browser.py."""
from __future__ import annotations

import pytest

from tests.conftest import store_read, wait_stored

pytestmark = pytest.mark.browser

DIAGNOSIS = "phase-1/p1-s1-diagnosis.html"
NS = "sc:smart-city-guide"
BARE = "external-links.txt"  # same origin, none of the site's scripts


def open_ws(page, server, path=DIAGNOSIS):
    page.goto(f"{server}en/{path}")
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    return page


def two_tabs(page, server, path=DIAGNOSIS, other=None):
    """The fixture's tab and a second tab of the same browser context, both loaded."""
    return open_ws(page, server, path), open_ws(page.context.new_page(), server, other or path)


def field(name, entry="p1-s1"):
    return f"#sc-ws-{entry}-{name}"


def stored(page, entry="p1-s1"):
    return store_read(page, "worksheets", entry)


def wait_saved(page, name, value, entry="p1-s1"):
    wait_stored(page, "worksheets", entry, name, value)


def wait_value(page, selector, value, timeout=5_000):
    page.wait_for_function("([s, v]) => document.querySelector(s).value === v", arg=[selector, value], timeout=timeout)


def offered(page) -> list[str]:
    return page.locator(".sc-ws__lost blockquote").all_text_contents()


def blur(page):
    page.click("h1")


def test_two_tabs_share_their_fields_without_reload(page, server):
    a, b = two_tabs(page, server)
    a.fill(field("strengths"), "From tab A")
    b.fill(field("weaknesses"), "From tab B")
    wait_saved(a, "strengths", "From tab A")
    wait_saved(b, "weaknesses", "From tab B")
    for tab in (a, b):
        wait_value(tab, field("strengths"), "From tab A")
        wait_value(tab, field("weaknesses"), "From tab B")
    assert stored(a) == stored(b) == {"strengths": "From tab A", "weaknesses": "From tab B"}


@pytest.mark.parametrize("b_saw_alpha", [False, True], ids=["b-typing-when-alpha-came", "b-saw-alpha"])
def test_the_later_write_wins_and_the_replaced_text_is_offered_back(page, server, data, b_saw_alpha):
    a, b = two_tabs(page, server)
    if not b_saw_alpha:
        b.focus(field("strengths"))  # B is in the field: alpha waits, unseen
    a.fill(field("strengths"), "alpha")
    wait_saved(a, "strengths", "alpha")
    if b_saw_alpha:
        wait_value(b, field("strengths"), "alpha")
    blur(a)
    b.fill(field("strengths"), "beta")
    wait_saved(a, "strengths", "beta")
    if b_saw_alpha:
        # B replaced what it showed: an edit, not a loss; A's field is not focused, it follows.
        wait_value(a, field("strengths"), "beta")
        a.wait_for_timeout(300)
        assert offered(a) == offered(b) == []
        return
    for tab in (a, b):
        tab.wait_for_selector(".sc-ws__lost blockquote")
        assert offered(tab) == ["alpha"]
    wait_value(a, field("strengths"), "beta")  # A's field is not focused: it follows
    a.click(f".sc-ws__lost button:has-text('{data.t('ws.msg.lost_restore', 'en')}')")
    wait_saved(a, "strengths", "alpha")
    wait_value(a, field("strengths"), "alpha")
    for tab in (a, b):
        tab.wait_for_function("() => [...document.querySelectorAll('.sc-ws__lost blockquote')].map((q) => q.textContent).join('|') === 'beta'",
                              timeout=5_000)


def test_a_remote_write_leaves_the_focused_field_and_its_caret_alone(page, server):
    a, b = two_tabs(page, server)
    x = field("strengths")
    a.click(x)
    a.keyboard.type("abcdef")
    wait_saved(a, "strengths", "abcdef")
    wait_value(b, x, "abcdef")
    for _ in range(3):
        a.keyboard.press("ArrowLeft")
    # B changes the field in 100 ms and saves 250 ms later, while A is still typing (20 keys, 60 ms apart).
    b.evaluate("""s => setTimeout(() => { const e = document.querySelector(s); e.value = 'from B';
      e.dispatchEvent(new Event('input', { bubbles: true })); }, 100)""", x)
    a.evaluate("""s => { window.__during = null; scStore.subscribe((m) => { if (m.remote && m.records && m.records.strengths)
      window.__during = document.querySelector(s).value; }); }""", x)
    typed, final = "0123456789" * 2, "abc" + "0123456789" * 2 + "def"
    a.keyboard.type(typed, delay=60)
    during = a.evaluate("window.__during")
    assert during is not None and during.startswith("abc0") and during != final, during
    assert a.input_value(x) == final
    assert a.evaluate("s => [document.activeElement === document.querySelector(s), document.querySelector(s).selectionStart]", x) == [True, 3 + len(typed)]
    # A saves last: its text wins, and B's is offered back rather than dropped.
    wait_saved(a, "strengths", final)
    a.wait_for_selector(".sc-ws__lost blockquote")
    assert offered(a) == ["from B"]
    wait_value(b, x, final)


def test_a_step_page_and_a_part_page_write_the_same_entry_at_once(page, server):
    a, b = two_tabs(page, server, "phase-2/p2-s2a-resources.html", "phase-2/p2-s2b-technologies.html")
    a.fill(field("people_1_project", "p2-s2"), "Smart lighting")
    b.fill(field("levels_sensors_needed", "p2-s2"), "CO2 sensors")
    a.fill(field("people_1_lead", "p2-s2"), "Project lead")
    wait_saved(a, "people_1_lead", "Project lead", "p2-s2")
    wait_saved(b, "levels_sensors_needed", "CO2 sensors", "p2-s2")
    both = {"people_1_project": "Smart lighting", "people_1_lead": "Project lead", "levels_sensors_needed": "CO2 sensors"}
    assert stored(a, "p2-s2") == stored(b, "p2-s2") == both
    step = open_ws(page.context.new_page(), server, "phase-2/p2-s2-four-reflections.html")
    for name, value in both.items():
        assert step.input_value(field(name, "p2-s2")) == value


# A newer copy of the guide opens the database at version 2 and adds a store of its own.
UPGRADE = """ns => new Promise((done) => {
  const r = indexedDB.open(ns, 2), t = setTimeout(() => done('stuck'), 5000);
  let blocked = false;
  r.onblocked = () => { blocked = true; };
  r.onupgradeneeded = () => { if (!r.result.objectStoreNames.contains('extra')) r.result.createObjectStore('extra'); };
  r.onsuccess = () => { clearTimeout(t); window.__db = r.result; done(blocked ? 'blocked, then opened' : 'opened'); };
  r.onerror = () => { clearTimeout(t); done('error ' + r.error.name); };
})"""
RAW_READ = """k => new Promise((done) => {
  const q = window.__db.transaction('fields').objectStore('fields').get(k);
  q.onsuccess = () => done(q.result ? q.result.v : null);
})"""


def test_an_open_tab_steps_aside_for_a_newer_copy_and_goes_on_saving(page, server):
    tab = open_ws(page, server)
    tab.fill(field("strengths"), "Before the upgrade")
    wait_saved(tab, "strengths", "Before the upgrade")
    newer = page.context.new_page()
    newer.goto(server + BARE)
    assert newer.evaluate(UPGRADE, NS) == "opened"
    assert newer.evaluate("() => window.__db.version") == 2
    tab.fill(field("weaknesses"), "After the upgrade")
    wait_saved(tab, "weaknesses", "After the upgrade")
    assert stored(tab) == {"strengths": "Before the upgrade", "weaknesses": "After the upgrade"}
    assert newer.evaluate(RAW_READ, "worksheets/p1-s1/weaknesses") == "After the upgrade"
    # A page of this copy opened now finds the database at version 2 and uses it.
    fresh = open_ws(page.context.new_page(), server)
    assert fresh.evaluate("async () => { await scStore.ready; return [scStore.backend, scStore.status]; }") == ["idb", "ok"]
    assert fresh.input_value(field("weaknesses")) == "After the upgrade"
    fresh.fill(field("threats"), "Saved at version 2")
    wait_saved(fresh, "threats", "Saved at version 2")
    assert newer.evaluate(RAW_READ, "worksheets/p1-s1/threats") == "Saved at version 2"


def row_ids(page, table="benchmark"):
    return page.eval_on_selector_all(f'table[data-sc-table="{table}"] tr[data-sc-row]', "rs => rs.map((r) => r.dataset.scRow)")


def test_rows_added_and_removed_by_keyboard_keep_their_answers(page, server, data):
    a, b = two_tabs(page, server)
    assert row_ids(a) == ["1", "2", "3", "4", "5"]
    for n, city in ((1, "Ghent"), (2, "Lyon"), (3, "Turin")):
        a.fill(field(f"benchmark_{n}_city"), city)
    a.select_option(field("benchmark_3_outcome"), "mixed")
    wait_saved(a, "benchmark_3_city", "Turin")
    a.focus('.sc-ws__scroll:has(table[data-sc-table="benchmark"]) + .sc-ws__row-add')
    a.keyboard.press("Enter")
    assert row_ids(a) == ["1", "2", "3", "4", "5", "6"]
    assert a.evaluate("document.activeElement.id") == "sc-ws-p1-s1-benchmark_6_city"
    assert a.text_content(".sc-ws__status") == data.t("ws.msg.row_added", "en").format(n=6)
    a.keyboard.type("Porto")
    wait_saved(a, "benchmark_6_city", "Porto")
    a.focus('tr[data-sc-row="2"] .sc-ws__row-remove')
    a.keyboard.press("Enter")
    assert row_ids(a) == ["1", "3", "4", "5", "6"]
    assert a.text_content(".sc-ws__status") == data.t("ws.msg.row_removed", "en")
    focused = a.evaluate("() => { const e = document.activeElement; return [e.tagName, e.classList.contains('sc-ws__row-remove'), e.closest('tr') && e.closest('tr').dataset.scRow]; }")
    wait_stored(a, "worksheets", "p1-s1", "benchmark.rows", "1 3 4 5 6")
    # The second tab follows without reload.
    b.wait_for_function("() => document.querySelectorAll('table[data-sc-table=\"benchmark\"] tr[data-sc-row]').length === 5")
    assert row_ids(b) == ["1", "3", "4", "5", "6"]
    wait_value(b, field("benchmark_6_city"), "Porto")
    a.reload()
    a.wait_for_selector(".sc-ws[data-sc-loaded]")
    for tab in (a, b):
        assert row_ids(tab) == ["1", "3", "4", "5", "6"]
        assert tab.input_value(field("benchmark_1_city")) == "Ghent"
        assert tab.input_value(field("benchmark_3_city")) == "Turin"
        assert tab.input_value(field("benchmark_3_outcome")) == "mixed"
        assert tab.input_value(field("benchmark_6_city")) == "Porto"
    assert "benchmark_2_city" not in stored(a)
    # The keyboard stayed in the table after the removal: on the next row's remove button.
    assert focused == ["BUTTON", True, "3"], focused
