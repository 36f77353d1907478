"""Key figures shown as stat cards: the number is data, the wording per language."""
from __future__ import annotations

from typing import ClassVar, Optional

from smartcity.model.schemas.base import Id, Source, Strict, Text, ref
from smartcity.model.schemas.references import ReferenceRef


class Figure(Strict):
    id: Id
    group: Id
    value: float | int
    unit: Optional[ref("unit")] = None
    approx: bool = False
    label: Text
    source: ReferenceRef  # the source it comes from (data/references/): required
    source_line: Optional[int] = None  # where the guide gives it, when the source is the guide
    footnote: Optional[int] = None


class FiguresFile(Strict):
    figures: tuple[Figure, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"figures": "figure"}


# One file per topic (data/figures/<topic>.yml), so each chapter owns its figures.
SOURCES = [Source("figures", "figures/*.yml", FiguresFile, many=True)]
