"""Renderers for the guide's checklist: per step, and complete."""
from __future__ import annotations

from typing import Any

from smartcity.pages.assessment import step_addon
from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render
from smartcity.model.traversal import full_checklist_groups, items_for


def render_checklist(data: Any, lang: str, unit_id: str, here: str) -> str:
    items = items_for(data, unit_id)
    return render("checklist.html", data, lang, here, unit_id=unit_id, items=items)


@macro("full_checklist")
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
    unit = step or ctx.step
    return render_checklist(ctx.data, ctx.lang, unit, ctx.url) + step_addon(ctx, items_for(ctx.data, unit))
