"""Passages about cases go with the cases an edition hides (smartcity/pages/case_mentions.py), and
what is left still reads: no page names a hidden case outside a passage marked for it."""
from __future__ import annotations

import json
import re

import pytest

from smartcity.pages import case_mentions
from smartcity.pages.financing import render_business_models
from smartcity.pages.glossary import term_definition
from smartcity.outputs.open_data.export import indicators_json
from smartcity.model.loader import DataError
from smartcity.pages.registry import Ctx
from tests.case_passages import MACRO, fragment, pages, record, render, showing, url_of, words
from tests.conftest import ROOT

LANGS = ("fr", "en")


def ids(data) -> list[str]:
    return sorted(c.id for c in data.cases)


def subsets(data) -> list[tuple[str, frozenset[str]]]:
    """Every case hidden, each case hidden on its own, each shown on its own, and the fixture's choice."""
    every = frozenset(ids(data))
    found = [("none", frozenset()), ("fixture", frozenset({"chicago", "santander", "bologna"}))]
    found += [(f"without-{i}", every - {i}) for i in every]
    found += [(f"only-{i}", frozenset({i})) for i in every]
    return found


def ctx(data, lang="en", url="phase-0/p0-s1-political-will.html") -> Ctx:
    return Ctx(data=data, lang=lang, url=url, meta={})


# ---------------------------------------------------------------- the macros

def test_a_block_keeps_its_body_only_while_its_cases_are_shown(data):
    body = lambda: "\nIn Chicago.\n"  # noqa: E731
    everything, no_chicago = ctx(data), ctx(showing(data, set(ids(data)) - {"chicago"}))
    assert case_mentions.about_cases(everything, "chicago", caller=body) == "In Chicago."
    assert case_mentions.about_cases(no_chicago, "chicago", caller=body) == case_mentions.HIDDEN
    assert case_mentions.about_cases(no_chicago, "chicago", "santander", caller=body) == case_mentions.HIDDEN
    assert case_mentions.about_any_case(no_chicago, "chicago", "santander", caller=body) == "In Chicago."
    assert case_mentions.about_any_case(ctx(showing(data, ())), "chicago", "santander", caller=body) == case_mentions.HIDDEN


def test_a_hidden_block_goes_with_its_line():
    marker = case_mentions.HIDDEN
    assert case_mentions.tidy(f"- a\n{marker}\n- c\n") == "- a\n- c\n"
    assert case_mentions.tidy(f"No duration{marker}. What matters") == "No duration. What matters"
    assert case_mentions.tidy(f"  {marker}\nnext") == "next"


def test_names_are_joined_with_the_languages_and(data):
    some = showing(data, {"bologna", "santander", "malmo"})
    assert case_mentions.case_names(ctx(some, "en"), "bologna", "chicago", "santander") == "Bologna and Santander"
    assert case_mentions.case_names(ctx(some, "fr"), "malmo", "bologna", "santander") == "Malmö, Bologne et Santander"
    assert case_mentions.case_names(ctx(some, "fr"), "bologna", "santander", before="à ") == "à Bologne et à Santander"
    assert case_mentions.case_names(ctx(some, "en"), "the-hague", "santander") == "Santander"


def test_an_unknown_case_id_stops_the_build_naming_the_page_and_the_id(data):
    here = ctx(data, "fr", "phase-2/p2-s3-implementation.html")
    for name in ("about_cases", "about_any_case"):
        with pytest.raises(DataError, match=r"docs/fr/phase-2/p2-s3-implementation\.md: .*unknown case id 'atlantis'"):
            getattr(case_mentions, name)(here, "santander", "atlantis", caller=lambda: "x")
    with pytest.raises(DataError, match=r"docs/fr/phase-2/p2-s3-implementation\.md: case_names\(\): unknown case id 'atlantis'"):
        case_mentions.case_names(here, "atlantis")
    with pytest.raises(DataError, match="names no case"):
        case_mentions.about_cases(here, caller=lambda: "x")


def test_a_block_used_as_a_value_and_names_left_with_none_are_refused(data):
    with pytest.raises(DataError, match=r"is a block: write \{% call about_cases"):
        case_mentions.about_cases(ctx(data), "chicago")
    with pytest.raises(DataError, match="hides every one.*about_any_case\\('chicago', 'bologna'\\)"):
        case_mentions.case_names(ctx(showing(data, ())), "chicago", "bologna")


# ---------------------------------------------------------------- the pages' source

