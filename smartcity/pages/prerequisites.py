"""Renderers for the phase 0 reference lists: leadership assets, stakeholders, participation ladder."""
from __future__ import annotations

from typing import Any

from smartcity.pages.registry import macro
from smartcity.render.env import render


@macro("leadership_assets")
def render_leadership_assets(data: Any, lang: str, here: str = "index.html") -> str:
    """The eleven assets of good leadership, as a numbered list."""
    return render("prereq_assets.html", data, lang, here, assets=data.leadership.assets)


@macro("stakeholder_types")
def render_stakeholder_types(data: Any, lang: str, here: str = "index.html") -> str:
    """The four main types of stakeholders, as cards."""
    return render("prereq_cards.html", data, lang, here, entries=data.stakeholders.types,
                  kind="stakeholder", label_key="prereq.stakeholders.label", ordered=False)


@macro("civil_society_roles")
def render_civil_society_roles(data: Any, lang: str, here: str = "index.html") -> str:
    """The four roles of civil society, as numbered cards."""
    return render("prereq_cards.html", data, lang, here, entries=data.stakeholders.roles,
                  kind="role", label_key="prereq.roles.label", ordered=True)


def ladder_rows(data: Any) -> list[tuple[Any, list[tuple[int, Any]]]]:
    """Levels top-down (most participation first), each with its (rung number, rung), top-down.

    The data runs bottom-up, as Arnstein numbers the rungs: rung 1 is the first one listed.
    """
    numbered = {rung.id: n for n, (_, rung) in enumerate(data.participation.rungs(), start=1)}
    return [
        (level, [(numbered[rung.id], rung) for rung in reversed(level.rungs)])
        for level in reversed(data.participation.levels)
    ]


@macro("participation_ladder")
def render_participation_ladder(data: Any, lang: str, here: str = "index.html") -> str:
    """Arnstein's ladder as a table: levels and rungs, most participation at the top."""
    return render("prereq_ladder.html", data, lang, here, rows=ladder_rows(data),
                  top=len(data.participation.rungs()))
