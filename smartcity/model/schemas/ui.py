"""Interface strings and units: every word the templates and scripts show."""
from __future__ import annotations

from typing import Iterator

from pydantic import RootModel, field_validator

from smartcity.model.schemas.base import Source, Text


class UiFile(RootModel[dict[str, Text]]):
    """Flat map of dotted keys to text. Several files merge; a key may appear once."""

    @field_validator("root")
    @classmethod
    def _keys(cls, value: dict[str, Text]) -> dict[str, Text]:
        for key in value:
            if not key.replace(".", "").replace("_", "").replace("-", "").isalnum():
                raise ValueError(f"ui key '{key}' may only hold letters, digits, '.', '_' and '-'")
        return value

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for key, text in self.root.items():
            yield "ui", key, text


class UnitsFile(RootModel[dict[str, Text]]):
    """How a figure is written per language; `{n}` stands for the formatted number."""

    @field_validator("root")
    @classmethod
    def _placeholder(cls, value: dict[str, Text]) -> dict[str, Text]:
        for key, text in value.items():
            for lang in text.languages:
                if "{n}" not in text(lang):
                    raise ValueError(f"unit '{key}' ({lang}) must contain {{n}}")
        return value

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for key, text in self.root.items():
            yield "unit", key, text


SOURCES = [
    Source("ui", "ui/*.yml", UiFile, many=True),
    Source("units", "units.yml", UnitsFile),
]
