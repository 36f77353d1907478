"""The answers store in one tab of headless Chromium: long answers, a full disk, a slow
database, answers of the localStorage version, the export reminder, the import preview, and
the status bar where the reader types. Two tabs at once: test_store_tabs_browser.py."""
from __future__ import annotations

import datetime
import json
import random
import string
from pathlib import Path

import pytest

from tests.conftest import store_read, wait_stored

pytestmark = pytest.mark.browser

DIAGNOSIS = "phase-1/p1-s1-diagnosis.html"
NS = "sc:smart-city-guide"
LEGACY_KEY = f"{NS}:worksheets:p1-s1"
DAY = 86_400_000
# A same-origin document without the site's scripts: storage can be set up before they run.
BARE = "external-links.txt"


def open_ws(page, server, path=DIAGNOSIS):
    page.goto(f"{server}en/{path}")
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    return page


def reload(page):
    page.reload()
    page.wait_for_selector(".sc-ws[data-sc-loaded]")


def field(name):
    return f"#sc-ws-p1-s1-{name}"


def stored(page):
    return store_read(page, "worksheets", "p1-s1")


def wait_saved(page, name, value):
    wait_stored(page, "worksheets", "p1-s1", name, value)


def message(data, key):
    return data.t(f"ws.msg.{key}", "en")


def noise(n: int, seed: int = 1) -> str:
    """Text that does not compress: a quota is not beaten by the database's compression."""
    rng = random.Random(seed)
    return "".join(rng.choices(string.ascii_letters + string.digits + " \n", k=n))


def paste(page, selector: str, text: str) -> None:
    """Put a long text in a field as a paste does: one input event (fill would type it for minutes)."""
    page.locator(selector).evaluate(
        "(e, v) => { e.focus(); e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }", text)


def export(page, action="export") -> dict:
    with page.expect_download() as got:
        page.click(f'.sc-ws [data-sc-action="{action}"]')
    return json.loads(Path(got.value.path()).read_text(encoding="utf-8"))


def test_a_long_answer_survives_reload_with_the_rest_of_the_worksheet(page, server):
    open_ws(page, server)
    page.fill(field("strengths"), "A strong university")
    page.select_option(field("benchmark_1_outcome"), "mixed")
    page.fill(field("benchmark_1_city"), "Ghent")
    wait_saved(page, "benchmark_1_city", "Ghent")
    long = ("The old harbour district, street by street.\n" * 5000)[:200_000]
    paste(page, field("weaknesses"), long)
    wait_saved(page, "weaknesses", long)
    reload(page)
    assert page.input_value(field("weaknesses")) == long
    assert page.input_value(field("strengths")) == "A strong university"
    assert page.input_value(field("benchmark_1_outcome")) == "mixed"
    assert page.input_value(field("benchmark_1_city")) == "Ghent"


def test_a_full_disk_keeps_the_screen_the_saved_answers_and_the_export(page, server, data):
    # The quota holds while the origin's database is open: set it before the first visit.
    # 400 kB leaves room for a few answers and refuses half a megabyte of text.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": server.rstrip("/"), "quotaSize": 400_000})
    open_ws(page, server)
    assert page.evaluate("scStore.backend") == "idb"
    page.fill(field("strengths"), "Saved before the disk filled")
    wait_saved(page, "strengths", "Saved before the disk filled")
    for item in ("p1-s1-i1", "p1-s1-i2"):
        page.click(f'label[for="sc-assess-{item}-done"]')
    page.evaluate("() => scStore.idle()")
    big = noise(500_000)
    paste(page, field("weaknesses"), big)
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == f"{message(data, 'storage_full')} {message(data, 'private')}"
    assert page.evaluate("scStore.status") == "full"
    assert page.input_value(field("weaknesses")) == big
    assert page.input_value(field("strengths")) == "Saved before the disk filled"
    # Every answer of the site, the unsaved one included.
    exported = export(page, "export-all")
    assert exported["worksheets"]["p1-s1"]["weaknesses"] == big
    assert exported["worksheets"]["p1-s1"]["strengths"] == "Saved before the disk filled"
    reload(page)
    assert stored(page) == {"strengths": "Saved before the disk filled"}
    assert page.input_value(field("strengths")) == "Saved before the disk filled"
    page.goto(f"{server}en/resources/checklist.html")
    page.wait_for_selector("html[data-sc-assess-loaded] .sc-assess:not([hidden])")
    total = data.t("assess.msg.total", "en").format(done=2, started=0, todo=31, n=33)
    assert page.text_content(".sc-assess__total") == total


