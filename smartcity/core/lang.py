"""The one place that decides which language a build or page is in."""
from __future__ import annotations

from typing import Any, Mapping

LANGS = ("fr", "en")  # the languages the guide is written in



class LanguageError(ValueError):
    pass


def page_lang(config: Mapping[str, Any]) -> str:
    """Language of the build: each per-language config sets `theme.language`.

    Every page of a build shares it, since each language is its own build.
    """
    theme = config.get("theme")
    lang = theme.get("language") if hasattr(theme, "get") else getattr(theme, "language", None)
    if lang is None and hasattr(theme, "__getitem__"):
        lang = theme["language"]
    if lang not in LANGS:
        raise LanguageError(f"theme.language is '{lang}'; this guide is written in {', '.join(LANGS)}")
    return lang


def other_langs(lang: str, offered: tuple[str, ...] = LANGS) -> list[str]:
    return [code for code in offered if code != lang]
