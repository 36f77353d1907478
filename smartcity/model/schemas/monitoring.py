"""Phase 3 (monitoring): what to monitor, the tools to measure and compare, the ways of
hearing residents, why results drift from plans, and what to do with a pilot."""
from __future__ import annotations

from typing import Iterator, Literal, Optional

from smartcity.model.schemas.base import CaseRef, DimensionRef, Id, NonEmpty, Source, StepRef, Strict, Text


class ScopeItem(Strict):
    """One thing to monitor: the whole approach, not only its projects."""

    id: Id
    what: Text
    question: Text        # the question the monitoring committee asks about it
    evidence: Text        # what to look at to answer it
    step: Optional[StepRef] = None  # where the guide sets it up


class Tool(Strict):
    """A way to measure progress or compare with other cities."""

    id: Id
    name: NonEmpty        # a proper name, the same in both languages
    kind: Literal["framework", "index", "ranking", "data"]
    description: Text
    use: Text             # what it is good for
    caution: Text         # its limit
    dimensions: tuple[DimensionRef, ...] = ()  # the dimensions it scores cities on
    case: Optional[CaseRef] = None              # the case card that shows it


class Mechanism(Strict):
    """A way to measure residents' satisfaction or involvement."""

    id: Id
    name: Text
    measures: tuple[Literal["satisfaction", "involvement"], ...]
    how: Text
    frequency: Text
    tip: Text


class GapCause(Strict):
    """A usual reason why delivery drifts from expectations, how it shows, what to do."""

    id: Id
    cause: Text
    signs: Text
    response: Text


class PilotDecision(Strict):
    """What the review of a pilot can decide."""

    id: Id
    decision: Text
    when: Text
    next: Text


class MonitoringFile(Strict):
    scope: tuple[ScopeItem, ...]
    tools: tuple[Tool, ...]
    mechanisms: tuple[Mechanism, ...]
    gap_causes: tuple[GapCause, ...]
    pilot_decisions: tuple[PilotDecision, ...]

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for kind, items in (("monitoring-scope", self.scope), ("monitoring-tool", self.tools),
                            ("satisfaction-mechanism", self.mechanisms), ("gap-cause", self.gap_causes),
                            ("pilot-decision", self.pilot_decisions)):
            for item in items:
                yield kind, item.id, item


SOURCES = [Source("monitoring", "monitoring.yml", MonitoringFile)]
