"""The per-language abbreviation snippet that pymdownx.snippets appends to every page."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .glossary import term_definition
from .loader import ROOT

CACHE = ROOT / ".cache" / "abbr"


def plain(text: str) -> str:
    """A tooltip is plain text: drop Markdown links, emphasis and line breaks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|\*|__|`)", "", text)
    return " ".join(text.split())


def abbreviations(data: Any, lang: str) -> str:
    """Markdown abbreviation definitions (`*[PPP]: …`) for every form of every glossary term
    that has a short form. Longer forms win where they overlap (NB-IoT over IoT)."""
    lines = []
    for term in data.glossary.terms if data.glossary else ():
        text = plain(term_definition(data, term, lang))
        for form in term.forms(lang):
            lines.append(f"*[{form}]: {text}")
    return "\n".join(lines) + "\n"


def write_abbreviations(data: Any, lang: str, cache: Path = CACHE) -> Path:
    """Write the snippet only when it changed, so `make serve` does not loop."""
    path = cache / f"abbr.{lang}.md"
    text = abbreviations(data, lang)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
