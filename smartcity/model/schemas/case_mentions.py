"""How the pages name cases: what tests/data/test_case_mentions.py looks for, and the
mentions that stay when a case is hidden because they are there for another reason."""
from __future__ import annotations

from typing import Literal

from smartcity.model.schemas.base import CaseRef, NonEmpty, Source, Strict, Text


class Names(Strict):
    """What a page calls a case whose `city` is a label (a project, a tool, a country)."""

    case: CaseRef
    fr: tuple[NonEmpty, ...]
    en: tuple[NonEmpty, ...]


class Elsewhere(Strict):
    """A page names a case for a reason of its own, so the name stays when the case is hidden."""

    page: NonEmpty                                   # path under docs/<lang>/, .md
    case: CaseRef
    langs: tuple[Literal["fr", "en"], ...] = ("fr", "en")
    reason: Text


class CaseMentionsFile(Strict):
    names: tuple[Names, ...] = ()
    elsewhere: tuple[Elsewhere, ...] = ()


SOURCES = [Source("case_mentions", "case_mentions.yml", CaseMentionsFile)]
