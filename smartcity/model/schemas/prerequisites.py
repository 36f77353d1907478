"""Phase 0 reference lists: leadership assets, stakeholders, the participation ladder.

The worksheets reuse these files, so their top-level keys and ids are stable.
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Iterator, Optional

from pydantic import Field

from smartcity.model.schemas.base import Id, Source, Strict, Text


class LeadershipAsset(Strict):
    id: Id
    text: Text


class LeadershipFile(Strict):
    assets: Annotated[tuple[LeadershipAsset, ...], Field(min_length=1)]

    ID_KINDS: ClassVar[dict[str, str]] = {"assets": "leadership-asset"}


class StakeholderType(Strict):
    id: Id
    title: Text
    description: Text


class CivilSocietyRole(Strict):
    id: Id
    title: Text
    description: Text


class StakeholdersFile(Strict):
    types: Annotated[tuple[StakeholderType, ...], Field(min_length=1)]
    roles: Annotated[tuple[CivilSocietyRole, ...], Field(min_length=1)]

    ID_KINDS: ClassVar[dict[str, str]] = {"types": "stakeholder-type", "roles": "civil-society-role"}


class Rung(Strict):
    id: Id
    title: Text
    description: Text
    # False for a rung of Arnstein's model that the guide's figure leaves out.
    in_guide: bool = True


class Level(Strict):
    id: Id
    title: Text
    summary: Optional[Text] = None
    rungs: Annotated[tuple[Rung, ...], Field(min_length=1)]


class ParticipationFile(Strict):
    """Levels and their rungs, ordered from least to most participation."""

    levels: Annotated[tuple[Level, ...], Field(min_length=1)]

    def rungs(self) -> list[tuple[Level, Rung]]:
        """Every rung bottom-up, with its level: rung n of the ladder is item n-1."""
        return [(level, rung) for level in self.levels for rung in level.rungs]

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for level in self.levels:
            yield "participation-level", level.id, level
            for rung in level.rungs:
                yield "participation-rung", rung.id, rung


SOURCES = [
    Source("leadership", "leadership.yml", LeadershipFile),
    Source("stakeholders", "stakeholders.yml", StakeholdersFile),
    Source("participation", "participation.yml", ParticipationFile),
]
