"""Case studies: one file per case in data/cases/ (and local cases of a fork)."""
from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from .base import CaseRef, DimensionRef, Id, NonEmpty, Source, StepRef, Strict, Text, ref


class Population(Strict):
    value: Annotated[int, Field(gt=0)]
    year: Optional[int] = None
    approx: bool = False


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


class Case(Strict):
    id: Id
    city: Text
    country: Text
    country_code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    population: Optional[Population] = None
    steps: tuple[StepRef, ...] = ()  # empty for a case of the opening chapter
    dimensions: tuple[DimensionRef, ...] = ()
    themes: tuple[Text, ...] = ()
    summary: Text
    story: Optional[Text] = None
    stats: tuple[Stat, ...] = ()
    facts: tuple[Text, ...] = ()
    quotes: tuple[Quote, ...] = ()
    related: tuple[CaseRef, ...] = ()
    source: CaseSource = CaseSource()
    local: bool = False


SOURCES = [Source("cases", "cases/*.yml", Case, kind="case", many=True)]
