"""Case studies: one file per case in data/cases/ (and local cases of a fork).

The explorer, the case pages and the open-data exports (cases.json, its JSON
Schema, cases.csv) are all built from this model: a new field shows up in the
schema by itself, and needs a description in data/ui/cases.yml (`field.<name>`).
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Optional

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from smartcity.model.reads import FieldReads
from smartcity.model.schemas.base import CaseRef, DimensionRef, Id, NonEmpty, Source, StepRef, Strict, Text, ref
from smartcity.model.schemas.references import ReferenceRef

# A page of the guide, as written in nav.yml: a path under docs/<lang>/.
PagePath = Annotated[str, Field(pattern=r"^[a-z0-9-]+(?:/[a-z0-9-]+)*\.md$")]


class Population(Strict):
    """A city's population, with the year it refers to and the source that gives it
    (data/references/). Official statistics give a year; the guide gives only "about"
    figures with no year, which stay `approx: true` and cite the guide. A case that is not a
    city (a framework, a ranking, national estimates) has no population: "not given"."""

    value: Annotated[int, Field(gt=0)]
    year: Optional[Annotated[int, Field(ge=1800, le=2100)]] = None
    approx: bool = False
    source: ReferenceRef

    @model_validator(mode="after")
    def _dated_or_approx(self) -> "Population":
        if self.year is None and not self.approx:
            raise ValueError("give the population's `year` (the year the figure refers to), or, for the "
                             "guide's undated \"about\" figures only, mark it `approx: true`")
        return self


class Stat(Strict):
    """A key figure, shown as a stat card: the number is data, its wording is per language."""

    value: float | int
    unit: Optional[ref("unit")] = None
    label: Text
    approx: bool = False
    # The source it comes from (data/references/). Required for a case from the guide (Case
    # checks it); a local case's figures are its edition's own, vouched for by its publisher.
    source: Optional[ReferenceRef] = None


class Quote(Strict):
    """Never the source's words: a paraphrase, with who said it."""

    paraphrase: Text
    attribution: NonEmpty


class CaseSource(Strict):
    guide: bool = True
    footnote: Optional[int] = None
    lines: Optional[str] = None


class Case(FieldReads, Strict):
    READS_SOURCE: ClassVar[str] = "cases"  # a page's reads of a case are recorded per field

    id: Id
    city: Text
    title: Optional[Text] = None  # the page's title, where the city alone does not tell two cases apart
    country: Text
    country_code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    population: Optional[Population] = None
    steps: tuple[StepRef, ...] = ()  # empty for a case of the opening chapter
    pages: tuple[PagePath, ...] = ()  # other guide pages that present the case
    dimensions: tuple[DimensionRef, ...] = ()
    themes: tuple[Text, ...] = ()
    summary: Text
    story: Optional[Text] = None
    stats: tuple[Stat, ...] = ()
    figures: tuple[ref("figure"), ...] = ()  # key figures kept in data/figures/, shared with other pages
    facts: tuple[Text, ...] = ()
    quotes: tuple[Quote, ...] = ()
    related: tuple[CaseRef, ...] = ()
    source: CaseSource = CaseSource()  # where the guide tells the case
    sources: tuple[ReferenceRef, ...] = ()  # other sources of what the story or facts state
    local: bool = False

    @model_validator(mode="after")
    def _coherent(self) -> "Case":
        if self.id in self.related:
            raise ValueError(f"case '{self.id}' lists itself in `related`")
        for name in ("steps", "dimensions", "related", "figures", "pages"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"`{name}` lists the same id twice")
        if not self.source.guide and not self.local:
            raise ValueError("a case that is not from the guide must be marked `local: true`")
        if len(set(self.sources)) != len(self.sources):
            raise ValueError("`sources` lists the same id twice")
        _stats_sourced(self)
        return self


def _stats_sourced(case: Case) -> None:
    """Each figure of a case from the guide names its source, reported at the stat's own field
    (stats[i].source), as a missing required field is."""
    if case.local:
        return
    missing = [InitErrorDetails(type=PydanticCustomError("missing", "Field required"), loc=("stats", i, "source"),
                                input=stat) for i, stat in enumerate(case.stats) if stat.source is None]
    if missing:
        raise ValidationError.from_exception_data("Case", missing)


SOURCES = [Source("cases", "cases/*.yml", Case, kind="case", many=True)]