# Holds every indexedDB.open until the page calls window.__idbRelease(): the saved answers
# arrive after the reader has started typing.
HOLD_IDB = """(() => {
  const real = IDBFactory.prototype.open;
  let release;
  const gate = new Promise((ok) => { release = ok; });
  window.__idbRelease = () => release();
  IDBFactory.prototype.open = function (...args) {
    const req = real.apply(this, args), held = {};
    ["result", "error", "readyState"].forEach((k) => Object.defineProperty(held, k, { get: () => req[k] }));
    req.onupgradeneeded = (e) => held.onupgradeneeded && held.onupgradeneeded(e);
    req.onblocked = (e) => held.onblocked && held.onblocked(e);
    req.onsuccess = (e) => gate.then(() => held.onsuccess && held.onsuccess(e));
    req.onerror = (e) => gate.then(() => held.onerror && held.onerror(e));
    return held;
  };
})();"""


def test_typing_before_the_saved_answers_load_is_kept_and_the_replaced_text_offered(page, server, data):
    open_ws(page, server)
    page.fill(field("strengths"), "Saved yesterday")
    page.fill(field("benchmark_1_city"), "Ghent")
    wait_saved(page, "benchmark_1_city", "Ghent")
    page.add_init_script(HOLD_IDB)
    page.reload()
    # The form script is there (its bar shows), the answers are not: type now.
    page.wait_for_selector(".sc-ws__bar:not([hidden])")
    page.fill(field("strengths"), "Typed while loading")
    page.wait_for_timeout(400)  # past the form's pause: a save now would have nowhere to go
    assert page.get_attribute(".sc-ws", "data-sc-loaded") is None, "the load was not held"
    page.evaluate("() => window.__idbRelease()")
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    wait_saved(page, "strengths", "Typed while loading")
    assert page.input_value(field("strengths")) == "Typed while loading"
    assert page.input_value(field("benchmark_1_city")) == "Ghent"
    page.wait_for_selector(".sc-ws__lost blockquote")
    assert page.locator(".sc-ws__lost blockquote").all_text_contents() == ["Saved yesterday"]
    page.click(f".sc-ws__lost button:has-text('{message(data, 'lost_restore')}')")
    wait_saved(page, "strengths", "Saved yesterday")
    assert page.input_value(field("strengths")) == "Saved yesterday"


def test_answers_of_the_localstorage_version_are_migrated_once(page, server):
    legacy = {"strengths": "Written by the old version", "benchmark_1_city": "Lyon", "threats": "Floods"}
    page.goto(server + BARE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [LEGACY_KEY, json.dumps(legacy)])
    open_ws(page, server)
    for name, value in legacy.items():
        assert page.input_value(field(name)) == value
    assert stored(page) == legacy
    assert page.evaluate("k => localStorage.getItem(k)", LEGACY_KEY) == json.dumps(legacy)
    # Newer edits, one of them a cleared field, then two more loads: the old copy stays old.
    page.fill(field("strengths"), "Edited since")
    page.fill(field("threats"), "")
    wait_saved(page, "strengths", "Edited since")
    for _ in range(2):
        reload(page)
        assert stored(page) == {"strengths": "Edited since", "benchmark_1_city": "Lyon"}
        assert page.input_value(field("strengths")) == "Edited since"
        assert page.input_value(field("threats")) == ""
    assert page.evaluate("k => localStorage.getItem(k)", LEGACY_KEY) == json.dumps(legacy)


