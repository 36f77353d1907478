"""The one place that decides which language a build or page is in.

The languages themselves are declared by the data root (its languages.yml, read by
smartcity.model.loader); nothing here names one."""
from __future__ import annotations

from typing import Any, Iterable, Mapping


class LanguageError(ValueError):
    pass


def page_lang(config: Mapping[str, Any], declared: Iterable[str] | None = None) -> str:
    """Language of the build: each per-language config sets `theme.language`.

    Every page of a build shares it, since each language is its own build. With `declared`
    (the data root's languages), any other language is refused.
    """
    theme = config.get("theme")
    lang = theme.get("language") if hasattr(theme, "get") else getattr(theme, "language", None)
    if lang is None and hasattr(theme, "__getitem__"):
        lang = theme["language"]
    if not isinstance(lang, str) or (declared is not None and lang not in tuple(declared)):
        known = ", ".join(declared) if declared is not None else "a declared language"
        raise LanguageError(f"theme.language is '{lang}'; the data's languages.yml declares {known}")
    return lang