def names_by_case(data, lang: str) -> dict[str, set[str]]:
    """What a page may call each case: its `city`, or the names data/case_mentions.yml gives it."""
    labels = {n.case: getattr(n, lang) for n in data.case_mentions.names}
    found: dict[str, set[str]] = {}
    for case_id, case in data.index["case"].items():
        for name in labels.get(case_id, (case.city(lang),)):
            found.setdefault(name, set()).add(case_id)
    return found


def pattern(name: str) -> re.Pattern:
    """A name as a whole word, across a line break, either apostrophe."""
    parts = ["['’]".join(re.escape(p) for p in re.split("['’]", w)) for w in name.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def mentions(data, lang: str):
    """(page, case ids the name may mean, name, the blocks around it) for every name in every page."""
    for path in pages(lang):
        outside, blocks = record(lang, path)
        for text, around in [(outside, [])] + [(b.text, b.lineage()) for b in blocks]:
            for name, cases in names_by_case(data, lang).items():
                for _ in pattern(name).finditer(text):
                    yield path.relative_to(ROOT / "docs" / lang).as_posix(), cases, name, around


@pytest.mark.parametrize("lang", LANGS)
def test_every_name_of_a_case_sits_in_a_passage_about_it(data, lang):
    """Not a string search: a name is fine in a block that tells its case, or listed with a reason."""
    elsewhere = {(e.page, e.case) for e in data.case_mentions.elsewhere if lang in e.langs}
    used, loose, checked = set(), [], 0
    for page, cases, name, around in mentions(data, lang):
        checked += 1
        if any(b.mode == "about_cases" and cases & set(b.ids) for b in around):
            continue
        reasons = {(page, c) for c in cases} & elsewhere
        if reasons:
            used |= reasons
            continue
        where = " in " + " > ".join(f"{b.mode}{b.ids}" for b in around) if around else ""
        loose.append(f"docs/{lang}/{page}: '{name}'{where}")
    assert checked > 40, "the check found almost no names: is it looking at the pages?"
    assert not loose, "names of cases outside a passage about them (wrap them, or list them in " \
                      "data/case_mentions.yml with a reason):\n" + "\n".join(loose)
    assert used == elsewhere, f"listed in data/case_mentions.yml but no longer on the page: {elsewhere - used}"


def test_mentions_listed_for_another_reason_name_real_pages(data):
    for entry in data.case_mentions.elsewhere:
        for lang in entry.langs:
            assert (ROOT / "docs" / lang / entry.page).is_file(), f"{lang}/{entry.page}"


def test_both_languages_mark_the_same_passages():
    for en in pages("en"):
        fr = ROOT / "docs" / "fr" / en.relative_to(ROOT / "docs" / "en")
        marks = [[(b.mode, b.ids) for b in record(lang, path)[1]] for lang, path in (("en", en), ("fr", fr))]
        assert sorted(marks[0]) == sorted(marks[1]), en.relative_to(ROOT)


def test_the_pages_that_named_hidden_cases_mark_them_now():
    """The issue's pages: the home page and the case library named Chicago and Sabadell."""
    for lang in LANGS:
        for page, case_id in (("index.md", "chicago"), ("resources/cases.md", "chicago"),
                              ("resources/cases.md", "sabadell")):
            blocks = record(lang, ROOT / "docs" / lang / page)[1]
            assert any(case_id in b.ids for b in blocks), f"{lang}/{page}: nothing marked for {case_id}"


# ---------------------------------------------------------------- what an edition shows

DANGLING = [
    (re.compile(r"(?<!\w)(and|et)\s*[.;:)]"), "a list ending in 'and'"),
    (re.compile(r"[,;]\s*[.;:]"), "two punctuation marks in a row"),
    (re.compile(r"(?<=\w)[ \t]+[.,](?!\w)"), "a space before a full stop or comma"),
    (re.compile(r"^[ \t]*(?:[-*]|\d+\.)[ \t]*$", re.M), "an empty list item"),
    (re.compile(r"\(\s*\)"), "empty brackets"),
    (re.compile(r"^[ \t]*[.,;:][ \t]*$", re.M), "punctuation on a line of its own"),
    (re.compile(r"\n\n\n\n+(?=[ \t]*(?:[-*]|\d+\.) )"), "a list cut in two"),
]


def dangling(markdown: str) -> set[str]:
    """What reads wrong, each with the words around it (so the same flaw elsewhere is another)."""
    found = {f"{why}: {markdown[max(0, m.start() - 50):m.end() + 20]!r}"
             for rx, why in DANGLING for m in rx.finditer(markdown)}
    # A lead-in that ends with a colon must be followed by what it announces.
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line.rstrip().endswith(":") and not line.lstrip().startswith(("|", "!!!", "#")):
            rest = [n for n in lines[i + 1:] if n.strip()]
            nxt = rest[0].lstrip() if rest else ""
            if not (nxt[:2] in ("- ", "* ") or re.match(r"\d+\. ", nxt) or nxt.startswith((MACRO, "|", "<"))):
                found.add(f"a lead-in with nothing after it: {line.strip()!r} then {nxt[:60]!r}")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_hidden_passages_vanish_and_every_sentence_is_whole(data, lang):
    """Each subset of hidden cases: marked passages come and go with their cases, and hiding
    them leaves no flaw that the page with every case shown does not have."""
    problems: list[str] = []
    recorded = {path: record(lang, path)[1] for path in pages(lang)}
    baseline = {path: dangling(render(data, lang, path)) for path in recorded}
    for label, shown in subsets(data):
        view = showing(data, shown)
        for path, blocks in recorded.items():
            page = render(view, lang, path)
            where = f"{label} {path.relative_to(ROOT)}"
            assert case_mentions.HIDDEN not in page, where
            problems += [f"{where}: {p}" for p in sorted(dangling(page) - baseline[path])]
            text = words(page)
            for block in blocks:
                piece = fragment(block.text)
                if piece is None:
                    continue
                if block.visible(set(shown)) != (piece in text):
                    state = "shown" if block.visible(set(shown)) else "hidden"
                    problems.append(f"{where}: {block.mode}{block.ids} should be {state}: {piece!r}")
    assert not problems, "\n".join(problems[:40])


def test_every_marked_passage_has_prose_to_find(data):
    """The built-site tests find passages by their prose: each block but a list-only lead-in has some."""
    for lang in LANGS:
        for path in pages(lang):
            for block in record(lang, path)[1]:
                assert fragment(block.text) or block.mode == "about_any_case", (path, block.ids)


def test_the_dangling_check_can_fail():
    assert dangling("Cities such as Bologna and .\n")
    assert dangling("Each city opened its approach:\n\nThe next paragraph.\n")
    assert dangling("- Chicago\n\n\n\n- Bologna\n")
    assert dangling("- \n")
    assert not dangling("Each city opened its approach:\n\n- Chicago\n")


# ---------------------------------------------------------------- data that names cases

def test_business_models_and_their_diagram_leave_out_hidden_cases(data):
    from smartcity.pages.diagrams import render_diagram

    view = showing(data, set(ids(data)) - {"sabadell", "skopje"})
    for lang in LANGS:
        html = render_business_models(view, lang, "phase-2/p2-s2c-financing.html")
        svg = render_diagram(view, lang, "business-models", "phase-2/p2-s2c-financing.html")
        for out in (html, svg):
            assert "Sabadell" not in out and "Skopje" not in out
            assert data.get("case", "malmo").city(lang) in out
        assert 'data-sc-case-ref="sabadell"' not in html
        full = render_business_models(data, lang, "phase-2/p2-s2c-financing.html")
        assert 'data-sc-case-ref="sabadell"' in full and "Skopje" in full


def test_indicator_sets_and_glossary_examples_go_with_their_case(data):
    from smartcity.pages.planning import render_indicator_examples

    view = showing(data, set(ids(data)) - {"st-albert", "barcelona"})
    assert render_indicator_examples(view, "en", "st-albert", "x.html") == ""
    assert render_indicator_examples(data, "en", "st-albert", "x.html")
    licence = {"fr": "CC BY 4.0", "en": "CC BY 4.0"}
    sets = lambda d: [s["id"] for s in json.loads(indicators_json(d, licence))["indicator_sets"]]  # noqa: E731
    assert "st-albert" in sets(data) and "st-albert" not in sets(view) and "citykeys-smart-living" in sets(view)
    pmo = data.get("term", "pmo")
    assert "Barcelona" in term_definition(data, pmo, "en") and "Barcelone" in term_definition(data, pmo, "fr")
    assert "Barcelon" not in term_definition(view, pmo, "en") + term_definition(view, pmo, "fr")


def test_every_case_is_found_on_some_page_through_its_names(data):
    """A renamed case (or a new name spelled otherwise) would slip past the source check."""
    found = {c for lang in LANGS for _, cases, _, _ in mentions(data, lang) for c in cases}
    named = {c for path in pages("en") for b in record("en", path)[1] for c in b.ids}  # case_names too
    missing = set(ids(data)) - found - (named - {"citykeys-framework"})
    assert not missing, missing
