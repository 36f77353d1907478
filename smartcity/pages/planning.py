"""Renderers for phase 1 (strategic planning): reference lists, CITYkeys categories,
example objectives with their indicators."""
from __future__ import annotations

from typing import Any

from smartcity.model.traversal import shows
from smartcity.model.schemas.planning import LISTS
from smartcity.pages.registry import macro
from smartcity.render.env import render

STYLES = ("list", "cards")


@macro("planning_list")
def render_planning_list(data: Any, lang: str, name: str, here: str, style: str = "list") -> str:
    """One of the lists of data/planning.yml, as a definition list (or a grid of cards)."""
    if name not in LISTS:
        raise ValueError(f"planning list '{name}' is not one of {', '.join(LISTS)}")
    if style not in STYLES:
        raise ValueError(f"planning list style '{style}' is not one of {', '.join(STYLES)}")
    entries = getattr(data.planning, name)
    return render("planning_list.html", data, lang, here, name=name, kind=LISTS[name],
                  entries=entries, style=style)


@macro("citykeys_categories")
def render_citykeys(data: Any, lang: str, here: str) -> str:
    """The four CITYkeys indicator categories, each with its themes."""
    return render("planning_citykeys.html", data, lang, here, categories=data.citykeys.categories)


@macro("indicator_examples")
def render_indicator_examples(data: Any, lang: str, set_id: str, here: str) -> str:
    """A plan's themes, each with one objective and the indicators that measure it."""
    chosen = data.get("indicator-set", set_id)
    if not shows(data, chosen.case):
        return ""  # the edition hides the case the set comes from
    return render("planning_indicators.html", data, lang, here, set=chosen,
                  case=data.get("case", chosen.case))
