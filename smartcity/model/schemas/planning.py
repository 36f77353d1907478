"""Phase 1 reference lists (diagnosis themes, stakeholder mechanisms, indicator principles,
communication choices and channels), the CITYkeys indicator categories, and example
objectives with their indicators (St. Albert, CITYkeys)."""
from __future__ import annotations

from typing import Annotated, ClassVar, Iterator, Optional

from pydantic import Field

from smartcity.model.schemas.base import CaseRef, DimensionRef, Id, Source, Strict, Text


class ListEntry(Strict):
    """One entry of a reference list: a short title, an explanation, optional examples."""

    id: Id
    title: Text
    text: Optional[Text] = None
    examples: tuple[Text, ...] = ()


# The lists data/planning.yml holds, and the kind each one's ids belong to.
LISTS = {
    "diagnosis_themes": "diagnosis-theme",
    "analysis_tools": "analysis-tool",
    "stakeholder_mechanisms": "stakeholder-mechanism",
    "indicator_principles": "indicator-principle",
    "communication_objectives": "communication-objective",
    "communication_decisions": "communication-decision",
    "communication_channels": "communication-channel",
}


class PlanningFile(Strict):
    diagnosis_themes: tuple[ListEntry, ...]
    analysis_tools: tuple[ListEntry, ...]
    stakeholder_mechanisms: tuple[ListEntry, ...]
    indicator_principles: tuple[ListEntry, ...]
    communication_objectives: tuple[ListEntry, ...]
    communication_decisions: tuple[ListEntry, ...]
    communication_channels: tuple[ListEntry, ...]

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for name, kind in LISTS.items():
            for entry in getattr(self, name):
                yield kind, entry.id, entry


class CitykeysCategory(Strict):
    """One of the four CITYkeys indicator categories and its themes (reused by the worksheets)."""

    id: Id
    title: Text
    themes: Annotated[tuple[Text, ...], Field(min_length=1)]


class CitykeysFile(Strict):
    categories: tuple[CitykeysCategory, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"categories": "citykeys-category"}


class IndicatorGroup(Strict):
    """A theme of a plan, one of its objectives and the indicators that measure it."""

    id: Id
    theme: Text
    dimension: Optional[DimensionRef] = None
    objective: Text
    indicators: Annotated[tuple[Text, ...], Field(min_length=1)]


class IndicatorSet(Strict):
    id: Id
    case: CaseRef
    groups: tuple[IndicatorGroup, ...]


class IndicatorExamplesFile(Strict):
    sets: tuple[IndicatorSet, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"sets": "indicator-set"}


SOURCES = [
    Source("planning", "planning.yml", PlanningFile),
    Source("citykeys", "citykeys.yml", CitykeysFile),
    Source("indicator_examples", "indicator-examples.yml", IndicatorExamplesFile),
]
