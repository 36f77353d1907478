"""Renderers for the guide's checklist: per step, and complete."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render
from smartcity.pages.steps import locate, ordered_units


def items_for(data: Any, unit_id: str) -> list[Any]:
    """Items of a step, or of a step and all its parts (p2-s2 shows its four parts' items)."""
    _, step, unit = locate(data, unit_id)
    ids = {unit.id} | ({p.id for p in step.parts} if unit is step else set())
    return [item for item in data.checklist.items if item.step in ids]


def render_checklist(data: Any, lang: str, unit_id: str, here: str) -> str:
    items = items_for(data, unit_id)
    return render("checklist.html", data, lang, here, unit_id=unit_id, items=items)


def full_checklist_groups(data: Any) -> list[tuple[Any, list[tuple[Any, Any, list[Any]]]]]:
    """[(phase, [(step, unit, items)])]: every step or part that has items, in reading order."""
    groups = []
    for phase in data.phases.phases:
        units = [(step, unit, [i for i in data.checklist.items if i.step == unit.id])
                 for p, step, unit in ordered_units(data) if p is phase]
        groups.append((phase, [u for u in units if u[2]]))
    return [g for g in groups if g[1]]


def render_full_checklist(data: Any, lang: str, here: str) -> str:
    """Every item, under Markdown headings by phase then step (so the page's table of
    contents lists them), each step heading linking to its page. The links are HTML, not
    Markdown, so that the page builds while step pages are still being written; the
    content tests check that every link resolves."""
    groups = full_checklist_groups(data)
    total = sum(len(items) for _, units in groups for _, _, items in units)
    return render("checklist_full.html", data, lang, here, groups=groups, total=total)


@macro
def checklist(ctx: Ctx, step: str | None = None) -> str:
    """The checklist items of the page's step (from front matter), or of `step`, marked
    item by item in the browser as part of the self-assessment (smartcity/pages/assessment.py)."""
    from smartcity.pages.assessment import step_addon

    unit = step or ctx.step
    return render_checklist(ctx.data, ctx.lang, unit, ctx.url) + step_addon(ctx, items_for(ctx.data, unit))


@macro
def full_checklist(ctx: Ctx) -> str:
    return render_full_checklist(ctx.data, ctx.lang, ctx.url)
