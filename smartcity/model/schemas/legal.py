"""Legal provisions (reflection 4 of step p2-s2) and regional instruments: data/legal.yml.

Each provision names the legal order it belongs to (`context`: eu, be, be-wal…); a regional
context names its region (wallonia, brussels, flanders), so an edition shows the EU and
Belgian provisions and those of its region only (smartcity.edition.legal). An edition may
add or replace provisions from its own folder. Dates are real dates; the renderer writes
them per language. Every provision names its sources (data/references/).
"""
from __future__ import annotations

import datetime
from typing import ClassVar, Literal, Optional

from pydantic import Field, model_validator

from smartcity.model.schemas.base import Id, Source, Strict, Text, ref
from smartcity.model.schemas.references import Reference, ReferenceRef

AREAS = ("procurement", "accounting", "planning", "data-protection", "strategy")
LEGAL_AREAS = AREAS[:4]  # what the legal framework page lists; "strategy" is the municipal plans' area
EVENTS = ("adopted", "published", "in-force", "applies")
POINTS = ("objective", "change", "principle", "obligation", "implication")


class Context(Strict):
    """A legal order: the European Union, a country, a region. A region's provisions are
    shown only by the editions that choose it (`region` in edition.yml)."""

    id: Id
    title: Text
    region: Optional[Id] = None  # wallonia, brussels, flanders; none: applies in every region


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
    area: Literal["procurement", "accounting", "planning", "data-protection", "strategy"]
    title: Text  # may hold {date}: the `adopted` event's date, written per language
    short: Optional[Text] = None
    summary: Text
    events: tuple[Event, ...] = ()
    replaces: Optional[Replaced] = None
    points: tuple[Point, ...] = ()
    reference: Optional[Text] = None  # official reference, e.g. a regulation number
    sources: tuple[ReferenceRef, ...] = Field(min_length=1)  # what the card states rests on these

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


class Instrument(Strict):
    """A role every region fills with its own text: the municipal strategic plan, the planning
    code. Prose names it through {{ instrument("strategic-plan") }}, never by a region's name."""

    id: Id
    provisions: tuple[ref("legal-provision"), ...] = Field(min_length=1)  # one per region at most


class LegalFile(Strict):
    contexts: tuple[Context, ...]
    provisions: tuple[Provision, ...]
    instruments: tuple[Instrument, ...] = ()

    ID_KINDS: ClassVar[dict[str, str]] = {"contexts": "legal-context", "provisions": "legal-provision",
                                          "instruments": "legal-instrument"}


class OwnLegalFile(Strict):
    """A file of an edition's own folder (edition.yml `legal.local_dir`): provisions, and the
    contexts and sources they need beyond the guide's. A provision with a guide provision's id
    replaces it."""

    contexts: tuple[Context, ...] = ()
    references: tuple[Reference, ...] = ()
    provisions: tuple[Provision, ...] = Field(min_length=1)


SOURCES = [Source("legal", "legal.yml", LegalFile)]
