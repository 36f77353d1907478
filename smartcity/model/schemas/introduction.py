"""The opening chapter's reference lists: challenges, components, approaches, benefits, obstacles."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import model_validator

from smartcity.model.schemas.base import DimensionRef, Id, NonEmpty, Source, StepRef, Strict, Text


class Trend(Strict):
    """A global challenge that makes the smart city urgent (demography, competition…)."""

    id: Id
    title: Text
    text: Text


class Domain(Strict):
    """A field where cities face their own challenges, tied to the dimension that answers it."""

    id: Id
    dimension: DimensionRef
    title: Text
    motto: Text
    issues: tuple[Text, ...]
    need: Text | None = None  # the conclusion the guide draws for the domain, where it draws one


class ChallengesFile(Strict):
    trends: tuple[Trend, ...]
    domains: tuple[Domain, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"trends": "trend", "domains": "challenge-domain"}


class Component(Strict):
    """One part of the smart-city model: a factor (Nam & Pardo) or the goal it serves."""

    id: Id
    role: Literal["factor", "goal"]
    title: Text
    short: Text          # the label a diagram can print
    description: Text
    examples: tuple[Text, ...] = ()


class ComponentsFile(Strict):
    reference: NonEmpty  # the model the components come from, as cited
    components: tuple[Component, ...]

    @model_validator(mode="after")
    def _one_goal(self) -> "ComponentsFile":
        goals = [c.id for c in self.components if c.role == "goal"]
        if len(goals) != 1:
            raise ValueError(f"exactly one component must have role 'goal'; got {goals or 'none'}")
        return self

    ID_KINDS: ClassVar[dict[str, str]] = {"components": "component"}


class Approach(Strict):
    title: Text
    gist: Text


class ApproachRow(Strict):
    id: Id
    aspect: Text
    top_down: Text
    bottom_up: Text


class ApproachesFile(Strict):
    top_down: Approach
    bottom_up: Approach
    rows: tuple[ApproachRow, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"rows": "approach-row"}


class BenefitGroup(Strict):
    """What a municipality gains, grouped by the goal of the balance it serves."""

    id: Id
    goal: Text
    title: Text
    items: tuple[Text, ...]
    dimensions: tuple[DimensionRef, ...] = ()


class BenefitsFile(Strict):
    groups: tuple[BenefitGroup, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"groups": "benefit-group"}


class Obstacle(Strict):
    id: Id
    title: Text
    text: Text
    steps: tuple[StepRef, ...] = ()  # the steps of the journey that help overcome it


class ObstaclesFile(Strict):
    obstacles: tuple[Obstacle, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"obstacles": "obstacle"}


SOURCES = [
    Source("challenges", "challenges.yml", ChallengesFile),
    Source("components", "components.yml", ComponentsFile),
    Source("approaches", "approaches.yml", ApproachesFile),
    Source("benefits", "benefits.yml", BenefitsFile),
    Source("obstacles", "obstacles.yml", ObstaclesFile),
]
