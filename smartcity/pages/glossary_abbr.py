"""The per-language abbreviation snippet that pymdownx.snippets appends to every page."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from smartcity.pages.glossary import term_definition
from smartcity.model.loader import ROOT

CACHE = ROOT / ".cache" / "abbr"


def plain(text: str) -> str:
    """A tooltip is plain text: drop Markdown links, emphasis and line breaks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|\*|__|`)", "", text)
    return " ".join(text.split())


# Authors wrap lines, and Markdown abbreviations match exact text: "Big Data" misses
# "Big\nData". So a two-word form is also defined split at a line end, followed by
# the indentation a list item or admonition may leave (up to this many spaces).
MAX_INDENT = 8


def wrapped(form: str) -> list[str]:
    """The form, then the same form broken across two lines at its first space."""
    first, sep, rest = form.partition(" ")
    if not sep:
        return [form]
    return [form] + [f"{first}\n{' ' * n}{rest}" for n in range(MAX_INDENT + 1)]


def abbreviations(data: Any, lang: str) -> str:
    """Markdown abbreviation definitions (`*[PPP]: …`) for every form of every glossary term
    that has a short form. Longer forms win where they overlap (NB-IoT over IoT)."""
    lines = []
    for term in data.glossary.terms if data.glossary else ():
        text = plain(term_definition(data, term, lang))
        for form in term.forms(lang):
            lines.extend(f"*[{variant}]: {text}" for variant in wrapped(form))
    # One block per definition: Python-Markdown re-scans a block after each definition
    # it takes out of it, which is quadratic in a block of hundreds of lines.
    return "\n\n".join(lines) + "\n"


def write_abbreviations(data: Any, lang: str, cache: Path = CACHE) -> Path:
    """Write the snippet only when it changed, so `make serve` does not loop."""
    path = cache / f"abbr.{lang}.md"
    text = abbreviations(data, lang)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
