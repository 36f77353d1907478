"""Renderers for the closing pages: key points, Smart Region Wallonia, the Smart City Institute."""
from __future__ import annotations

from typing import Any

from smartcity.render.dates import format_date
from smartcity.pages.registry import macro
from smartcity.render.env import render

REGION_PARTS = ("timeline", "aims", "approaches", "dimensions")
ANNEXES = {"smart_region": "smart_region", "institute": "institute"}  # macro argument -> data source
INSTITUTE_PARTS = ("founders", "members", "pillars", "partners", "activities")


@macro("key_points")
def render_key_points(data: Any, lang: str, here: str) -> str:
    """The points are numbered straight through the groups, 1 to 10, as one list."""
    groups = data.key_points.groups
    starts = [1 + sum(len(g.points) for g in groups[:i]) for i in range(len(groups))]
    return render("closing_key_points.html", data, lang, here, groups=groups, starts=starts)


def milestone_date(data: Any, milestone: Any, lang: str) -> str:
    """'15 décembre 2015' / '15 December 2015'; a month-only milestone drops the day."""
    if milestone.precision == "month":
        return f"{data.t(f'date.month.{milestone.date.month}', lang)} {milestone.date.year}"
    return format_date(data, milestone.date, lang)


@macro("smart_region")
def render_smart_region(data: Any, lang: str, part: str, here: str) -> str:
    """Annex 1: {{ smart_region("timeline") }}, "aims", "approaches" or "dimensions"."""
    if part not in REGION_PARTS:
        raise ValueError(f"smart_region part '{part}' is not one of {', '.join(REGION_PARTS)}")
    region = data.smart_region
    dates = {m.id: milestone_date(data, m, lang) for m in region.milestones}
    return render(f"closing_region_{part}.html", data, lang, here, region=region, dates=dates)


@macro("institute")
def render_institute(data: Any, lang: str, part: str, here: str) -> str:
    """Annex 2: {{ institute("pillars") }}, "founders", "members", "partners" or "activities"."""
    if part not in INSTITUTE_PARTS:
        raise ValueError(f"institute part '{part}' is not one of {', '.join(INSTITUTE_PARTS)}")
    template = "closing_partners.html" if part == "partners" else "closing_list.html"
    return render(template, data, lang, here, part=part, items=getattr(data.institute, part))


@macro("annex_dated")
def render_annex_dated(data: Any, lang: str, annex: str, here: str) -> str:
    """The dated box of an annex: {{ annex_dated("smart_region") }} or ("institute")."""
    if annex not in ANNEXES:
        raise ValueError(f"annex '{annex}' is not one of {', '.join(ANNEXES)}")
    dated = getattr(data, ANNEXES[annex]).dated
    return render("closing_dated.html", data, lang, here, dated=dated)