def remind_shown(page) -> bool:
    page.wait_for_timeout(150)  # let the timer the clock fired repaint the bar
    return page.locator(".sc-ws__remind").is_visible()


def test_export_reminder_follows_the_clock(page, server, data):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)
    page.clock.install(time=start)
    open_ws(page, server)
    page.fill(field("strengths"), "First draft")
    wait_saved(page, "strengths", "First draft")
    export(page)
    page.wait_for_selector(".sc-ws__exported:not(:has-text('%s'))" % message(data, "never_exported"))
    page.fill(field("strengths"), "Second draft")
    wait_saved(page, "strengths", "Second draft")
    page.evaluate("() => scStore.idle()")
    assert not remind_shown(page)
    page.clock.fast_forward(6 * DAY)
    assert not remind_shown(page), "reminded before a week had passed"
    page.clock.fast_forward(2 * DAY)
    assert remind_shown(page), "no reminder 8 days after the export of a changed worksheet"
    assert page.text_content(".sc-ws__remind p") == message(data, "remind")
    page.click('[data-sc-action="remind-dismiss"]')
    page.wait_for_selector(".sc-ws__remind", state="hidden")
    reload(page)
    assert page.evaluate("Date.now()") >= start.timestamp() * 1000 + 8 * DAY, "the clock went back on reload"
    assert not remind_shown(page), "a dismissed reminder came back without a change"
    page.fill(field("strengths"), "Third draft")
    wait_saved(page, "strengths", "Third draft")
    # Dismissed until the next change: the last export is still over a week old.
    assert remind_shown(page), "a change after dismissal did not bring the reminder back"
    export(page)
    page.wait_for_selector(".sc-ws__remind", state="hidden")
    page.clock.fast_forward(30 * DAY)
    assert not remind_shown(page), "reminded of a worksheet that did not change since its export"


