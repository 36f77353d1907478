"""An edition that changes its id (edition.yml `previous_ids`) loses no answer: the store adopts
what was saved under the old id, once, newer answers winning, and import takes the old id's
export files. The pages are the reference build's, with the store attributes rewritten on the
way (as a build with another id and previous_ids would write them)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import store_read, wait_stored

pytestmark = pytest.mark.browser

DIAGNOSIS = "en/phase-1/p1-s1-diagnosis.html"
REFERENCE = "smart-city-guide"
OLD, NEW = "guide-old-name", "guide-new-name"
STORE_ATTRS = re.compile(r'data-sc-ns="sc:smart-city-guide"\s+data-sc-edition="smart-city-guide"\s+'
                         r'data-sc-previous=""\s+data-sc-previous-ns=""')


def as_edition(page, edition_id: str, previous: tuple[str, ...] = ()) -> None:
    """Serve every page as the edition `edition_id`, published before under `previous`."""
    attrs = (f'data-sc-ns="sc:{edition_id}" data-sc-edition="{edition_id}" '
             f'data-sc-previous="{" ".join(previous)}" data-sc-previous-ns="{" ".join("sc:" + p for p in previous)}"')

    def rewrite(route):
        response = route.fetch()
        body, n = STORE_ATTRS.subn(attrs, response.text())
        assert n, "the page's store attributes were not found"
        route.fulfill(response=response, body=body)

    page.unroute("**/*.html")
    page.route("**/*.html", rewrite)


def open_ws(page, server):
    page.goto(server + DIAGNOSIS)
    page.wait_for_selector(".sc-ws[data-sc-loaded]")


def field(name):
    return f"#sc-ws-p1-s1-{name}"


def test_answers_saved_under_a_previous_id_are_adopted_once_and_newer_ones_win(page, server):
    as_edition(page, OLD)
    open_ws(page, server)
    page.fill(field("strengths"), "A strong university")
    page.fill(field("benchmark_1_city"), "Ghent")
    wait_stored(page, "worksheets", "p1-s1", "benchmark_1_city", "Ghent")
    # The same host also serves an unrelated edition: nothing of it may come in.
    as_edition(page, "another-town")
    open_ws(page, server)
    page.fill(field("weaknesses"), "Not ours")
    wait_stored(page, "worksheets", "p1-s1", "weaknesses", "Not ours")

    as_edition(page, NEW, previous=(OLD,))
    open_ws(page, server)
    assert page.input_value(field("strengths")) == "A strong university"
    assert page.input_value(field("benchmark_1_city")) == "Ghent"
    assert page.input_value(field("weaknesses")) == ""
    assert store_read(page, "worksheets", "p1-s1") == {"strengths": "A strong university", "benchmark_1_city": "Ghent"}
    assert page.evaluate("() => scStore.meta('adopted/')").keys() == {f"adopted/sc:{OLD}"}
    # Written under the new id, then the old copy changes (an old tab, an old zip): adopted once only.
    page.fill(field("strengths"), "Two universities")
    wait_stored(page, "worksheets", "p1-s1", "strengths", "Two universities")
    as_edition(page, OLD)
    open_ws(page, server)
    assert page.input_value(field("strengths")) == "A strong university"  # the old copy stays as it was
    page.fill(field("threats"), "Written in the old copy later")
    wait_stored(page, "worksheets", "p1-s1", "threats", "Written in the old copy later")
    as_edition(page, NEW, previous=(OLD,))
    open_ws(page, server)
    assert store_read(page, "worksheets", "p1-s1") == {"strengths": "Two universities", "benchmark_1_city": "Ghent"}


def test_import_takes_an_export_file_of_a_previous_id_and_refuses_others(page, server, data, tmp_path):
    as_edition(page, OLD)
    open_ws(page, server)
    page.fill(field("strengths"), "From the old id")
    wait_stored(page, "worksheets", "p1-s1", "strengths", "From the old id")
    with page.expect_download() as got:
        page.click('.sc-ws [data-sc-action="export"]')
    exported = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert exported["edition"] == OLD
    old_file = tmp_path / "old.json"
    old_file.write_text(json.dumps(exported), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**exported, "edition": REFERENCE}), encoding="utf-8")

    # Its answers are gone from this browser: what follows comes from the file alone.
    page.evaluate("""(name) => new Promise((ok) => {
      const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => ok(); })""", f"sc:{OLD}")
    as_edition(page, NEW)  # no previous id: the old file is another edition's
    open_ws(page, server)
    page.set_input_files(".sc-ws__file", str(old_file))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == data.t("ws.msg.import_edition", "en").replace("{edition}", OLD)

    as_edition(page, NEW, previous=(OLD,))
    open_ws(page, server)
    page.evaluate("() => { document.querySelector('.sc-ws__alert').textContent = ''; }")
    page.set_input_files(".sc-ws__file", str(other))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == data.t("ws.msg.import_edition", "en").replace("{edition}", REFERENCE)
    page.set_input_files(".sc-ws__file", str(old_file))
    page.wait_for_selector(".sc-import:not([hidden])")
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-import", state="hidden")
    assert page.input_value(field("strengths")) == "From the old id"
