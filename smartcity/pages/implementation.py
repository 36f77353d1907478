"""Renderers for phase 2's reference lists: action-plan structure, project types, technology levels."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render

# The dimensions page, relative to the language root (a plain link, from templates).
DIMENSIONS_PAGE = "introduction/six-dimensions.html"


def _heading_level(level: int) -> int:
    if level not in range(2, 7):
        raise ValueError(f"heading level must be 2–6, got {level}")
    return level


def render_action_plan(data: Any, lang: str, here: str) -> str:
    """Dimensions → initiatives → projects, each level with its description and an example."""
    return render("impl_action_plan.html", data, lang, here, levels=data.action_plan.levels,
                  dimensions_page=DIMENSIONS_PAGE)


def render_project_types(data: Any, lang: str, here: str, hlevel: int = 4) -> str:
    """Bottom-up projects, quick wins, pilots, self-financing projects: what, when, the trap."""
    return render("impl_project_types.html", data, lang, here, types=data.action_plan.project_types,
                  hlevel=_heading_level(hlevel))


def render_technology_levels(data: Any, lang: str, here: str, hlevel: int = 4) -> str:
    """The four levels of smart-city technology, numbered from the network up, with examples."""
    return render("impl_technology_levels.html", data, lang, here, levels=data.technology.levels,
                  hlevel=_heading_level(hlevel))


@macro
def action_plan_structure(ctx: Ctx) -> str:
    """{{ action_plan_structure() }}: the three levels of an action plan."""
    return render_action_plan(ctx.data, ctx.lang, ctx.url)


@macro
def project_types(ctx: Ctx, hlevel: int = 4) -> str:
    """{{ project_types() }}: the kinds of project a roadmap mixes."""
    return render_project_types(ctx.data, ctx.lang, ctx.url, hlevel)


@macro
def technology_levels(ctx: Ctx, hlevel: int = 4) -> str:
    """{{ technology_levels() }}: the four technology levels as numbered cards."""
    return render_technology_levels(ctx.data, ctx.lang, ctx.url, hlevel)
