"""The edition's colours: each measured wherever the theme uses it, in both palettes."""
from __future__ import annotations

from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from smartcity.edition import colour
from smartcity.model.schemas.base import Strict


def field_error(message: str) -> PydanticCustomError:
    """A validation error whose message is ours, word for word (smartcity/core/validation_words.py)."""
    return PydanticCustomError("edition", "{message}", {"message": message})


_error = field_error


class Colours(Strict):
    """Each colour is measured wherever the theme uses it (smartcity/edition/colour.py, USES), in both
    palettes. Header text first, then primary, then accent: each is measured with those before it."""

    header_text: str = colour.WHITE
    primary: str
    accent: str

    @field_validator("header_text")
    @classmethod
    def _hex(cls, value: str) -> str:
        try:
            return colour.normalise(value)
        except ValueError as err:
            raise _error(str(err)) from None

    @field_validator("primary", "accent")
    @classmethod
    def _readable(cls, value: str, info: ValidationInfo) -> str:
        try:
            value = colour.normalise(value)
        except ValueError as err:
            raise _error(str(err)) from None
        known = {"header_text": info.data.get("header_text", colour.WHITE), info.field_name: value}
        if info.field_name == "accent":
            if "primary" not in info.data:
                return value  # the primary is refused already; the accent is measured on its tints
            known["primary"] = info.data["primary"]
        problem = colour.refusal(info.field_name, known)
        if problem:
            raise _error(problem)
        return value
