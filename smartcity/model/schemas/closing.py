"""The guide's closing pages: its key points and its two annexes (Smart Region Wallonia,
the Smart City Institute)."""
from __future__ import annotations

import datetime
from typing import ClassVar, Iterator, Literal, Optional

from pydantic import model_validator

from smartcity.model.schemas.base import Id, Source, StepRef, Strict, Text
from smartcity.model.schemas.references import ReferenceRef


# ---------------------------------------------------------------- key points
class KeyPoint(Strict):
    id: Id
    text: Text
    steps: tuple[StepRef, ...] = ()  # where the guide works it out


class KeyPointGroup(Strict):
    id: Id
    title: Text
    points: tuple[KeyPoint, ...]


class KeyPointsFile(Strict):
    groups: tuple[KeyPointGroup, ...]

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for group in self.groups:
            yield "key-point-group", group.id, group
            for point in group.points:
                yield "key-point", point.id, point


# ---------------------------------------------------------------- the annexes' date
class Dated(Strict):
    """What an annex describes and when: the guide's picture of a given year, shown as a dated
    box ({{ annex_dated("smart_region") }}), so no reader takes it for today's."""

    year: int                  # the year the guide describes (2017)
    situation: Text            # what the annex describes, in the past tense
    sources: tuple[ReferenceRef, ...]


# ---------------------------------------------------------------- annex 1
class Milestone(Strict):
    id: Id
    date: datetime.date
    precision: Literal["day", "month"] = "day"  # "since December 2015" has no day
    text: Text


class Named(Strict):
    """A city, body or kind of member, with an optional note."""

    id: Id
    name: Text
    note: Optional[Text] = None


class GovernanceDimension(Strict):
    id: Id
    number: int
    title: Text
    body: Text                       # the working group that embodies it
    role: Text
    members_label: Text
    members: tuple[Named, ...]


class SmartRegionFile(Strict):
    dated: Dated
    milestones: tuple[Milestone, ...]
    aims: tuple[Named, ...]
    approaches: tuple[Named, ...]
    dimensions: tuple[GovernanceDimension, ...]

    @model_validator(mode="after")
    def _numbered(self) -> "SmartRegionFile":
        numbers = [d.number for d in self.dimensions]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"dimensions must be numbered 1, 2, 3… in order; got {numbers}")
        return self

    ID_KINDS: ClassVar[dict[str, str]] = {"dimensions": "region-dimension"}


# ---------------------------------------------------------------- annex 2
class Partner(Strict):
    id: Id
    name: Text
    kind: Literal["company", "public", "project"]
    role: Text


class InstituteFile(Strict):
    dated: Dated
    founders: tuple[Named, ...]
    members: tuple[Named, ...]
    pillars: tuple[Named, ...]
    partners: tuple[Partner, ...]
    activities: tuple[Named, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"partners": "institute-partner"}


SOURCES = [
    Source("key_points", "key_points.yml", KeyPointsFile),
    Source("smart_region", "smart_region.yml", SmartRegionFile),
    Source("institute", "smart_city_institute.yml", InstituteFile),
]
