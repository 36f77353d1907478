"""Renderers for case studies and key figures (stat cards)."""
from __future__ import annotations

from typing import Any, Iterable

from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render


def select_cases(data: Any, step: str | None = None, ids: Iterable[str] | None = None) -> list[Any]:
    """Cases by explicit ids (in that order) or by the step they illustrate (in data order).

    Local cases of a fork come first, as the edition wants them seen.
    """
    if ids:
        # A case the edition hides (edition.yml `cases.show`) is left out here too.
        shown = {c.id for c in data.cases}
        return [data.get("case", case_id) for case_id in ids if case_id in shown or not _known(data, case_id)]
    if step is None:
        raise ValueError("cases() needs a step or a list of ids")
    data.get("step", step)
    chosen = [c for c in data.cases if step in c.steps]
    return sorted(chosen, key=lambda c: not c.local)


def _known(data: Any, case_id: str) -> bool:
    return case_id in data.index.get("case", {})


def render_cases(data: Any, lang: str, cases: list[Any], here: str, layout: str = "cards") -> str:
    if layout not in ("cards", "table"):
        raise ValueError(f"cases layout '{layout}' is not one of cards, table")
    if not cases:  # the edition hides every case of this place: the heading above still leads somewhere
        return render("cases_none.html", data, lang, here)
    return render(f"cases_{layout}.html", data, lang, here, cases=cases)


def render_stats(data: Any, lang: str, figures: list[Any], here: str = "index.html") -> str:
    return render("stats.html", data, lang, here, figures=figures)


def select_figures(data: Any, group: str | None = None, ids: Iterable[str] | None = None) -> list[Any]:
    if ids:
        return [data.get("figure", fig_id) for fig_id in ids]
    chosen = [f for file in data.figures for f in file.figures if f.group == group]
    if not chosen:
        raise ValueError(f"no figure in group '{group}' (data/figures/*.yml)")
    return chosen


@macro
def cases(ctx: Ctx, step: str | None = None, ids: list[str] | None = None, layout: str = "cards") -> str:
    """Case-study cards: {{ cases() }} for the page's step, {{ cases(ids=["chicago"]) }}."""
    chosen = select_cases(ctx.data, step or (None if ids else ctx.step), ids)
    return render_cases(ctx.data, ctx.lang, chosen, ctx.url, layout)


@macro
def stats(ctx: Ctx, group: str | None = None, ids: list[str] | None = None) -> str:
    """Key figures as stat cards: {{ stats(group="challenges") }}."""
    return render_stats(ctx.data, ctx.lang, select_figures(ctx.data, group, ids), ctx.url)
