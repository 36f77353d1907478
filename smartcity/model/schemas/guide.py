"""The guide's skeleton: phases, steps (and the parts of step p2-s2), checklist, dimensions."""
from __future__ import annotations

from typing import ClassVar, Iterator

from pydantic import ValidationInfo, field_validator, model_validator

from smartcity.model.schemas.base import Id, Source, StepRef, Strict, Text


def _slug_starts_with_id(slug: str, info: ValidationInfo) -> str:
    own = info.data.get("id")
    if own and not slug.startswith(own + "-"):
        raise ValueError(f"slug '{slug}' must start with its id '{own}-'")
    return slug


class Part(Strict):
    """A sub-page of a step, such as the four reflections of p2-s2."""

    id: Id
    slug: Id
    title: Text
    summary: Text

    _slug = field_validator("slug")(_slug_starts_with_id)


class Step(Strict):
    id: Id
    number: int
    slug: Id
    title: Text
    summary: Text
    parts: tuple[Part, ...] = ()

    _slug = field_validator("slug")(_slug_starts_with_id)

    @model_validator(mode="after")
    def _parts_belong(self) -> "Step":
        for part in self.parts:
            if not part.id.startswith(self.id):
                raise ValueError(f"part id '{part.id}' must start with its step id '{self.id}'")
        return self


class Phase(Strict):
    id: Id
    number: int
    slug: Id
    title: Text
    short: Text
    summary: Text
    steps: tuple[Step, ...]

    @model_validator(mode="after")
    def _steps_belong(self) -> "Phase":
        for step in self.steps:
            if not step.id.startswith(self.id + "-s"):
                raise ValueError(f"step '{step.id}' does not belong to phase '{self.id}'")
        return self


class PhasesFile(Strict):
    phases: tuple[Phase, ...]

    @model_validator(mode="after")
    def _numbered_in_order(self) -> "PhasesFile":
        numbers = [s.number for p in self.phases for s in p.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"step numbers must run 1, 2, 3… in order; got {numbers}")
        return self

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for phase in self.phases:
            yield "phase", phase.id, phase
            for step in phase.steps:
                yield "step", step.id, step
                for part in step.parts:
                    yield "step", part.id, part


class ChecklistItem(Strict):
    id: Id
    step: StepRef
    text: Text


class ChecklistFile(Strict):
    items: tuple[ChecklistItem, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"items": "checklist-item"}


class Dimension(Strict):
    id: Id
    title: Text
    summary: Text
    description: Text
    icon: str


class DimensionsFile(Strict):
    dimensions: tuple[Dimension, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"dimensions": "dimension"}


SOURCES = [
    Source("phases", "phases.yml", PhasesFile),
    Source("checklist", "checklist.yml", ChecklistFile),
    Source("dimensions", "dimensions.yml", DimensionsFile),
]
