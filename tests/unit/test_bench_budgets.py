"""`make bench`'s document budgets (issue 17): a worksheet PDF, a guide PDF or the cold build's
CPU over its limit is reported unmet and makes the bench fail."""
from __future__ import annotations

from scripts import bench


def report(guide_bytes: int, sheet_bytes: int, cpu: float) -> dict:
    return {
        "step_page": {}, "own_assets": {"js": {"always": 1024}},
        "worksheets": {"fr": {"pdf": {"max": sheet_bytes}}},
        "guide_pdf": {"fr": {"g.fr.pdf": {"bytes": guide_bytes, "pages": 250}}},
        "builds": {"serve_dirty_reload_s": [1.0], "cold_full": {"cpu_s": cpu},
                   "authoring_loop": {k: {"shown": True, "seconds": 1.0} for k in ("page_edit_s", "case_edit_s")}},
    }


def unmet(rep: dict) -> list[str]:
    return [r["budget"] for r in bench.check(rep) if not r["met"] and any(k in r["budget"] for k in bench.FAILING)]


def test_document_budgets():
    assert bench.BUDGETS["guide_pdf_max_mb"] == 1.5 and bench.BUDGETS["worksheet_pdf_max_kb"] == 80
    assert bench.BUDGETS["cold_full_cpu_max_s"] == 91.5  # 1.5 x the 2026-11-26 report's 61 s
    assert unmet(report(1_500_000, 80 * 1024, 91.0)) == []
    assert unmet(report(int(1.6 * 1024 * 1024), 80 * 1024, 91.0)) == ["guide PDF fr (250 pages)"]
    assert unmet(report(1_000_000, 81 * 1024, 91.0)) == ["largest worksheet PDF fr"]
    assert unmet(report(1_000_000, 1024, 92.0)) == ["cold full build, CPU"]


def test_a_rounding_never_hides_an_overrun():
    """120.03 KB shows as 120.0 in the table, and is still over a 120 KB budget."""
    rep = report(1_000_000, 1024, 60.0)
    rep["step_page"] = {"fr": {"total": {"gzip": 122_913}}}
    row = next(r for r in bench.check(rep) if r["budget"].startswith("step page fr"))
    assert row["measured"] == 120.0 and not row["met"]
    rep["step_page"] = {"fr": {"total": {"gzip": 122_832}}}
    assert next(r for r in bench.check(rep) if r["budget"].startswith("step page fr"))["met"]
