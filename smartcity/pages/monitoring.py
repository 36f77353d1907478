"""Renderers for phase 3 (monitoring): what to monitor, measuring and comparing tools,
satisfaction and involvement mechanisms, causes of gaps, and pilot decisions."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render


def render_scope(data: Any, lang: str, here: str) -> str:
    return render("mon_scope.html", data, lang, here, items=data.monitoring.scope)


def render_tools(data: Any, lang: str, here: str) -> str:
    dims = {d.id: d for d in data.dimensions.dimensions}
    return render("mon_tools.html", data, lang, here, tools=data.monitoring.tools, dims=dims)


def render_mechanisms(data: Any, lang: str, here: str) -> str:
    return render("mon_mechanisms.html", data, lang, here, items=data.monitoring.mechanisms)


def render_gap_causes(data: Any, lang: str, here: str) -> str:
    return render("mon_gaps.html", data, lang, here, items=data.monitoring.gap_causes)


def render_pilot_decisions(data: Any, lang: str, here: str) -> str:
    return render("mon_decisions.html", data, lang, here, items=data.monitoring.pilot_decisions)


@macro
def monitoring_scope(ctx: Ctx) -> str:
    """What to monitor: the whole approach, each with its question and evidence."""
    return render_scope(ctx.data, ctx.lang, ctx.url)


@macro
def monitoring_tools(ctx: Ctx) -> str:
    """Tools to measure progress and compare with other cities, with their limits."""
    return render_tools(ctx.data, ctx.lang, ctx.url)


@macro
def satisfaction_mechanisms(ctx: Ctx) -> str:
    """Ways to measure residents' satisfaction and involvement."""
    return render_mechanisms(ctx.data, ctx.lang, ctx.url)


@macro
def gap_causes(ctx: Ctx) -> str:
    """Usual causes of gaps between delivery and expectations, their signs and responses."""
    return render_gap_causes(ctx.data, ctx.lang, ctx.url)


@macro
def pilot_decisions(ctx: Ctx) -> str:
    """What the review of a pilot can decide: scale up, adjust, stop."""
    return render_pilot_decisions(ctx.data, ctx.lang, ctx.url)
