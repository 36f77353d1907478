"""Case studies: one file per case in data/cases/ (and local cases of a fork).

The explorer, the case pages and the open-data exports (cases.json, its JSON
Schema, cases.csv) are all built from this model: a new field shows up in the
schema by itself, and needs a description in data/ui/cases.yml (`field.<name>`).
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Optional

from pydantic import Field, model_validator

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
    source: CaseSource = CaseSource()
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
        return self


SOURCES = [Source("cases", "cases/*.yml", Case, kind="case", many=True)]
