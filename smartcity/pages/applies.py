"""The dated block "What applies in 2026" (data/applies_2026.yml): the texts a page concerns,
in the order of the date they apply, each with its official reference and link, its status on
the date checked, whom it applies to and from when, and the sources that say so."""
from __future__ import annotations

import datetime
from typing import Any

from markupsafe import Markup, escape

from smartcity.pages.registry import macro
from smartcity.render.dates import format_date
from smartcity.render.env import render


def page_path(here: str) -> str:
    """phase-2/p2-s2d-legal-framework.html -> phase-2/p2-s2d-legal-framework (the `pages` key)."""
    return here[:-len(".html")] if here.endswith(".html") else here


def items_for(data: Any, page: str) -> list[Any]:
    """The items shown on a page, by the date each first applies (then by id, for a stable order)."""
    return sorted((i for i in data.applies.items if page in i.pages), key=lambda i: (i.first_date, i.id))


def _stages(item: Any) -> list[tuple[datetime.date, Any]]:
    """(date, what) per stage; a single date has no `what` of its own; no date, no stage."""
    if item.applies_from is None:
        return []
    if isinstance(item.applies_from, tuple):
        return [(s.date, s.what) for s in item.applies_from]
    return [(item.applies_from, None)]


def _stage(data: Any, lang: str, when: datetime.date, what: Any) -> Markup:
    """A stage as `<time>date</time>: what`, its punctuation from data/ui (French spaces it)."""
    time = Markup('<time datetime="{}">{}</time>').format(when.isoformat(), format_date(data, when, lang))
    if what is None:
        return time
    pattern = str(escape(data.t("applies.stage", lang)))
    return Markup(pattern.replace("{date}", str(time)).replace("{what}", str(escape(what(lang)))))


@macro("applies_2026")
def render_applies(data: Any, lang: str, here: str) -> str:
    """{{ applies_2026() }}: the items whose `pages` name this page; nothing if there are none."""
    items = items_for(data, page_path(here))
    if not items:
        return ""
    block = data.applies
    date = lambda value: format_date(data, value, lang)  # noqa: E731
    return render("applies_2026.html", data, lang, here, items=items, block=block,
                  heading=block.title(lang).replace("{date}", date(block.checked)),
                  date=date, stages=_stages,
                  stage=lambda when, what: _stage(data, lang, when, what),
                  ref=lambda rid: data.get("reference", rid))
