"""How the pages name cases: what tests/data/test_case_mentions.py looks for, and the
mentions that stay when a case is hidden because they are there for another reason."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from smartcity.model.schemas.base import ByLanguage, CaseRef, NonEmpty, Source, Strict, Text, declared


class Names(ByLanguage):
    """What a page calls a case whose `city` is a label (a project, a tool, a country), in
    every language."""

    EMPTY: ClassVar[tuple[str, ...]] = ()
    case: CaseRef
    __pydantic_extra__: dict[str, tuple[NonEmpty, ...]] = Field(init=False)


class Elsewhere(Strict):
    """A page names a case for a reason of its own, so the name stays when the case is hidden."""

    page: NonEmpty                                   # path under docs/<lang>/, .md
    case: CaseRef
    langs: tuple[str, ...] = Field(default=(), validate_default=True)  # none given: every language
    reason: Text

    @field_validator("langs")
    @classmethod
    def _declared(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        known = declared(info) or value
        for code in value:
            if code not in known:
                raise ValueError(f"'{code}' is not a declared language (languages.yml declares {', '.join(known)})")
        return value or tuple(known)


class CaseMentionsFile(Strict):
    names: tuple[Names, ...] = ()
    elsewhere: tuple[Elsewhere, ...] = ()


SOURCES = [Source("case_mentions", "case_mentions.yml", CaseMentionsFile)]
