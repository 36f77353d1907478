"""Renderers for reflection 4: legal provisions as cards, and their key dates as a timeline."""
from __future__ import annotations

import datetime
from typing import Any, Iterable

from smartcity.render.dates import format_date
from smartcity.model.schemas.legal import AREAS, LEGAL_AREAS, POINTS
from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render


def select_provisions(data: Any, areas: Iterable[str] | None = None,
                      ids: Iterable[str] | None = None) -> list[Any]:
    """Provisions by id (in that order) or by area (in data order); by default, those of the
    legal framework's areas (the municipal strategic plans are named in prose, not listed).
    data.legal holds the provisions of the edition's regions only (smartcity.edition.legal)."""
    if ids:
        return [data.get("legal-provision", pid) for pid in ids]
    wanted = list(areas) if areas else list(LEGAL_AREAS)
    for area in wanted:
        if area not in AREAS:
            raise ValueError(f"legal area '{area}' is not one of {', '.join(AREAS)}")
    return [p for p in data.legal.provisions if p.area in wanted]


def title_of(data: Any, lang: str, title: Any, date: datetime.date | None) -> str:
    """A title whose `{date}` is written out in the page's language."""
    text = title(lang)
    return text.replace("{date}", format_date(data, date, lang)) if date else text


def grouped_points(provision: Any) -> list[tuple[str, list[Any]]]:
    """Points by kind, kinds in a fixed order (objectives, changes, principles…)."""
    return [(kind, [p for p in provision.points if p.kind == kind])
            for kind in POINTS if any(p.kind == kind for p in provision.points)]


def timeline(data: Any, provisions: list[Any]) -> list[tuple[datetime.date | int, Any, str, Any]]:
    """Every dated step, oldest first: (date or year, provision, event key, point or None).

    A point known only by its year sorts after the dated events of that year.
    """
    rows = []
    for prov in provisions:
        rows += [(e.date, prov, f"legal.event.{e.event}", None) for e in prov.events]
        rows += [(p.from_year, prov, "", p) for p in prov.points if p.from_year]

    def key(row):
        when = row[0]
        return (when, 0) if isinstance(when, datetime.date) else (datetime.date(when, 12, 31), 1)

    return sorted(rows, key=key)


def _helpers(data: Any, lang: str) -> dict[str, Any]:
    contexts = {c.id: c for c in data.legal.contexts}
    return {
        "date": lambda value: format_date(data, value, lang),
        "title": lambda prov: title_of(data, lang, prov.title, prov.adopted),
        "replaced": lambda rep: title_of(data, lang, rep.title, rep.date),
        "context_of": lambda prov: contexts[prov.context],
        "groups": grouped_points,
        "is_date": lambda value: isinstance(value, datetime.date),
        "ucfirst": lambda text: text[:1].upper() + text[1:],
    }


def render_legal_provisions(data: Any, lang: str, here: str, provisions: list[Any]) -> str:
    return render("legal_provisions.html", data, lang, here, provisions=provisions,
                  **_helpers(data, lang))


def render_legal_timeline(data: Any, lang: str, here: str, provisions: list[Any]) -> str:
    return render("legal_timeline.html", data, lang, here, rows=timeline(data, provisions),
                  **_helpers(data, lang))


@macro
def legal_provisions(ctx: Ctx, areas: list[str] | None = None, ids: list[str] | None = None) -> str:
    """Legal provisions as cards: {{ legal_provisions(areas=["procurement"]) }}."""
    return render_legal_provisions(ctx.data, ctx.lang, ctx.url, select_provisions(ctx.data, areas, ids))


@macro
def legal_timeline(ctx: Ctx, areas: list[str] | None = None) -> str:
    """The key dates of the legal provisions, oldest first, as a table."""
    return render_legal_timeline(ctx.data, ctx.lang, ctx.url, select_provisions(ctx.data, areas))
