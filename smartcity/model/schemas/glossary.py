"""Glossary terms: the glossary page and the abbreviation tooltips on every page share them."""
from __future__ import annotations

import re
from typing import ClassVar, Optional

from pydantic import Field, ValidationInfo, model_validator

from smartcity.model.schemas.base import (
    ByLanguage, CaseRef, DimensionRef, Id, NonEmpty, Source, StepRef, Strict, Text, offered, ref,
)

TermRef = ref("term")


class Forms(ByLanguage):
    """More spellings that get the tooltip in one language (plurals, capitals, the other
    language's acronym), since Markdown abbreviations match exact, case-sensitive text.
    Any declared language may have some."""

    REQUIRED: ClassVar[bool] = False
    EMPTY: ClassVar[tuple[str, ...]] = ()
    __pydantic_extra__: dict[str, tuple[NonEmpty, ...]] = Field(init=False)


class CaseExample(Strict):
    """A sentence of a definition that tells a case: shown only while the edition shows it."""

    case: CaseRef
    text: Text


class Term(Strict):
    """A term of the glossary. A dimension term borrows its title and definition from
    data/dimensions.yml, so the six dimensions are described in one place only."""

    id: Id
    term: Optional[Text] = None
    abbr: Optional[Text] = None      # the short form hovered in text, e.g. PPP / PPP
    also: Optional[Forms] = None     # further forms that get the same tooltip
    definition: Optional[Text] = None
    example: Optional[CaseExample] = None  # follows the definition
    dimension: Optional[DimensionRef] = None
    see: tuple[TermRef, ...] = ()    # related terms
    steps: tuple[StepRef, ...] = ()  # steps of the guide that deal with it
    page: Optional[NonEmpty] = None  # another page of the guide, as docs/<lang>/ path (.md)
    region: Optional[Id] = None  # a regional instrument's term: shown by that region's editions only

    @model_validator(mode="after")
    def _own_or_dimension(self, info: ValidationInfo) -> "Term":
        if self.dimension is None and (self.term is None or self.definition is None):
            raise ValueError(f"term '{self.id}' needs `term` and `definition`, or a `dimension` to borrow them from")
        if self.also and not self.abbr:
            raise ValueError(f"term '{self.id}': `also` adds forms to `abbr`: give it an `abbr` first")
        if self.page is not None and not self.page.endswith(".md"):
            raise ValueError(f"term '{self.id}': page '{self.page}' must be a .md path relative to docs/<lang>/")
        for lang in offered(info):
            for form in self.forms(lang):
                if not re.fullmatch(r"[\w][\w .&-]*[\w]", form):
                    raise ValueError(f"term '{self.id}': abbreviation '{form}' ({lang}) must start and end with a letter or digit")
        return self

    def forms(self, lang: str) -> tuple[str, ...]:
        """Every spelling that gets the tooltip in `lang`, short form first."""
        if not self.abbr:
            return ()
        return (self.abbr(lang), *(self.also(lang) if self.also else ()))


class GlossaryFile(Strict):
    terms: tuple[Term, ...]

    @model_validator(mode="after")
    def _forms_unique(self, info: ValidationInfo) -> "GlossaryFile":
        for lang in offered(info):
            seen: dict[str, str] = {}
            for term in self.terms:
                for form in term.forms(lang):
                    if form in seen and seen[form] != term.id:
                        raise ValueError(f"abbreviation '{form}' ({lang}) belongs to both '{seen[form]}' and '{term.id}'")
                    seen[form] = term.id
        return self

    ID_KINDS: ClassVar[dict[str, str]] = {"terms": "term"}


SOURCES = [Source("glossary", "glossary.yml", GlossaryFile, optional=True)]
