"""Financing options and business models (reflection 3 of step p2-s2): data/financing.yml.

The worksheets reuse `options` as they are, so their shape stays
{id, family, title, description}.
"""
from __future__ import annotations

from typing import ClassVar, Literal, Optional

from pydantic import model_validator

from smartcity.model.schemas.base import CaseRef, Id, Source, Strict, Text, ref

FAMILIES = ("classic", "alternative")


class FinancingOption(Strict):
    id: Id
    family: Literal["classic", "alternative"]
    title: Text
    description: Text


class Example(Strict):
    """A city that illustrates a business model, with its headline figure if it has one."""

    case: CaseRef
    figure: Optional[ref("figure")] = None
    text: Text


class BusinessModel(Strict):
    id: Id
    title: Text
    description: Text
    examples: tuple[Example, ...] = ()


class FinancingFile(Strict):
    options: tuple[FinancingOption, ...]
    business_models: tuple[BusinessModel, ...]

    @model_validator(mode="after")
    def _every_family_present(self) -> "FinancingFile":
        missing = set(FAMILIES) - {o.family for o in self.options}
        if missing:
            raise ValueError(f"no financing option in family {', '.join(sorted(missing))}")
        return self

    ID_KINDS: ClassVar[dict[str, str]] = {"options": "financing-option", "business_models": "business-model"}


SOURCES = [Source("financing", "financing.yml", FinancingFile)]
