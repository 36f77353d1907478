"""Legal provisions (reflection 4 of step p2-s2): data/legal.yml.

Each provision names the legal order it belongs to (`context`: eu, be, be-wal…),
so an edition for another country swaps provisions without touching the pages.
Dates are real dates; the renderer writes them per language.
"""
from __future__ import annotations

import datetime
from typing import ClassVar, Literal, Optional

from pydantic import model_validator

from smartcity.model.schemas.base import Id, Source, Strict, Text, ref

AREAS = ("procurement", "accounting", "planning", "data-protection")
EVENTS = ("adopted", "published", "in-force", "applies")
POINTS = ("objective", "change", "principle", "obligation", "implication")


class Context(Strict):
    """A legal order: the European Union, a country, a region."""

    id: Id
    title: Text


class Event(Strict):
    event: Literal["adopted", "published", "in-force", "applies"]
    date: datetime.date


class Point(Strict):
    kind: Literal["objective", "change", "principle", "obligation", "implication"]
    text: Text
    from_year: Optional[int] = None


class Replaced(Strict):
    """The earlier text a provision replaces; `{date}` in its title is its date."""

    title: Text
    date: datetime.date


def _needs_date(title: Text, date: Optional[datetime.date], where: str) -> None:
    for lang in title.languages:
        if "{date}" in title(lang) and date is None:
            raise ValueError(f"{where} ({lang}) uses {{date}} but gives no date")


class Provision(Strict):
    id: Id
    context: ref("legal-context")
    area: Literal["procurement", "accounting", "planning", "data-protection"]
    title: Text  # may hold {date}: the `adopted` event's date, written per language
    short: Optional[Text] = None
    summary: Text
    events: tuple[Event, ...] = ()
    replaces: Optional[Replaced] = None
    points: tuple[Point, ...] = ()
    reference: Optional[Text] = None  # official reference, e.g. a regulation number

    @model_validator(mode="after")
    def _dates(self) -> "Provision":
        # The loader cannot name the entry of an entry-level error, so the message does.
        where = f"provision '{self.id}'"
        _needs_date(self.title, self.adopted, f"{where}: title (no 'adopted' event)")
        kinds = [e.event for e in self.events]
        if len(kinds) != len(set(kinds)):
            raise ValueError(f"{where}: events: each of {', '.join(EVENTS)} may appear once")
        order = sorted(self.events, key=lambda e: EVENTS.index(e.event))
        dates = [e.date for e in order]
        if dates != sorted(dates):
            raise ValueError(f"{where}: events: dates must follow {', '.join(EVENTS)} in time")
        return self

    @property
    def adopted(self) -> Optional[datetime.date]:
        return next((e.date for e in self.events if e.event == "adopted"), None)


class LegalFile(Strict):
    contexts: tuple[Context, ...]
    provisions: tuple[Provision, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"contexts": "legal-context", "provisions": "legal-provision"}


SOURCES = [Source("legal", "legal.yml", LegalFile)]
