"""The guide's figures as inline SVG diagrams, drawn from data/ with translated labels.

Each diagram is a <figure> holding an <svg role="img"> with a <title> and a <desc> written
from the same data (its text alternative), and a visible caption. Colours are CSS custom
properties and currentColor (sc-diagrams.css), so both palettes and print work. Python lays
out (positions, wrapped lines); the templates diagram_<name>.html draw. The journey, which
needs real links, is HTML: see journey() in steps.py.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable

from markupsafe import Markup

from smartcity.render import fmt
from smartcity.pages.financing import shown_examples
from smartcity.render.icons import icon_drawing as icon
from smartcity.pages.registry import macro
from smartcity.render.env import render

# Average glyph width of the sans-serif fonts, in em: enough to wrap labels without measuring.
GLYPH = 0.58


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of `text` that fit `width` user units at font `size`."""
    return textwrap.wrap(text, max(4, int(width / (size * GLYPH)))) or [""]


def listing(data: Any, lang: str, words: list[str]) -> str:
    """'a, b and c' in the page's language."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {data.t('diagram.and', lang)} {words[-1]}"


@dataclass
class Box:
    """A labelled shape: where it is and the lines it shows."""

    x: float
    y: float
    w: float
    h: float
    lines: list[str] = field(default_factory=list)
    cls: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def _components(data: Any, lang: str) -> dict:
    comps = data.components.components
    factors = [c for c in comps if c.role == "factor"]
    goal = next(c for c in comps if c.role == "goal")
    centres = [(320, 150), (226, 305), (414, 305)]
    label_at = [(320, 72), (176, 350), (464, 350)]
    circles = [Box(cx - 125, cy - 125, 250, 250, [c.short(lang)], extra={"lx": lx, "ly": ly, "id": c.id})
               for c, (cx, cy), (lx, ly) in zip(factors, centres, label_at)]
    centre = Box(240, 222, 160, 64, wrap(goal.short(lang), 140, 15))
    desc = data.t("diagram.components.desc", lang).replace(
        "{factors}", listing(data, lang, [c.short(lang) for c in factors])).replace("{goal}", goal.short(lang))
    return {"w": 640, "h": 450, "circles": circles, "centre": centre, "desc": desc,
            "caption": data.t("diagram.components.caption", lang).replace("{ref}", data.components.reference)}


def _dimensions(data: Any, lang: str) -> dict:
    from math import cos, pi, sin

    dims = data.dimensions.dimensions
    cx, cy, ring, r = 300, 280, 192, 80
    outer = []
    for i, d in enumerate(dims):
        a = -pi / 2 + 2 * pi * i / len(dims)
        x, y = cx + ring * cos(a), cy + ring * sin(a)
        outer.append(Box(x - r, y - r, 2 * r, 2 * r, wrap(d.title(lang), 130, 15),
                         extra={"icon": icon(d.icon), "id": d.id,
                                "x1": cx + 86 * cos(a), "y1": cy + 86 * sin(a),
                                "x2": x - r * cos(a), "y2": y - r * sin(a)}))
    centre = Box(cx - 86, cy - 86, 172, 172, wrap(data.t("diagram.dimensions.centre", lang), 140, 18))
    desc = data.t("diagram.dimensions.desc", lang).replace(
        "{list}", listing(data, lang, [d.title(lang) for d in dims]))
    return {"w": 600, "h": 560, "outer": outer, "centre": centre, "r": r, "desc": desc,
            "caption": data.t("diagram.dimensions.caption", lang)}


def _participation(data: Any, lang: str) -> dict:
    levels = data.participation.levels
    rungs = [(level, rung) for level in levels for rung in level.rungs]
    top, pitch, h = 36, 50, 36
    y_of = {rung.id: top + (len(rungs) - 1 - i) * pitch for i, (_, rung) in enumerate(rungs)}
    boxes = [Box(120, y_of[rung.id], 270, h, [f"{i + 1}. {rung.title(lang)}" + ("" if rung.in_guide else " *")],
                 cls="" if rung.in_guide else "sc-dg__shape--added") for i, (_, rung) in enumerate(rungs)]
    brackets = []
    for level in levels:
        ys = [y_of[r.id] for r in level.rungs]
        y1, y2 = min(ys), max(ys) + h
        lines = wrap(level.title(lang), 200, 15)
        brackets.append(Box(405, y1, 12, y2 - y1, lines, extra={"ty": (y1 + y2) / 2 - (len(lines) - 1) * 9 + 5}))
    bottom = top + len(rungs) * pitch
    added = [r for _, r in rungs if not r.in_guide]
    desc = data.t("diagram.participation.desc", lang).replace("{n}", str(len(rungs))).replace(
        "{rungs}", listing(data, lang, [r.title(lang) for _, r in rungs])).replace(
        "{levels}", listing(data, lang, [lv.title(lang) for lv in levels]))
    if added:
        desc += " " + data.t("diagram.participation.added", lang).replace("{rung}", listing(data, lang, [r.title(lang) for r in added]))
    return {"w": 640, "h": bottom + (40 if added else 10), "rungs": boxes, "brackets": brackets, "top": top,
            "bottom": bottom, "added": bool(added), "desc": desc,
            "caption": data.t("diagram.participation.caption", lang)}


def _action_plan(data: Any, lang: str) -> dict:
    levels = data.action_plan.levels
    dims = data.dimensions.dimensions
    first = next((lv.example.dimension for lv in levels if lv.example.dimension), dims[0].id)
    pos = [d.id for d in dims].index(first)
    second = dims[(pos + 1) % len(dims)].id  # the illustration's second dimension: the next one
    heads = [Box(25 + 220 * i, 14, 170, 30, wrap(lv.title(lang), 170, 15)) for i, lv in enumerate(levels)]
    chips = [Box(25, 64 + 46 * i, 170, 34, [d.title(lang)], cls="" if d.id in (first, second) else "sc-dg__shape--muted",
                 extra={"id": d.id}) for i, d in enumerate(dims)]
    sizes = (2, 3)  # projects per initiative in the illustration
    projects, initiatives, y = [], [], 64
    for n, size in enumerate(sizes, start=1):
        group = [Box(465, y + 46 * k, 170, 34, [data.t("diagram.action-plan.project", lang).replace("{n}", f"{n}.{k + 1}")])
                 for k in range(size)]
        projects += group
        mid = (group[0].cy + group[-1].cy) / 2
        initiatives.append(Box(245, mid - 22, 170, 44, [data.t("diagram.action-plan.initiative", lang).replace("{n}", str(n))],
                               extra={"projects": group}))
        y += 46 * size + 28
    by_id = {c.extra["id"]: c for c in chips}
    links = [(by_id[first], initiatives[0]), (by_id[first], initiatives[1]), (by_id[second], initiatives[1])]
    names = {d.id: d.title(lang) for d in dims}
    desc = data.t("diagram.action-plan.desc", lang).replace("{levels}", listing(data, lang, [lv.title(lang) for lv in levels])) \
        .replace("{a}", names[first]).replace("{b}", names[second]) \
        .replace("{n1}", str(sizes[0])).replace("{n2}", str(sizes[1]))
    return {"w": 660, "h": max(y, 64 + 46 * len(dims)), "heads": heads, "chips": chips,
            "initiatives": initiatives, "links": links, "desc": desc,
            "caption": data.t("diagram.action-plan.caption", lang)}


def _technology(data: Any, lang: str) -> dict:
    levels = data.technology.levels
    top, pitch, h = 64, 70, 56
    layers = [Box(40, top + (len(levels) - 1 - i) * pitch, 470, h, wrap(lv.title(lang), 360, 16),
                  extra={"n": i + 1, "id": lv.id}) for i, lv in enumerate(levels)]
    bottom = top + len(levels) * pitch
    people = data.t("diagram.technology.people", lang)
    desc = data.t("diagram.technology.desc", lang).replace(
        "{levels}", listing(data, lang, [f"{i + 1}. {lv.title(lang)}" for i, lv in enumerate(levels)])) \
        .replace("{people}", people)
    return {"w": 640, "h": bottom + 6, "layers": layers, "top": top, "bottom": bottom - pitch + h,
            "people": people, "flow": data.t("diagram.technology.flow", lang), "desc": desc,
            "caption": data.t("diagram.technology.caption", lang)}


# Presentation only: the symbol drawn for each business model (an unknown id gets none).
BM_ICONS = {"revenue": "material/cash-plus", "cost-savings": "material/piggy-bank-outline",
            "hard-to-measure": "material/hand-heart"}


def _business_models(data: Any, lang: str) -> dict:
    models = data.financing.business_models
    cols, said, bottom = [], [], 0
    for i, bm in enumerate(models):
        box = Box(20 + 210 * i, 16, 200, 0, wrap(bm.title(lang), 176, 15),
                  extra={"icon": icon(BM_ICONS[bm.id]) if bm.id in BM_ICONS else None, "figures": []})
        y = 110 + 19 * len(box.lines) + 16
        found = []
        for ex in shown_examples(data, bm):
            if not ex.figure:
                continue
            fig = data.get("figure", ex.figure)
            value = fmt.figure(data, fig.value, fig.unit, lang, getattr(fig, "approx", False))
            size = round(min(21, 176 / (len(value) * GLYPH * 1.1)), 1)  # long values shrink to fit
            box.extra["figures"].append((y, value, size, data.get("case", ex.case).city(lang)))
            found.append(f"{value} {fig.label(lang)}")
            y += 50
        cols.append(box)
        said.append(f"{bm.title(lang)}: {listing(data, lang, found)}" if found else bm.title(lang))
        bottom = max(bottom, y)
    for box in cols:
        box.h = bottom - box.y
    desc = data.t("diagram.business-models.desc", lang).replace("{n}", str(len(models))) + " " + "; ".join(said) + "."
    return {"w": 30 + 210 * len(models), "h": bottom + 12, "cols": cols, "desc": desc,
            "caption": data.t("diagram.business-models.caption", lang)}


LAYOUTS: dict[str, Callable[[Any, str], dict]] = {
    "components": _components, "dimensions": _dimensions, "participation": _participation,
    "action-plan": _action_plan, "technology": _technology, "business-models": _business_models,
}


@macro("diagram")
def render_diagram(data: Any, lang: str, name: str, here: str) -> str:
    """A figure of the guide as an accessible SVG diagram: {{ diagram("dimensions") }}."""
    if name not in LAYOUTS:
        raise ValueError(f"unknown diagram '{name}'; use one of {', '.join(LAYOUTS)}")
    values = LAYOUTS[name](data, lang)
    title = data.t(f"diagram.{name}.title", lang)
    return render(f"diagram_{name.replace('-', '_')}.html", data, lang, here, name=name, title=title, **values)
