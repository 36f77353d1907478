"""Renderers for the guide's checklist: per step, and complete."""
from __future__ import annotations

from typing import Any

from .registry import Ctx, macro
from .render import render
from .steps import locate, ordered_units


def items_for(data: Any, unit_id: str) -> list[Any]:
    """Items of a step, or of a step and all its parts (p2-s2 shows its four parts' items)."""
    _, step, unit = locate(data, unit_id)
    ids = {unit.id} | ({p.id for p in step.parts} if unit is step else set())
    return [item for item in data.checklist.items if item.step in ids]


def render_checklist(data: Any, lang: str, unit_id: str, here: str) -> str:
    items = items_for(data, unit_id)
    return render("checklist.html", data, lang, here, unit_id=unit_id, items=items)


def render_full_checklist(data: Any, lang: str, here: str) -> str:
    """Every item, grouped by phase then step, each step linked."""
    groups = []
    for phase in data.phases.phases:
        units = [(u, [i for i in data.checklist.items if i.step == u.id])
                 for p, _, u in ordered_units(data) if p is phase]
        groups.append((phase, [(u, items) for u, items in units if items]))
    return render("checklist_full.html", data, lang, here, groups=groups)


@macro
def checklist(ctx: Ctx, step: str | None = None) -> str:
    """The checklist items of the page's step (from front matter), or of `step`."""
    return render_checklist(ctx.data, ctx.lang, step or ctx.step, ctx.url)


@macro
def full_checklist(ctx: Ctx) -> str:
    return render_full_checklist(ctx.data, ctx.lang, ctx.url)
