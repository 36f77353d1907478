"""Renderers for the opening chapter: challenges, components, approaches, dimensions, benefits, obstacles."""
from __future__ import annotations

from typing import Any


from smartcity.pages.registry import macro
from smartcity.render.env import render, step_url
from smartcity.render.icons import icon_svg

SCOPES = ("global", "cities")


def dimension_cases(data: Any, dimension_id: str) -> list[tuple[Any, str]]:
    """Cases that illustrate a dimension and sit on a step page, with the URL of their card.

    A city with several cases (Barcelona) is listed once, linked to its first case.
    """
    found, cities = [], set()
    for case in data.cases:
        if dimension_id in case.dimensions and case.steps and case.city not in cities:
            cities.add(case.city)  # the whole text: a local case may have one language only
            found.append((case, f"{step_url(data, case.steps[0])}#sc-case-{case.id}"))
    return found


@macro("challenges")
def render_challenges(data: Any, lang: str, here: str, scope: str = "cities") -> str:
    """The global trends (scope='global') or the challenges of municipalities by domain."""
    if scope not in SCOPES:
        raise ValueError(f"challenges scope '{scope}' is not one of {', '.join(SCOPES)}")
    if scope == "global":
        return render("intro_trends.html", data, lang, here, trends=data.challenges.trends)
    dims = {d.id: d for d in data.dimensions.dimensions}
    return render("intro_challenges.html", data, lang, here, domains=data.challenges.domains, dims=dims)


@macro("components")
def render_components(data: Any, lang: str, here: str) -> str:
    """The components of a smart city: three factors and the sustainability goal."""
    comps = data.components.components
    return render("intro_components.html", data, lang, here, reference=data.components.reference,
                  factors=[c for c in comps if c.role == "factor"],
                  goal=next(c for c in comps if c.role == "goal"))


@macro("approaches")
def render_approaches(data: Any, lang: str, here: str) -> str:
    """Top-down and bottom-up approaches compared, as a table."""
    return render("intro_approaches.html", data, lang, here, table=data.approaches)


@macro("dimensions")
def render_dimensions(data: Any, lang: str, here: str) -> str:
    """One card per dimension, anchored by its id so other pages can link `six-dimensions.md#mobility`."""
    cards = []
    for dim in data.dimensions.dimensions:
        domains = [d for d in data.challenges.domains if d.dimension == dim.id]
        cards.append((dim, icon_svg(dim.icon), domains, dimension_cases(data, dim.id)))
    return render("intro_dimensions.html", data, lang, here, cards=cards)


@macro("benefits")
def render_benefits(data: Any, lang: str, here: str) -> str:
    """What a smart city approach brings, in three groups."""
    dims = {d.id: d for d in data.dimensions.dimensions}
    return render("intro_benefits.html", data, lang, here, groups=data.benefits.groups, dims=dims)


@macro("obstacles")
def render_obstacles(data: Any, lang: str, here: str) -> str:
    """The obstacles municipalities meet, as a numbered list."""
    return render("intro_obstacles.html", data, lang, here, obstacles=data.obstacles.obstacles)
