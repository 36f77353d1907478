"""The data root's languages.yml: the languages its texts are written in, and what the code
does differently in each (numbers, typography, documents' locale, search stemming)."""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import StringConstraints, model_validator

from smartcity.core.typography import typeset, typeset_text
from smartcity.model.schemas.base import NonEmpty, Source, Strict

Code = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class Numbers(Strict):
    thousands: str  # between groups of three digits: 7 500, 7,500
    decimal: NonEmpty


class Typography(Strict):
    """Spacing applied to built text (smartcity/core/typography.py holds the rule sets)."""

    rules: Optional[Literal["french"]] = None
    unit_words: tuple[NonEmpty, ...] = ()  # a no-break space joins a number to these


class Language(Strict):
    code: Code
    locale: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}-[A-Z]{2}$")]  # DOCX, ODT, PDF
    search: NonEmpty  # the search plugin's `lang` in config/<code>.yml
    numbers: Numbers
    typography: Typography = Typography()

    def typeset(self, html: str) -> str:
        """Built HTML with this language's spacing (pages, guide PDF)."""
        return typeset(html, self.typography.rules, self.typography.unit_words)

    def typeset_text(self, text: str) -> str:
        """Plain text with it (documents and script strings, which no page hook reaches)."""
        return typeset_text(text, self.typography.rules, self.typography.unit_words)


class LanguagesFile(Strict):
    languages: tuple[Language, ...]
    # The open data lists cases alphabetically in this language when the edition offers it.
    open_data_order: Optional[Code] = None

    @model_validator(mode="after")
    def _some_and_unique(self) -> "LanguagesFile":
        if not self.languages:
            raise ValueError("declare at least one language")
        seen = [lang.code for lang in self.languages]
        twice = sorted({code for code in seen if seen.count(code) > 1})
        if twice:
            raise ValueError(f"language {', '.join(twice)} is declared twice")
        if self.open_data_order is not None and self.open_data_order not in seen:
            raise ValueError(f"open_data_order '{self.open_data_order}' is not a declared language")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def of(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise ValueError(f"'{code}' is not a declared language (languages.yml declares {', '.join(self.codes)})")


SOURCES = [Source("languages", "languages.yml", LanguagesFile)]
