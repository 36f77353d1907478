"""The "What applies in 2026" block: its data (dates, statuses, sources, pages) and its
renderer (the five pages, both languages, order by application date, escaping, links, cites)."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from smartcity.model.schemas.applies import STATUSES, AppliesFile
from smartcity.model.schemas.base import Text
from smartcity.pages.applies import items_for, render_applies

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["fr", "en"]
# The pages the issue names ("Done when"): the block is on these and on no other.
PAGES = {"phase-2/p2-s2d-legal-framework", "phase-2/p2-s2b-technologies", "phase-2/p2-s2c-financing",
         "phase-1/p1-s3-evaluation-method", "phase-3/p3-s1-monitoring"}
ROW = re.compile(r'data-sc-applies="([^"]+)"')


def _stage_dates(item):
    if item.applies_from is None:
        return []
    return [s.date for s in item.applies_from] if isinstance(item.applies_from, tuple) else [item.applies_from]


def test_dates_are_dates_and_statuses_known(data):
    block = data.applies
    assert isinstance(block.checked, datetime.date)
    for item in block.items:
        assert all(isinstance(d, datetime.date) for d in _stage_dates(item)), item.id
        assert item.status.value in STATUSES, item.id
        assert item.status.as_of <= block.checked, item.id


def test_every_source_id_is_a_reference(data):
    for item in data.applies.items:
        for rid in (*item.sources, *item.status.sources):
            ref = data.get("reference", rid)
            assert str(ref.url).startswith("https://"), rid


def test_pages_are_the_five_pages_and_exist_in_every_language(data):
    shown = {page for item in data.applies.items for page in item.pages}
    assert shown == PAGES
    for page in shown:
        for lang in LANGS:
            assert (ROOT / "docs" / lang / f"{page}.md").is_file(), f"{page} ({lang})"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_block_on_each_page_sorted_by_application_date(data, lang, page):
    html = render_applies(data, lang, f"{page}.html")
    rows = ROW.findall(html)
    wanted = [i.id for i in data.applies.items if page in i.pages]
    assert sorted(rows) == sorted(wanted) and rows
    firsts = [data.get("applies-item", rid).first_date for rid in rows]
    assert firsts == sorted(firsts)
    checked = data.applies.checked
    assert str(checked.year) in html.split("</h2>")[0]
    assert html.count("<section") == 1 and 'aria-labelledby="sc-applies-2026-title"' in html
    assert html.count("<dt>") == 5 * len(rows) and html.count("<dd>") == 5 * len(rows)
    assert html.count('<h3 class="sc-applies__name">') == len(rows)


@pytest.mark.parametrize("lang", LANGS)
def test_block_absent_from_other_pages(data, lang):
    assert render_applies(data, lang, "phase-0/p0-s1-political-will.html") == ""
    assert render_applies(data, lang, "index.html") == ""


def test_sorted_even_when_data_is_not(data):
    block = data.applies
    shuffled = block.model_copy(update={"items": tuple(reversed(block.items))})
    shim = _Shim(data, shuffled)
    page = "phase-2/p2-s2d-legal-framework"
    assert [i.id for i in items_for(shim, page)] == [i.id for i in items_for(data, page)]
    dates = [i.first_date for i in items_for(shim, page)]
    assert dates == sorted(dates)


@pytest.mark.parametrize("lang", LANGS)
def test_links_are_external_https_and_every_row_cites(data, lang):
    html = render_applies(data, lang, "phase-2/p2-s2d-legal-framework.html")
    links = re.findall(r'<a href="([^"#][^"]*)"([^>]*)>', html)
    assert links
    for href, attrs in links:
        assert href.startswith("https://") and 'rel="external' in attrs, href
    for row in html.split('<li class="sc-applies__item"')[1:]:
        assert "data-sc-cite=" in row


@pytest.mark.parametrize("lang", LANGS)
def test_no_source_says_is_said_and_nothing_more(data, lang):
    silent = [i for i in data.applies.items if i.for_municipalities is None]
    assert silent
    page = next(p for p in silent[0].pages)
    html = render_applies(data, lang, f"{page}.html")
    row = html.split(f'data-sc-applies="{silent[0].id}"')[1].split("</dl>")[0]
    assert data.t("applies.no_source", lang) in row


@pytest.mark.parametrize("lang, sep", [("fr", "\u00a0: "), ("en", ": ")])
def test_stage_punctuation_follows_the_language(data, lang, sep):
    html = render_applies(data, lang, "phase-2/p2-s2d-legal-framework.html")
    assert f"</time>{sep}" in html


def test_text_from_data_is_escaped(data):
    block = data.applies
    hostile = Text.model_validate({"fr": "<script>alert(1)</script>", "en": "<img src=x onerror=alert(1)>"})
    staged = next(i for i in block.items if isinstance(i.applies_from, tuple))
    stage = staged.applies_from[0].model_copy(update={"what": hostile})
    item = staged.model_copy(update={"title": hostile, "who": hostile, "applies_from": (stage,)})
    shim = _Shim(data, block.model_copy(update={"items": (item,)}))
    for lang in LANGS:
        html = render_applies(shim, lang, f"{item.pages[0]}.html")
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html


def _valid(**changes):
    item = {"id": "x", "context": "eu", "title": {"fr": "a", "en": "a"}, "sources": ["gdpr"],
            "applies_from": "2024-01-01", "status": {"value": "in-force", "as_of": "2026-12-07", "sources": ["gdpr"]},
            "who": {"fr": "a", "en": "a"}, "for_municipalities": None, "pages": ["phase-2/p2-s2d-legal-framework"]}
    item.update(changes)
    return {"title": {"fr": "t {date}", "en": "t {date}"}, "checked": "2026-12-07", "items": [item]}


def test_model_accepts_a_valid_item():
    assert AppliesFile.model_validate(_valid()).items[0].first_date == datetime.date(2024, 1, 1)


@pytest.mark.parametrize("changes, message", [
    ({"applies_from": "2024-13-01"}, "applies_from"),
    ({"applies_from": "soon"}, "applies_from"),
    ({"status": {"value": "repealed-maybe", "as_of": "2026-12-07", "sources": ["gdpr"]}}, "status"),
    ({"status": {"value": "in-force", "as_of": "2027-01-01", "sources": ["gdpr"]}}, "after the block's checked date"),
    ({"applies_from": [{"date": "2025-01-01", "what": {"fr": "a", "en": "a"}},
                       {"date": "2024-01-01", "what": {"fr": "b", "en": "b"}}]}, "date order"),
    ({"sources": []}, "sources"),
    ({"pages": []}, "pages"),
])
def test_model_refuses_bad_items(changes, message):
    with pytest.raises(ValidationError, match=message):
        AppliesFile.model_validate(_valid(**changes))


class _Shim:
    """The site data with another applies block (the data object itself is frozen)."""

    def __init__(self, data, applies):
        self._data, self.applies = data, applies

    def __getattr__(self, name):
        return getattr(self._data, name)


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_no_source_dates_says_so_and_comes_last(data, lang):
    """A programme whose start no source consulted gives: no date is made up, the row says so."""
    undated = [i for i in data.applies.items if i.applies_from is None]
    assert undated
    item = undated[0]
    page = item.pages[0]
    html = render_applies(data, lang, f"{page}.html")
    row = html.split(f'data-sc-applies="{item.id}"')[1].split('<li class="sc-applies__item"')[0]
    assert data.t("applies.no_date", lang) in row and "<time" not in row.split("</dd>")[1]
    assert ROW.findall(html)[-len([i for i in undated if page in i.pages]):] == \
        [i.id for i in sorted(undated, key=lambda i: i.id) if page in i.pages]
