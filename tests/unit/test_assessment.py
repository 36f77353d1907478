"""The self-assessment: renderers in both languages, and the built pages in headless Chromium
(marking, summary, reload, full checklist and step pages sharing answers, the link, the
question before replacing saved answers, export/import, the printed report, axe)."""
from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import store_read, bundled, describe, need, run_axe
from smartcity.pages.assessment import MESSAGES, STORE_MESSAGES, config, render_assess_step, render_assessment
from smartcity.pages.checklist import full_checklist_groups, items_for
from smartcity.edition.model import load_edition
from smartcity.render.env import relative, step_url

LANGS = ("en", "fr")
FULL = "resources/checklist.html"
DIAGNOSIS = "phase-1/p1-s1-diagnosis.html"


def cfg_of(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" class="sc-assess-config"[^>]*>(.*?)</script>', html, re.S).group(1))


# ---- renderers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_summary_lists_every_item_phase_and_step(data, lang):
    edition = load_edition()
    html = render_assessment(data, lang, FULL, edition)
    assert re.search(r'<section class="sc-assess"[^>]* hidden>', html), "the summary must stay hidden without JS"
    ids = [i.id for i in data.checklist.items]
    assert len(ids) == 33
    assert re.findall(r'data-sc-assess-open="([^"]+)"', html) == ids
    groups = full_checklist_groups(data)
    assert len(re.findall(r'class="sc-assess__phase"', html)) == len(groups) == 4
    rows = [unit.id for _, units in groups for _, unit, _ in units]
    assert html.count("<tr data-sc-assess-items=") == len(rows)
    for unit_id in rows:
        href = relative(step_url(data, unit_id), FULL)
        assert f'href="{href}"' in html and f'href="{href}#sc-worksheet"' in html
        assert f'data-sc-assess-items="{" ".join(i.id for i in items_for(data, unit_id) if i.step == unit_id)}"' in html
    assert f'data-sc-ns="{edition.storage_namespace}"' in html and f'data-sc-edition="{edition.id}"' in html
    for key in ("assess.title", "assess.action.print", "assess.action.link", "assess.ask.replace", "assess.open"):
        assert data.t(key, lang) in html.replace("&#39;", "'").replace("&amp;", "&")


def test_script_strings_in_both_languages(data):
    en, fr = config(data, "en"), config(data, "fr")
    assert set(en["msg"]) == set(fr["msg"]) == set(MESSAGES) | set(STORE_MESSAGES)
    assert all(en["msg"][k] and fr["msg"][k] and en["msg"][k] != fr["msg"][k] for k in ("total", "ask", "state_done"))
    assert "{done}" in en["msg"]["total"] and "{mine_done}" in fr["msg"]["ask"]
    assert "\u202f" in fr["msg"]["ask"] or "\u00a0" in fr["msg"]["ask"], "French spacing in the script's strings"
    # The link encodes states in data order: every page must carry the same list.
    assert en["items"] == fr["items"] == [[i.id, i.step] for i in data.checklist.items]
    assert len(fr["date"]["months"]) == 12 and fr["date"]["day1"] == "1er"


@pytest.mark.parametrize("lang", LANGS)
def test_step_addon_names_its_items(data, lang):
    items = items_for(data, "p2-s2")  # a step whose checklist holds its parts' items
    html = render_assess_step(data, lang, "phase-2/p2-s2-four-reflections.html", load_edition(), items)
    assert re.search(r'<p class="sc-assess-step" data-sc-assess-items="([^"]+)" hidden>', html).group(1).split() == [i.id for i in items]
    assert {i.step for i in items} == {"p2-s2a", "p2-s2b", "p2-s2c", "p2-s2d"}
    assert cfg_of(html)["msg"]["state_started"] == data.t("assess.msg.state_started", lang)
    assert f'href="../{FULL}#sc-assessment"' in html


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_carry_the_assessment(site, data, lang):
    full = (site / lang / FULL).read_text(encoding="utf-8")
    assert full.count('class="sc-assess"') == 1 and full.count('class="sc-assess-config"') == 1
    assert len(re.findall(r'<li class="sc-checklist__item"[^>]*data-sc-item=', full)) == 33
    scripts = bundled(site / lang, full, "js")
    assert "sc-assessment.js" in scripts and "sc-store.js" in scripts
    assert scripts.index("sc-store.js") < scripts.index("sc-assessment.js")
    for phase in data.phases.phases:
        for step in phase.steps:
            page = (site / lang / step_url(data, step.id)).read_text(encoding="utf-8")
            if 'data-sc-checklist="' in page:
                assert 'class="sc-assess-config"' in page, step.id


# ---- in the browser ----------------------------------------------------------------------------

def open_full(page, server, lang="en", hash_=""):
    page.goto(f"{server}{lang}/{FULL}{hash_}")
    page.wait_for_selector("html[data-sc-assess-loaded] .sc-assess:not([hidden])")
    return page


def open_step(page, server, path=DIAGNOSIS, lang="en"):
    page.goto(f"{server}{lang}/{path}")
    page.wait_for_selector("html[data-sc-assess-loaded] .sc-assess-step:not([hidden])")
    return page


def mark(page, item, state):
    page.click(f'label[for="sc-assess-{item}-{state}"]')
    page.wait_for_function("([i, s]) => document.getElementById(`sc-assess-${i}-${s}`).checked", arg=[item, state])
    page.evaluate("() => scStore.idle()")  # the write has landed before the test moves on


def stored(page, unit):
    return store_read(page, "checklist", unit)


def checked(page, item):
    return page.evaluate("i => document.querySelector(`input[name='sc-assess-${i}']:checked`).value", item)


def total_text(page):
    return page.text_content(".sc-assess__total")


def norm(text):
    """French pages carry no-break spaces the build adds; compare words."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def expected_total(data, lang, done, started, n=33):
    return data.t("assess.msg.total", lang).format(done=done, started=started, todo=n - done - started, n=n)


@pytest.mark.browser
def test_marking_items_updates_the_summary(page, server, data):
    open_full(page, server)
    assert total_text(page) == expected_total(data, "en", 0, 0)
    mark(page, "p1-s1-i1", "done")
    mark(page, "p1-s1-i2", "started")
    mark(page, "p3-s1-i1", "done")
    assert total_text(page) == expected_total(data, "en", 2, 1)
    phase1 = page.locator(".sc-assess__phase").nth(1)
    assert phase1.locator(".sc-assess__numbers").text_content() == "1 of 11 done, 1 in progress"
    row = page.locator('tr[data-sc-assess-items^="p1-s1-i1"]')
    assert [row.locator(f'[data-sc-assess-count="{k}"]').text_content() for k in ("done", "started", "todo", "percent")] == ["1", "1", "1", "33%"]
    width = row.locator(".sc-assess__bar-done").evaluate("el => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width")
    assert 0.3 < width < 0.36
    # Open items: done ones leave the list, started ones say so; a finished step disappears.
    assert page.locator('[data-sc-assess-open="p1-s1-i1"]').is_hidden()
    assert page.locator('[data-sc-assess-open="p1-s1-i2"] .sc-assess__badge').is_visible()
    assert page.locator('[data-sc-assess-open="p1-s1-i3"] .sc-assess__badge').is_hidden()
    assert page.locator('.sc-assess__open-step[data-sc-assess-items="p3-s1-i1"]').is_hidden()
    assert page.locator('li[data-sc-item="p1-s1-i1"]').get_attribute("data-sc-state") == "done"
    # Back to "not started": the entry forgets the item.
    mark(page, "p1-s1-i1", "todo")
    assert stored(page, "p1-s1") == {"p1-s1-i2": "started"}
    assert total_text(page) == expected_total(data, "en", 1, 1)


@pytest.mark.browser
def test_state_survives_reload_and_language(page, server, data):
    open_full(page, server)
    mark(page, "p0-s2-i1", "started")
    mark(page, "p2-s2c-i1", "done")
    assert stored(page, "p2-s2c") == {"p2-s2c-i1": "done"}
    page.reload()
    page.wait_for_selector(".sc-assess:not([hidden])")
    assert checked(page, "p0-s2-i1") == "started" and checked(page, "p2-s2c-i1") == "done"
    open_full(page, server, "fr")
    assert checked(page, "p2-s2c-i1") == "done"
    assert norm(total_text(page)) == norm(expected_total(data, "fr", 1, 1))


@pytest.mark.browser
def test_full_checklist_and_step_pages_share_answers(page, server, data):
    open_step(page, server)
    mark(page, "p1-s1-i3", "started")
    line = page.text_content(".sc-assess-step__numbers")
    assert line == data.t("assess.msg.step", "en").format(done=0, n=3, started=1)
    open_full(page, server)
    assert checked(page, "p1-s1-i3") == "started"
    mark(page, "p1-s1-i1", "done")
    mark(page, "p2-s2b-i2", "done")
    open_step(page, server)
    assert checked(page, "p1-s1-i1") == "done" and checked(page, "p1-s1-i3") == "started"
    # A step with parts shows its parts' items, and a part page the same answer.
    open_step(page, server, "phase-2/p2-s2-four-reflections.html")
    assert checked(page, "p2-s2b-i2") == "done"
    open_step(page, server, "phase-2/p2-s2b-technologies.html")
    assert checked(page, "p2-s2b-i2") == "done"
    mark(page, "p2-s2b-i1", "started")
    # Another tab sees a change without reloading.
    other = page.context.new_page()
    open_full(other, server)
    mark(page, "p2-s2b-i3", "done")
    other.wait_for_function("() => document.getElementById('sc-assess-p2-s2b-i3-done').checked")
    assert checked(other, "p2-s2b-i1") == "started"


@pytest.mark.browser
def test_keyboard_marks_an_item(page, server):
    open_full(page, server)
    page.focus("#sc-assess-p0-s1-i1-todo")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('sc-assess-p0-s1-i1-started').checked")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('sc-assess-p0-s1-i1-done').checked")
    assert stored(page, "p0-s1") == {"p0-s1-i1": "done"}
    group = page.locator('li[data-sc-item="p0-s1-i1"] [role="radiogroup"]')
    name_id = group.get_attribute("aria-labelledby")
    assert page.text_content(f"#{name_id}").startswith("Elected officials")
    assert page.locator(f'label[for="sc-assess-p0-s1-i1-done"]').text_content() == "Done"


def fresh(page, url):
    """Open `url` as a new document (not a same-page jump to its fragment)."""
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector(".sc-assess:not([hidden])")


def copy_link(page) -> str:
    page.click('[data-sc-assess-action="link"]')
    page.wait_for_selector(".sc-assess__link:not([hidden])")
    return page.input_value("#sc-assess-link")


SAMPLE = {"p0-s1-i1": "done", "p0-s5-i1": "started", "p1-s2-i4": "done", "p2-s2d-i1": "started", "p3-s3-i2": "done"}


@pytest.mark.browser
def test_link_round_trips_through_the_fragment_only(browser, server, data):
    first = browser.new_context(locale="en-GB")
    page = open_full(first.new_page(), server)
    for item, state in SAMPLE.items():
        mark(page, item, state)
    link = copy_link(page)
    base, _, fragment = link.partition("#")
    assert base == f"{server}en/{FULL}" and "?" not in link, "the state travels in the fragment only"
    assert re.fullmatch(r"assess=1\.[A-Za-z0-9_-]{11}\.[0-9a-z]+", fragment)
    first.close()
    second = browser.new_context(locale="en-GB")
    seen = []
    tab = second.new_page()
    tab.on("request", lambda r: seen.append(r.url))
    open_full(tab, server, hash_="#" + fragment)
    tab.wait_for_function("() => location.hash === ''")
    assert all("assess=" not in url for url in seen)
    for item in (i.id for i in data.checklist.items):
        assert checked(tab, item) == SAMPLE.get(item, "todo"), item
    assert stored(tab, "p2-s2d") == {"p2-s2d-i1": "started"}
    assert tab.text_content(".sc-assess-status") == data.t("assess.msg.link_applied", "en")
    assert copy_link(tab) == link
    second.close()


@pytest.mark.browser
def test_a_link_asks_before_replacing_saved_answers(page, server, data):
    open_full(page, server)
    for item, state in SAMPLE.items():
        mark(page, item, state)
    link = copy_link(page)
    mark(page, "p0-s1-i1", "todo")
    mark(page, "p1-s1-i1", "started")
    mine = {u: stored(page, u) for u in ("p0-s1", "p1-s1", "p3-s3")}
    fresh(page, link)
    page.wait_for_selector(".sc-assess__ask:not([hidden])")
    ask = page.text_content(".sc-assess__ask-text")
    assert "(3 of 33 done, 2 in progress)" in ask and "(2 done, 3 in progress)" in ask
    assert page.evaluate("document.activeElement.id") == "sc-assess-ask"
    assert {u: stored(page, u) for u in mine} == mine, "nothing may change before the reader answers"
    assert checked(page, "p1-s1-i1") == "started"
    page.click('[data-sc-assess-action="keep"]')
    assert page.locator(".sc-assess__ask").is_hidden()
    assert page.evaluate("location.hash") == ""
    assert {u: stored(page, u) for u in mine} == mine and checked(page, "p0-s1-i1") == "todo"
    assert page.text_content(".sc-assess-status") == data.t("assess.msg.link_kept", "en")
    page.reload()
    assert page.locator(".sc-assess__ask").is_hidden(), "the question is asked once per link opened"
    fresh(page, link)
    page.wait_for_selector(".sc-assess__ask:not([hidden])")
    page.click('[data-sc-assess-action="replace"]')
    assert checked(page, "p0-s1-i1") == "done" and checked(page, "p1-s1-i1") == "todo"
    assert stored(page, "p1-s1") == {} and stored(page, "p0-s1") == {"p0-s1-i1": "done"}


@pytest.mark.browser
def test_a_broken_link_changes_nothing(page, server, data):
    open_full(page, server)
    mark(page, "p0-s3-i1", "done")
    for bad in ("assess=1.AAAA.zz", "assess=2.AAAAAAAAAAA.x", "assess=garbage"):
        fresh(page, f"{server}en/{FULL}#{bad}")
        page.wait_for_selector(".sc-assess:not([hidden])")
        assert page.text_content(".sc-assess-status") == data.t("assess.msg.link_bad", "en")
        assert stored(page, "p0-s3") == {"p0-s3-i1": "done"}


@pytest.mark.browser
def test_export_import_share_the_worksheets_file(page, server, data, tmp_path: Path):
    open_full(page, server)
    mark(page, "p1-s4-i2", "done")
    with page.expect_download() as info:
        page.click('[data-sc-assess-action="export"]')
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["format"] == "sc-answers" and exported["checklist"] == {"p1-s4": {"p1-s4-i2": "done"}}
    assert "worksheets" in exported
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sc-assess-action="clear"]')
    assert checked(page, "p1-s4-i2") == "todo" and stored(page, "p1-s4") == {}
    # A file exported from a worksheet page, with a checklist entry added, imports whole.
    exported["checklist"]["p0-s4"] = {"p0-s4-i1": "started"}
    exported["worksheets"]["p1-s1"] = {"strengths": "A port"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.click('[data-sc-assess-action="import"]')
    chooser.value.set_files(str(path))
    page.click('[data-sc-import="go"]')
    page.wait_for_function("() => document.getElementById('sc-assess-p1-s4-i2-done').checked")
    assert checked(page, "p0-s4-i1") == "started"
    assert page.text_content(".sc-assess-status") == data.t("ws.msg.imported", "en").format(n=3, w=3)
    open_step(page, server)
    assert page.input_value("#sc-ws-p1-s1-strengths") == "A port"


@pytest.mark.browser
def test_prints_as_a_dated_report_on_one_or_two_a4_sheets(page, server, data):
    pypdf = pytest.importorskip("pypdf")
    open_full(page, server, "fr")
    mark(page, "p1-s1-i1", "started")  # the longest report: almost every item open
    page.evaluate("window.print = () => {}")
    page.click('[data-sc-assess-action="print"]')
    assert page.evaluate("document.documentElement.classList.contains('sc-assess-printing')")
    today = date.today()
    day = "1er" if today.day == 1 else str(today.day)
    when = f"{day} {data.t(f'date.month.{today.month}', 'fr')} {today.year}"
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(p.extract_text() for p in pdf.pages)
    flat = re.sub(r"\s+", " ", text)
    assert 1 <= len(pdf.pages) <= 2, f"{len(pdf.pages)} pages"
    assert when in flat and data.t("assess.report", "fr").replace("’", "'") in flat.replace("’", "'")
    assert "Exporter" not in flat, "buttons stay off paper"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('sc-assess-printing')")


@pytest.mark.browser
def test_without_javascript_the_page_is_the_plain_checklist(browser, server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}en/{FULL}")
    assert tab.locator(".sc-assess").is_hidden()
    assert tab.locator("li[data-sc-item]").count() == 33
    assert tab.locator(".sc-assess-item, input.sc-assess-item__input").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_self_assessment(page, server, scheme):
    page.emulate_media(color_scheme=scheme)
    open_full(page, server)
    for item, state in SAMPLE.items():
        mark(page, item, state)
    copy_link(page)
    violations = run_axe(page)
    assert not violations, describe(violations)
    # The question asked by a link, and a step page's checklist.
    link = page.input_value("#sc-assess-link")
    mark(page, "p0-s1-i1", "started")
    fresh(page, link)
    page.wait_for_selector(".sc-assess__ask:not([hidden])")
    violations = run_axe(page)
    assert not violations, describe(violations)
    open_step(page, server)
    mark(page, "p1-s1-i2", "done")
    violations = run_axe(page)
    assert not violations, describe(violations)
