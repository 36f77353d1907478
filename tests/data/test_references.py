"""Sources as data (issue 19, parts 1, 2 and 7): every source is cited by something, every key
figure names its source, markers are numbered in order of first citation, the list escapes
what it shows, and an unknown id stops the build naming the page and the id."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from smartcity.model.loader import DataError, load
from smartcity.model.schemas.base import iter_refs
from smartcity.pages.nav import expected_pages
from smartcity.pages.references import cite, cited_ids, finish_page, guide_ids, page_sources, render_references
from smartcity.pages.registry import Ctx
from smartcity.render.cite import cite_marker
from tests.conftest import ROOT, break_yaml, expect_data_error

CITE_CALL = re.compile(r"\{\{\s*cite\(([^)]*)\)\s*\}\}")


def prose_citations(docs: Path) -> dict[str, set[str]]:
    """Reference id -> the pages whose Markdown cites it with {{ cite("id", ...) }}."""
    found: dict[str, set[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        for call in CITE_CALL.finditer(path.read_text(encoding="utf-8")):
            for ref in re.findall(r"[\"']([^\"']+)[\"']", call.group(1)):
                found.setdefault(ref, set()).add(str(path.relative_to(docs)))
    return found


def uncited(data, docs: Path) -> list[str]:
    """The sources nothing cites: no data entry (source, sources), no page's cite() call, and
    not the guide, which every page drawn from it credits."""
    cited = set(prose_citations(docs)) | set(guide_ids(data))
    for value in data.source_values().values():
        cited |= {target for _, _, kind, target in iter_refs(value) if kind == "reference"}
    return sorted(set(data.index.get("reference", {})) - cited)


def test_every_source_is_cited_by_something(data):
    assert data.index["reference"], "data/references/ holds the guide at least"
    assert uncited(data, ROOT / "docs") == [], "a source nothing cites: cite it, or remove its file"


def test_a_source_nothing_cites_is_found(data_copy):
    (data_copy / "references" / "orphan-report.yml").write_text(yaml.safe_dump({
        "id": "orphan-report", "kind": "report", "title": {"fr": "Rapport", "en": "Report"},
        "publisher": {"fr": "Éditeur", "en": "Publisher"}, "year": 2020, "url": "https://example.org/r",
        "checked": "2026-12-07"}), encoding="utf-8")
    assert uncited(load(data_copy), ROOT / "docs") == ["orphan-report"]


def test_every_cite_call_in_the_pages_names_a_known_source(data):
    known = set(data.index["reference"])
    for ref, pages in prose_citations(ROOT / "docs").items():
        assert ref in known, f"{', '.join(sorted(pages))}: cite() names unknown reference '{ref}'"


# --- every figure has a source --------------------------------------------------------------

def test_every_figure_and_case_stat_names_its_source(data):
    figures = [f for file in data.figures for f in file.figures]
    assert figures and all(f.source in data.index["reference"] for f in figures)
    stats = [(case.id, s) for case in data.cases if not case.local for s in case.stats]
    assert stats and all(s.source in data.index["reference"] for _, s in stats), stats


def test_a_case_stat_without_a_source_is_refused_naming_file_entry_and_field(data_copy):
    break_yaml(data_copy, "cases/bologna.yml", lambda r: r["stats"][1].pop("source"))
    expect_data_error(data_copy, "cases/bologna.yml", "entry 'bologna'", "field 'stats[1].source'", "required")


def test_a_figure_without_a_source_is_refused_naming_file_entry_and_field(data_copy):
    def drop(raw):
        raw["figures"][0].pop("source")
    break_yaml(data_copy, "figures/introduction.yml", drop)
    first = yaml.safe_load((ROOT / "data/figures/introduction.yml").read_text(encoding="utf-8"))["figures"][0]["id"]
    expect_data_error(data_copy, "figures/introduction.yml", f"entry '{first}'", "field 'source'", "required")


def test_an_unknown_source_is_refused(data_copy):
    break_yaml(data_copy, "cases/bologna.yml", lambda r: r.update(sources=["no-such-source"]))
    expect_data_error(data_copy, "cases/bologna.yml", "field 'sources[0]'", "unknown reference id 'no-such-source'")


def test_a_local_case_may_state_its_own_figures(data_copy, tmp_path):
    folder = tmp_path / "local"
    folder.mkdir()
    raw = yaml.safe_load((ROOT / "tests/fixtures/edition-valfleuri/local/cases/val-fleuri-parking.yml")
                         .read_text(encoding="utf-8"))
    assert raw["stats"] and "source" not in raw["stats"][0]
    (folder / "val-fleuri-parking.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    data = load(data_copy, extra_dirs={"cases": [folder]}, languages=("fr",))
    assert data.get("case", "val-fleuri-parking").stats[0].source is None


def test_the_own_pages_are_pages_of_the_nav(data_copy):
    break_yaml(data_copy, "nav.yml", lambda r: r["own"].append("about/nowhere.md"))
    expect_data_error(data_copy, "nav.yml", "about/nowhere.md")


# --- markers and the list ---------------------------------------------------------------------

def _marker_numbers(html: str) -> list[list[str]]:
    return [re.findall(r">(\d+)</a>", m) for m in re.findall(r'<sup class="sc-cite"[^>]*>(.*?)</sup>', html)]


def test_the_sources_stay_out_of_the_search_index(data):
    out = finish_page(data, "en", f"<p>a{cite_marker(guide_ids(data))}</p>", "introduction/why-now.md")
    assert '<section class="sc-refs" aria-label="' in out and "data-search-exclude>" in out
    assert re.search(r'<sup class="sc-cite" [^>]*data-search-exclude>', out)
    assert not re.search(r"<h2[^>]*\bid=", out)  # a heading with an id would make a search section


def test_markers_are_numbered_in_order_of_first_citation(data_copy):
    for ref in ("report-b", "report-a"):
        (data_copy / "references" / f"{ref}.yml").write_text(yaml.safe_dump({
            "id": ref, "kind": "report", "title": {"fr": ref, "en": ref}, "publisher": {"fr": "P", "en": "P"},
            "year": 2020, "url": f"https://example.org/{ref}", "checked": "2026-12-07"}), encoding="utf-8")
    data = load(data_copy)
    html = (f"<p>a{cite_marker(['report-b'])}</p><p>b{cite_marker(['report-a', 'report-b'])}</p>"
            f"<p>c{cite_marker(['report-b'])}</p>")
    # The edition's own page credits no guide: the first source cited is 1.
    assert cited_ids(html) == ["report-b", "report-a"]
    out = finish_page(data, "en", html, "about/privacy.md")
    assert _marker_numbers(out) == [["1"], ["2", "1"], ["1"]]
    assert out.index('id="sc-ref-report-b"') < out.index('id="sc-ref-report-a"')
    # A page drawn from the guide credits it first, though no marker names it.
    page = "phase-0/p0-s1-political-will.md"
    assert page in expected_pages(data)
    out = finish_page(data, "en", html, page)
    guide = guide_ids(data)
    assert guide and page_sources(data, html, page) == [*guide, "report-b", "report-a"]
    assert _marker_numbers(out) == [["2"], ["3", "2"], ["2"]]
    assert out.count('class="sc-refs__item"') == len(guide) + 2


def test_a_page_of_the_guide_without_markers_still_credits_the_guide(data):
    out = finish_page(data, "fr", "<p>x</p>", "introduction/why-now.md")
    guide = data.get("reference", guide_ids(data)[0])
    assert f'<a href="{guide.url}" rel="external">{guide.title("fr")}</a>' in out
    assert data.t("refs.title", "fr") in out
    assert finish_page(data, "fr", "<p>x</p>", "about/privacy.md") == "<p>x</p>"


def test_the_list_gives_reference_eli_and_the_date_checked_in_each_language(data_copy):
    (data_copy / "references" / "some-law.yml").write_text(yaml.safe_dump({
        "id": "some-law", "kind": "law", "title": {"fr": "Loi <b>&</b> \"x\"", "en": "Law <b>&</b> \"x\""},
        "publisher": {"fr": "Moniteur <i>", "en": "Journal <i>"}, "year": 2018,
        "url": "https://example.org/law?a=1&b=2", "reference": "CELEX <32016R0679>",
        "eli": "https://example.org/eli/reg/2016/679/oj", "checked": "2026-03-01"}), encoding="utf-8")
    data = load(data_copy)
    for lang in ("fr", "en"):
        out = render_references(data, lang, ["some-law"])
        assert "<b>" not in out and "<i>" not in out and "<32016R0679>" not in out
        assert ("Loi" if lang == "fr" else "Law") + " &lt;b&gt;&amp;&lt;/b&gt;" in out
        assert 'href="https://example.org/law?a=1&amp;b=2" rel="external"' in out
        assert 'href="https://example.org/eli/reg/2016/679/oj" rel="external"' in out
        assert "CELEX &lt;32016R0679&gt;" in out
        day = data.t("date.day1", lang)
        checked = data.t("refs.checked", lang).replace("{date}", f"{day} {data.t('date.month.3', lang)} 2026")
        assert checked in out, out
        # Only links: nothing the page would fetch, preview or embed.
        assert not re.search(r"<(iframe|img|link|object|embed|script)\b|prefetch|preload", out)


def test_an_unknown_id_in_cite_stops_naming_the_page_and_the_id(data):
    ctx = Ctx(data=data, lang="fr", url="phase-2/p2-s2d-legal-framework.html", meta={})
    with pytest.raises(DataError) as err:
        cite(ctx, guide_ids(data)[0], "no-such-law")
    assert "docs/fr/phase-2/p2-s2d-legal-framework.md" in str(err.value) and "'no-such-law'" in str(err.value)
    with pytest.raises(DataError, match="names no source"):
        cite(ctx)
    assert 'data-sc-cite="' + guide_ids(data)[0] in cite(ctx, guide_ids(data)[0])


def test_a_marker_naming_an_unknown_source_stops_the_page(data):
    with pytest.raises(DataError, match="resources/cases.md.*'nowhere'"):
        finish_page(data, "en", f"<p>{cite_marker(['nowhere'])}</p>", "resources/cases.md")


def test_the_sources_come_before_a_steps_navigation(data):
    from smartcity.pages.steps import render_step_nav

    nav = render_step_nav(data, "en", "p0-s2", "phase-0/p0-s2-leadership.html")
    html = f"<p>a{cite_marker(guide_ids(data))}</p>" + nav
    out = finish_page(data, "en", html, "phase-0/p0-s2-leadership.md")
    assert out.index('class="sc-refs"') < out.index('class="sc-step-nav"') and out.endswith(nav)


def test_every_figure_shown_carries_its_marker(data):
    from smartcity.pages.cases import render_cases, render_stats, select_figures
    from smartcity.pages.financing import render_business_models, shown_examples

    marker = '<sup class="sc-cite" data-sc-cite="'
    figures = select_figures(data, "urbanisation")
    out = render_stats(data, "en", figures)
    assert out.count(marker) == len(figures) and all(f'{marker}{f.source}"' in out for f in figures)
    cases = [c for c in data.cases if c.stats]
    # Each key figure, and each population (with its statistics source), carries its marker.
    expected = sum(len(c.stats) for c in cases) + sum(1 for c in cases if c.population)
    assert render_cases(data, "en", cases, "resources/cases.html").count(marker) == expected
    examples = [ex for bm in data.financing.business_models for ex in shown_examples(data, bm) if ex.figure]
    assert examples and render_business_models(data, "en", "phase-2/p2-s2c-financing.html").count(marker) == len(examples)
