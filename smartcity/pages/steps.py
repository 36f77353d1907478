"""Renderers for the journey: step headers, anatomy headings, step navigation, phase overviews."""
from __future__ import annotations

from typing import Any

from smartcity.model.traversal import locate, ordered_units
from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import relative, render, step_url
from smartcity.render.icons import icon_svg

# The step-page anatomy, in order. Each key has a heading in data/ui ("anatomy.<key>").
ANATOMY = ("why", "todo", "questions", "pitfalls", "cases", "checklist", "worksheet")


def render_step_intro(data: Any, lang: str, unit_id: str, here: str) -> str:
    phase, step, unit = locate(data, unit_id)
    return render("step_intro.html", data, lang, here, phase=phase, step=step, unit=unit,
                  total=sum(len(p.steps) for p in data.phases.phases))


@macro("heading")
def render_heading(data: Any, lang: str, key: str) -> str:
    """One heading of the step-page anatomy, translated, with a stable anchor."""
    if key not in ANATOMY:
        raise ValueError(f"unknown anatomy heading '{key}'; use one of {', '.join(ANATOMY)}")
    return f"## {data.t('anatomy.' + key, lang)} {{#sc-{key}}}\n"


def render_step_nav(data: Any, lang: str, unit_id: str, here: str) -> str:
    units = ordered_units(data)
    pos = next(i for i, (_, _, u) in enumerate(units) if u.id == unit_id)
    prev = units[pos - 1][2] if pos > 0 else None
    nxt = units[pos + 1][2] if pos + 1 < len(units) else None
    return render("step_nav.html", data, lang, here, prev=prev, next=nxt)


@macro("phase_overview")
def render_phase_overview(data: Any, lang: str, phase_id: str, here: str) -> str:
    phase = data.get("phase", phase_id)
    return render("phase_overview.html", data, lang, here, phase=phase)


@macro("journey")
def render_journey(data: Any, lang: str, here: str, current: str | None = None) -> str:
    """The four phases as a diagram: each linked, `current` marked, the loop back drawn."""

    if current is not None:
        data.get("phase", current)  # an unknown phase id stops the build
    return render("journey.html", data, lang, here, phases=data.phases.phases, current=current,
                  loop_icon=icon_svg("material/autorenew"))


@macro
def step_intro(ctx: Ctx) -> str:
    """Title, position in the journey and the 'in short' summary of the current step."""
    return render_step_intro(ctx.data, ctx.lang, ctx.step, ctx.url)


@macro
def step_nav(ctx: Ctx) -> str:
    return render_step_nav(ctx.data, ctx.lang, ctx.step, ctx.url)



@macro
def step_link(ctx: Ctx, step: str) -> str:
    """A Markdown link to a step or part, titled from data: {{ step_link("p1-s1") }}."""
    unit = ctx.data.get("step", step)
    target = step_url(ctx.data, step).removesuffix(".html") + ".md"
    return f"[{unit.title(ctx.lang)}]({relative(target, ctx.url)})"
