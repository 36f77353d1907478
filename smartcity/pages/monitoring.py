"""Renderers for phase 3 (monitoring): what to monitor, measuring and comparing tools,
satisfaction and involvement mechanisms, causes of gaps, and pilot decisions."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import macro
from smartcity.render.env import render


@macro("monitoring_scope")
def render_scope(data: Any, lang: str, here: str) -> str:
    """What to monitor: the whole approach, each with its question and evidence."""
    return render("mon_scope.html", data, lang, here, items=data.monitoring.scope)


@macro("monitoring_tools")
def render_tools(data: Any, lang: str, here: str) -> str:
    """Tools to measure progress and compare with other cities, with their limits."""
    dims = {d.id: d for d in data.dimensions.dimensions}
    return render("mon_tools.html", data, lang, here, tools=data.monitoring.tools, dims=dims)


@macro("satisfaction_mechanisms")
def render_mechanisms(data: Any, lang: str, here: str) -> str:
    """Ways to measure residents' satisfaction and involvement."""
    return render("mon_mechanisms.html", data, lang, here, items=data.monitoring.mechanisms)


@macro("gap_causes")
def render_gap_causes(data: Any, lang: str, here: str) -> str:
    """Usual causes of gaps between delivery and expectations, their signs and responses."""
    return render("mon_gaps.html", data, lang, here, items=data.monitoring.gap_causes)


@macro("pilot_decisions")
def render_pilot_decisions(data: Any, lang: str, here: str) -> str:
    """What the review of a pilot can decide: scale up, adjust, stop."""
    return render("mon_decisions.html", data, lang, here, items=data.monitoring.pilot_decisions)
