"""The per-language abbreviation snippet that pymdownx.snippets appends to every page."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .loader import ROOT

CACHE = ROOT / ".cache" / "abbr"


def abbreviations(data: Any, lang: str) -> str:
    """Markdown abbreviation definitions (`*[PPP]: …`) for every glossary term with a short form."""
    lines = []
    for term in data.glossary.terms if data.glossary else ():
        if term.abbr:
            text = term.definition(lang).replace("\n", " ").strip()
            lines.append(f"*[{term.abbr(lang)}]: {text}")
    return "\n".join(lines) + "\n"


def write_abbreviations(data: Any, lang: str, cache: Path = CACHE) -> Path:
    """Write the snippet only when it changed, so `make serve` does not loop."""
    path = cache / f"abbr.{lang}.md"
    text = abbreviations(data, lang)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
