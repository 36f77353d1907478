"""Phase 2 reference lists: the action-plan structure, project types and the four technology levels."""
from __future__ import annotations

from typing import Annotated, ClassVar, Optional

from pydantic import Field

from smartcity.model.schemas.base import DimensionRef, Id, Source, StepRef, Strict, Text


class PlanExample(Strict):
    """One link of an illustrative chain dimension → initiative → project."""

    text: Text
    dimension: Optional[DimensionRef] = None


class PlanLevel(Strict):
    """A level of the action plan: your dimensions, your initiatives, your projects."""

    id: Id
    title: Text
    description: Text
    example: PlanExample


class ProjectType(Strict):
    """A kind of project the roadmap should hold: quick win, pilot, bottom-up, self-financing."""

    id: Id
    title: Text
    description: Text
    when: Text                       # when to reach for it
    caution: Optional[Text] = None   # the trap that comes with it
    see: Optional[StepRef] = None    # the step that says more


class ActionPlanFile(Strict):
    levels: Annotated[tuple[PlanLevel, ...], Field(min_length=1)]
    project_types: tuple[ProjectType, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"levels": "action-plan-level", "project_types": "project-type"}


class TechnologyLevel(Strict):
    """One of the four levels of smart-city technology, from the network up to the interfaces."""

    id: Id
    title: Text
    description: Text
    examples: Annotated[tuple[Text, ...], Field(min_length=1)]


class TechnologyFile(Strict):
    levels: Annotated[tuple[TechnologyLevel, ...], Field(min_length=1)]

    ID_KINDS: ClassVar[dict[str, str]] = {"levels": "technology-level"}


SOURCES = [
    Source("action_plan", "action_plan.yml", ActionPlanFile),
    Source("technology", "technology.yml", TechnologyFile),
]
