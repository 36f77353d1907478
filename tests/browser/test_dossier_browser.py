"""The strategy dossier made in headless Chromium from the answers saved in the browser (issue
18, part 2): its cover asked once and kept with the answers; each worksheet started, with its
answers, in guide order; the others listed as not started; the self-assessment by phase and
its open items; a document python-docx, odfpy and LibreOffice open, without repair prompt."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from smartcity.outputs.worksheets.dossier_view import MARKS
from tests.browser.test_office_download_browser import fill_page
from tests.browser.test_office_import_browser import TEXT
from tests.browser.test_worksheets_browser import open_ws, wait_saved
from tests.conftest import store_read
from tests.outputs.docx_checks import problems
from tests.outputs.dossier_answers import contents, marks, read
from tests.outputs.libreoffice import convert_all
from tests.outputs.pdf_readers import pdftotext

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("libreoffice")]
FORMATS = ("docx", "odt")
WORKSHEETS = "resources/worksheets.html"


def open_dossier(page, server, lang="en"):
    page.goto(f"{server}{lang}/{WORKSHEETS}")
    page.wait_for_selector("[data-sc-dossier][data-sc-loaded]")
    return page


def download(page, fmt, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.click(f'[data-sc-action="dossier-{fmt}"]')
    path = tmp_path / f"dossier.{fmt}"
    info.value.save_as(path)
    return path


def tick(page, states: dict[str, str]) -> None:
    """Self-assessment states as the checklist saves them (entry: the item's step)."""
    for item, state in states.items():
        page.evaluate("([u, i, s]) => scStore.write('checklist', u, {[i]: s})", [item.rsplit("-", 1)[0], item, state])


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_dossier_holds_the_work_done_and_lists_the_rest(page, server, data, tmp_path, fmt):
    open_ws(page, server)
    fill_page(page)
    wait_saved(page, "benchmark_6_city", "Malmö")  # saved before the page is left
    open_dossier(page, server)
    tick(page, {"p0-s1-i1": "done", "p1-s1-i1": "started"})
    page.fill("#sc-dossier-municipality", "Ville <&> \"Test\"")
    page.fill("#sc-dossier-date", "2026-03-01")
    path = download(page, fmt, tmp_path)
    assert page.text_content(".sc-dossier__status") == (
        data.t("ws.dossier.msg.ready", "en").replace("{started}", "1").replace("{empty}", "14"))
    identity, found = read(path)
    assert identity["sc-document"] == "dossier" and "sc-worksheet" not in identity
    assert found["dossier.municipality"] == ["Ville <&> \"Test\""] and found["dossier.date"] == ["1 March 2026"]
    assert found["p1-s1.strengths"] == [TEXT, "second line\twith a tab"]
    assert found["p1-s1.benchmark_6_city"] == ["Malmö"] and found["p1-s1.benchmark_1_outcome"] == ["failure"]
    assert found["p1-s1.departments_4"] is True and found["p1-s1.departments_3"] is False
    assert not [n for n in found if n.startswith("p0-s1.")], "a worksheet not started is printed"
    assert found["status.p0.done"] == ["1"] and found["status.p1.started"] == ["1"] and found["status.p0.todo"] == ["4"]
    kept = marks(path)
    sheets = [v for v in kept if v.startswith(("p0__", "p1__", "p2__", "p3__"))]
    assert sheets == ["p1__s1"]
    assert [m for m in kept if m.startswith("ns_")] == [f"ns_{m}" for m in (
        "p0__s1", "p0__s2", "p0__s3", "p0__s4", "p0__s5", "p1__s2", "p1__s3", "p1__s4",
        "p2__s1", "p2__s2", "p2__s3", "p3__s1", "p3__s2", "p3__s3")]
    assert "todo_p0__s1__i1" not in kept and "started_p0__s1__i1" not in kept  # done: not open
    assert "started_p1__s1__i1" in kept and "todo_p1__s1__i1" not in kept
    assert MARKS["open_none"] not in kept
    assert contents(path) == ["p1__s1", MARKS["not_started"], MARKS["status"]]
    if fmt == "docx":
        assert problems(path) == []
        doc = Document(str(path))
        assert doc.paragraphs[0].style.name == "Title"
    else:  # odfpy opens it and reads the answers as text
        from odf import teletype, text as odf_text
        from odf.opendocument import load

        lines = [teletype.extractText(p) for p in load(str(path)).getElementsByType(odf_text.P)]
        assert "Malmö" in lines and "Ville <&> \"Test\"" in lines
    [pdf] = convert_all([path], "pdf", tmp_path / "pdf")
    text = pdftotext(pdf)
    assert text.index("Ville <&>") < text.index("Malmö") < text.rindex("Worksheets not started")  # the heading, after the contents


def test_every_worksheet_started_leaves_no_list_of_the_rest(page, server, data, tmp_path):
    from smartcity.outputs.worksheets.load import load_cached
    from smartcity.outputs.worksheets.view import view
    from tests.outputs.dossier_answers import saved_values

    open_dossier(page, server)
    views = [view(data, s, "en") for s in load_cached(data).values()]
    for v in views:
        page.evaluate("([id, vals]) => scStore.write('worksheets', id, vals)", [v.id, saved_values(v)])
    tick(page, {i.id: "done" for i in data.checklist.items})
    page.fill("#sc-dossier-municipality", "Liège")
    path = download(page, "docx", tmp_path)
    _, found = read(path)
    for v in views:
        for name, value in saved_values(v).items():
            assert f"{v.id}.{name}" in found or f"{v.id}.{name}_{value}" in found, (v.id, name)
    kept = marks(path)
    assert MARKS["not_started"] not in kept and MARKS["started"] not in kept and MARKS["todo"] not in kept
    assert MARKS["open_none"] in kept
    assert contents(path)[-1] == MARKS["status"] and len(contents(path)) == 16
    assert problems(path) == []
    stamp = store_read(page, "worksheets", "dossier")
    assert stamp["municipality"] == "Liège" and len(stamp["date"]) == 10  # the date it took, kept


def test_the_cover_is_asked_once_and_kept_with_the_answers(browser, server, data):
    context = browser.new_context()
    page = open_dossier(context.new_page(), server)
    page.click('[data-sc-action="dossier-docx"]')
    assert page.text_content(".sc-dossier__alert") == data.t("ws.dossier.msg.name_needed", "en")
    assert page.evaluate("document.activeElement.id") == "sc-dossier-municipality"
    page.fill("#sc-dossier-municipality", "Namur")
    page.wait_for_selector(".sc-dossier__status:has-text('saved')")
    page.reload()
    page.wait_for_selector("[data-sc-dossier][data-sc-loaded]")
    assert page.input_value("#sc-dossier-municipality") == "Namur"
    dump = page.evaluate("async () => scStore.dump()")
    assert dump["worksheets"]["dossier"] == {"municipality": "Namur"}
    context.close()


def test_from_file_the_dossier_is_made_too(browser, site, tmp_path):
    """A copy of the guide opened from a file may fetch nothing: the office code, the rules and
    the template all come as scripts."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((site / "en" / WORKSHEETS).as_uri())
    page.wait_for_selector("[data-sc-dossier][data-sc-loaded]")
    page.fill("#sc-dossier-municipality", "Arlon")
    path = download(page, "odt", tmp_path)
    _, found = read(path)
    assert found["dossier.municipality"] == ["Arlon"]
    assert contents(path) == [MARKS["not_started"], MARKS["status"]]  # nothing started in this browser
    context.close()


def test_a_cover_typed_in_another_tab_shows_here(browser, server):
    context = browser.new_context()
    one, two = open_dossier(context.new_page(), server), open_dossier(context.new_page(), server)
    one.fill("#sc-dossier-municipality", "Mons")
    two.wait_for_function("() => document.querySelector('#sc-dossier-municipality').value === 'Mons'", timeout=10_000)
    context.close()


def test_a_cover_another_tab_replaced_is_offered_back(browser, server):
    context = browser.new_context()
    one, two = open_dossier(context.new_page(), server), open_dossier(context.new_page(), server)
    # Two's save is held once it has started, so the other tab's write lands in between
    # whatever the machine's load (a loaded CI once ran two's save first).
    two.evaluate("""() => { const write = scStore.write;
      scStore.write = (...args) => new Promise((ok) => { window.__release = () => { scStore.write = write; ok(write(...args)); }; }); }""")
    two.fill("#sc-dossier-municipality", "Namur")  # saved after the typing pause…
    two.wait_for_function("() => typeof window.__release === 'function'")
    one.evaluate("() => scStore.write('worksheets', 'dossier', {municipality: 'Mons'})")  # …which this beats
    two.evaluate("() => window.__release()")
    two.wait_for_selector(".sc-ws__lost:not([hidden]) blockquote:has-text('Mons')", timeout=10_000)
    two.click(".sc-ws__lost .md-button >> nth=0")
    two.wait_for_function("() => document.querySelector('#sc-dossier-municipality').value === 'Mons'")
    assert store_read(two, "worksheets", "dossier")["municipality"] == "Mons"
    two.wait_for_selector(".sc-ws__lost:not([hidden]) blockquote:has-text('Namur')")  # the text it replaced, kept in turn
    context.close()
