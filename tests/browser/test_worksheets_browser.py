"""The worksheet form in headless Chromium: saving, export/import, bad files, languages, a11y."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import describe, run_axe, store_read, wait_stored

pytestmark = pytest.mark.browser

DIAGNOSIS = "phase-1/p1-s1-diagnosis.html"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def open_ws(page, server, lang="en", path=DIAGNOSIS):
    page.goto(f"{server}{lang}/{path}")
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    return page


def stored(page, entry="p1-s1"):
    return store_read(page, "worksheets", entry)


def wait_saved(page, name, value, entry="p1-s1"):
    wait_stored(page, "worksheets", entry, name, value)


def fill_some(page):
    page.fill("#sc-ws-p1-s1-strengths", "A strong university\nand a port")
    page.check("#sc-ws-p1-s1-departments-4")
    page.select_option("#sc-ws-p1-s1-benchmark_1_outcome", "failure")
    page.fill("#sc-ws-p1-s1-benchmark_1_city", "Ghent")
    wait_saved(page, "benchmark_1_city", "Ghent")


def message(data, key, lang="en"):
    return data.t(f"ws.msg.{key}", lang)


def test_typing_survives_reload_and_closing_the_tab(browser, server):
    context = browser.new_context()
    page = open_ws(context.new_page(), server)
    fill_some(page)
    page.reload()
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    assert page.input_value("#sc-ws-p1-s1-strengths") == "A strong university\nand a port"
    page.close()
    again = open_ws(context.new_page(), server)
    assert again.input_value("#sc-ws-p1-s1-benchmark_1_city") == "Ghent"
    assert again.is_checked("#sc-ws-p1-s1-departments-4")
    assert again.input_value("#sc-ws-p1-s1-benchmark_1_outcome") == "failure"
    assert stored(again)["departments"] == "4"
    context.close()


def test_switching_language_keeps_answers(page, server):
    open_ws(page, server, "en")
    fill_some(page)
    href = page.get_attribute('a.md-select__link[hreflang="fr"]', "href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + href)
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    assert "/fr/" in page.url and page.get_attribute("html", "lang").startswith("fr")
    assert page.input_value("#sc-ws-p1-s1-strengths") == "A strong university\nand a port"
    assert page.is_checked("#sc-ws-p1-s1-departments-4")


def test_export_clear_import_round_trip(page, server, data, tmp_path: Path):
    open_ws(page, server)
    fill_some(page)
    with page.expect_download() as info:
        page.click('[data-sc-action="export"]')
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["format"] == "sc-answers" and exported["edition"] == "smart-city-guide"
    assert exported["worksheets"]["p1-s1"] == stored(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-sc-action="clear"]')
    page.wait_for_selector(".sc-ws__status:has-text('cleared')")
    assert stored(page) == {}
    assert page.input_value("#sc-ws-p1-s1-strengths") == ""
    assert page.text_content(".sc-ws__status") == message(data, "cleared")
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    page.set_input_files(".sc-ws__file", str(path))
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-ws__status:has-text('imported')")
    assert stored(page) == exported["worksheets"]["p1-s1"]
    assert page.input_value("#sc-ws-p1-s1-strengths") == "A strong university\nand a port"
    assert page.text_content(".sc-ws__status") == message(data, "imported").format(n=4, w=1)


def test_clear_can_be_cancelled(page, server):
    open_ws(page, server)
    fill_some(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click('[data-sc-action="clear"]')
    assert page.input_value("#sc-ws-p1-s1-benchmark_1_city") == "Ghent"
    assert stored(page)["benchmark_1_city"] == "Ghent"


GOOD = {"format": "sc-answers", "version": 1, "edition": "smart-city-guide"}
BAD_FILES = [
    ("bad", "this is { not json"),
    ("foreign", json.dumps({"answers": {"strengths": "x"}})),
    ("version", json.dumps({**GOOD, "version": 9})),
    ("edition", json.dumps({**GOOD, "edition": "another-town"})),
    ("invalid", json.dumps({**GOOD, "worksheets": {"p0-s1": {"sponsor": "ok"}, "p1-s1": {"strengths": {"x": 1}}}})),
    ("invalid", json.dumps({**GOOD, "worksheets": {"../p1": {"strengths": "x"}}})),
]


@pytest.mark.parametrize("error, content", BAD_FILES, ids=[f"{e}-{i}" for i, (e, _) in enumerate(BAD_FILES)])
def test_bad_files_are_refused_whole(page, server, data, tmp_path: Path, error, content):
    open_ws(page, server)
    fill_some(page)
    before = stored(page)
    path = tmp_path / "file.json"
    path.write_text(content, encoding="utf-8")
    page.set_input_files(".sc-ws__file", str(path))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    expected = message(data, f"import_{error}").replace("{edition}", "another-town")
    assert page.text_content(".sc-ws__alert") == expected
    assert stored(page) == before
    assert page.input_value("#sc-ws-p1-s1-benchmark_1_city") == "Ghent"


def test_markup_in_a_file_stays_text(page, server, data, tmp_path: Path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_ws(page, server)
    answers = {**GOOD, "worksheets": {"p1-s1": {"strengths": XSS, "benchmark_1_city": XSS}}}
    path = tmp_path / "xss.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    page.set_input_files(".sc-ws__file", str(path))
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-ws__status:has-text('imported')")
    assert page.input_value("#sc-ws-p1-s1-strengths") == XSS
    assert page.input_value("#sc-ws-p1-s1-benchmark_1_city") == XSS
    # Markup in the message path (the edition named by a foreign file) stays text too.
    path.write_text(json.dumps({**answers, "edition": XSS}), encoding="utf-8")
    page.set_input_files(".sc-ws__file", str(path))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert XSS in page.text_content(".sc-ws__alert")
    page.reload()
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss === undefined")
    assert page.locator(".sc-ws img, .sc-ws__alert script").count() == 0
    assert not dialogs


def test_part_pages_share_the_step_worksheet(page, server):
    open_ws(page, server, "en", "phase-2/p2-s2a-resources.html")
    page.fill("#sc-ws-p2-s2-people_1_project", "Smart lighting")
    wait_saved(page, "people_1_project", "Smart lighting", "p2-s2")
    open_ws(page, server, "fr", "phase-2/p2-s2b-technologies.html")
    assert page.locator("#sc-ws-p2-s2-people_1_project").count() == 0
    page.fill("#sc-ws-p2-s2-levels_sensors_needed", "Capteurs de CO₂")
    wait_saved(page, "levels_sensors_needed", "Capteurs de CO₂", "p2-s2")
    open_ws(page, server, "en", "phase-2/p2-s2-four-reflections.html")
    assert page.input_value("#sc-ws-p2-s2-people_1_project") == "Smart lighting"
    assert page.input_value("#sc-ws-p2-s2-levels_sensors_needed") == "Capteurs de CO₂"


def test_works_as_a_plain_form_without_js(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}en/{DIAGNOSIS}")
    assert page.is_visible("#sc-ws-p1-s1-strengths") and page.is_visible(".sc-ws__note--nojs")
    assert not page.is_visible(".sc-ws__toolbar")
    page.fill("#sc-ws-p1-s1-strengths", "typed")
    assert page.is_visible('a[href$="p1-s1-diagnosis.en.pdf"]')
    context.close()


def test_print_view_shows_the_filled_worksheet_only(browser, server):
    context = browser.new_context()
    context.add_init_script("window.print = () => { window.__printed = true; };")
    page = open_ws(context.new_page(), server)
    fill_some(page)
    page.click('[data-sc-action="print"]')
    assert page.evaluate("window.__printed === true")
    page.emulate_media(media="print")
    assert page.is_visible("#sc-ws-p1-s1-strengths")
    assert not page.is_visible(".md-header") and not page.is_visible(".sc-ws__toolbar")
    assert not page.is_visible("#sc-why") and not page.is_visible(".sc-ws__downloads")
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    context.close()


@pytest.mark.parametrize("lang, path", [("en", DIAGNOSIS), ("fr", "phase-2/p2-s2b-technologies.html")])
def test_axe_finds_no_wcag_violation(page, server, lang, path):
    open_ws(page, server, lang, path)
    page.fill("textarea.sc-ws__input >> nth=0", "typed")
    page.wait_for_selector(".sc-ws__status:not(:empty)")
    violations = run_axe(page)
    assert not violations, describe(violations)


def test_typing_before_the_form_script_arrives_is_kept_and_the_saved_text_offered_back(page, server, data):
    """The form script loads on demand (sc-load.js): what is typed before it runs wins over the
    stored answer, which is not dropped but offered back."""
    open_ws(page, server)
    page.fill("#sc-ws-p1-s1-strengths", "Saved yesterday")
    wait_saved(page, "strengths", "Saved yesterday")
    page.route("**/sc-worksheet.*.min.js", lambda route: route.abort())
    page.reload()
    page.wait_for_selector("#sc-ws-p1-s1-strengths")
    assert page.get_attribute(".sc-ws", "data-sc-loaded") is None
    page.fill("#sc-ws-p1-s1-strengths", "Typed this morning")
    page.select_option("#sc-ws-p1-s1-benchmark_1_outcome", "failure")
    page.unroute("**/sc-worksheet.*.min.js")
    page.evaluate("() => scLoad('sc-worksheet')")
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    wait_saved(page, "strengths", "Typed this morning")
    wait_saved(page, "benchmark_1_outcome", "failure")
    assert page.input_value("#sc-ws-p1-s1-strengths") == "Typed this morning"
    page.wait_for_selector(".sc-ws__lost blockquote")
    assert page.text_content(".sc-ws__lost blockquote") == "Saved yesterday"
    page.click(f".sc-ws__lost button:has-text('{message(data, 'lost_restore')}')")
    wait_saved(page, "strengths", "Saved yesterday")
    assert page.input_value("#sc-ws-p1-s1-strengths") == "Saved yesterday"