def write_file(tmp_path: Path, name: str, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return str(path)


def test_import_preview_fills_and_replaces_only_what_the_reader_ticks(page, server, data, tmp_path):
    open_ws(page, server)
    page.fill(field("strengths"), "Old strengths")
    page.fill(field("benchmark_1_city"), "Ghent")
    wait_saved(page, "benchmark_1_city", "Ghent")
    older = write_file(tmp_path, "older.json", export(page))
    page.fill(field("benchmark_1_city"), "")
    page.fill(field("strengths"), "New strengths")
    wait_saved(page, "strengths", "New strengths")
    assert stored(page) == {"strengths": "New strengths"}
    # Files this copy must refuse whole: nothing changes.
    good = json.loads(Path(older).read_text(encoding="utf-8"))
    refused = [("edition", {**good, "edition": "another-town"}), ("version", {**good, "version": 9}),
               ("bad", json.dumps(good)[:-40])]
    for error, content in refused:
        page.evaluate("() => { document.querySelector('.sc-ws__alert').textContent = ''; }")
        page.set_input_files(".sc-ws__file", write_file(tmp_path, f"{error}.json", content))
        page.wait_for_selector(".sc-ws__alert:not(:empty)")
        assert page.text_content(".sc-ws__alert") == message(data, f"import_{error}").replace("{edition}", "another-town")
        assert page.locator(".sc-import").is_hidden()
        assert stored(page) == {"strengths": "New strengths"}
        assert page.input_value(field("strengths")) == "New strengths"
    # The preview: one empty field filled, one answer replaced, older in the file than here.
    page.set_input_files(".sc-ws__file", older)
    page.wait_for_selector(".sc-import:not([hidden])")
    row = page.locator(".sc-import__table tbody tr")
    assert row.count() == 1
    assert row.locator("th").text_content() == "p1-s1"
    assert row.locator("td").nth(0).text_content() == "1"
    assert row.locator("td").nth(1).locator("span").text_content() == message(data, "import_older").format(n=1, older=1)
    assert not page.is_checked(".sc-import__replace input")
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-import", state="hidden")
    assert page.text_content(".sc-ws__status") == message(data, "imported").format(n=1, w=1)
    assert stored(page) == {"strengths": "New strengths", "benchmark_1_city": "Ghent"}
    assert page.input_value(field("benchmark_1_city")) == "Ghent"
    assert page.input_value(field("strengths")) == "New strengths"
    # Again, ticking "replace": the file's value wins, and shows. A field whose last "change"
    # (on blur) is still to be saved shows it once that save finds nothing new (at most the
    # 250 ms typing delay later, sc-worksheet.js settle()); CI once looked before that.
    page.set_input_files(".sc-ws__file", older)
    page.wait_for_selector(".sc-import:not([hidden])")
    page.check(".sc-import__replace input")
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-import", state="hidden")
    assert stored(page) == {"strengths": "Old strengths", "benchmark_1_city": "Ghent"}
    page.wait_for_function("([sel]) => document.querySelector(sel).value === 'Old strengths'", arg=[field("strengths")],
                           timeout=2000)


def test_the_status_is_in_view_where_the_reader_types(page, server, data):
    open_ws(page, server)
    last = page.locator(".sc-ws__form textarea").last
    last.scroll_into_view_if_needed()
    last.click()
    page.keyboard.type("Asked at the last meeting")
    wait_stored(page, "worksheets", "p1-s1", last.get_attribute("name"), "Asked at the last meeting")
    status = page.locator(".sc-ws__status")
    assert status.get_attribute("aria-live") == "polite"
    page.wait_for_function("t => document.querySelector('.sc-ws__status').textContent.startsWith(t)",
                           arg=message(data, "saved"))
    view = page.viewport_size
    for box in (page.locator(".sc-ws__bar").bounding_box(), last.bounding_box()):
        assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"], (box, view)
    # Not under Material's header either: the status itself is what a point there hits.
    assert status.evaluate("""s => { const r = s.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2); return s.contains(hit); }""")


def test_leaving_while_a_write_is_in_flight_keeps_the_row_and_its_text(page, server):
    """A row just added is saved at once, but that write may not finish before the page goes
    (a loaded machine, a slow disk): the stash keeps the row list with the text typed in it.
    The store's writes are held here, so the page leaves with both unsaved."""
    open_ws(page, server)
    page.evaluate("() => { window.scStore.write = () => new Promise(() => {}); }")
    page.click(".sc-ws__row-add >> nth=0")
    page.fill(field("benchmark_6_city"), "Malmö")
    reload(page)
    assert page.eval_on_selector_all('table[data-sc-table="benchmark"] tr[data-sc-row]',
                                     "rs => rs.map((r) => r.dataset.scRow)") == ["1", "2", "3", "4", "5", "6"]
    assert page.input_value(field("benchmark_6_city")) == "Malmö"
    assert stored(page)["benchmark.rows"] == "1 2 3 4 5 6" and stored(page)["benchmark_6_city"] == "Malmö"


def test_a_reload_right_after_typing_keeps_the_text(page, server):
    """The save waits for a pause in typing; leaving the page before it lands must lose nothing
    (the values are stashed in localStorage at once, and committed on the next load)."""
    open_ws(page, server)
    long = ("Une réponse tapée juste avant de recharger.\n" * 25_000)[:1_000_000]
    paste(page, field("strengths"), long)
    page.fill(field("threats"), "short")
    reload(page)  # at once: the debounced save has not run
    assert page.input_value(field("strengths")) == long
    assert page.input_value(field("threats")) == "short"
    assert stored(page) == {"strengths": long, "threats": "short"}
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert not [k for k in keys if ":stash:" in k], "the stash is removed once committed"
