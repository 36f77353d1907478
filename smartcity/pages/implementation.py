"""Renderers for phase 2's reference lists: action-plan structure, project types, technology levels."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import macro
from smartcity.render.env import render

# The dimensions page, relative to the language root (a plain link, from templates).
DIMENSIONS_PAGE = "introduction/six-dimensions.html"


def _heading_level(level: int) -> int:
    if level not in range(2, 7):
        raise ValueError(f"heading level must be 2–6, got {level}")
    return level


@macro("action_plan_structure")
def render_action_plan(data: Any, lang: str, here: str) -> str:
    """Dimensions → initiatives → projects, each level with its description and an example."""
    return render("impl_action_plan.html", data, lang, here, levels=data.action_plan.levels,
                  dimensions_page=DIMENSIONS_PAGE)


@macro("project_types")
def render_project_types(data: Any, lang: str, here: str, hlevel: int = 4) -> str:
    """Bottom-up projects, quick wins, pilots, self-financing projects: what, when, the trap."""
    return render("impl_project_types.html", data, lang, here, types=data.action_plan.project_types,
                  hlevel=_heading_level(hlevel))


@macro("technology_levels")
def render_technology_levels(data: Any, lang: str, here: str, hlevel: int = 4) -> str:
    """The four levels of smart-city technology, numbered from the network up, with examples."""
    return render("impl_technology_levels.html", data, lang, here, levels=data.technology.levels,
                  hlevel=_heading_level(hlevel))
