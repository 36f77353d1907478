"""Validation problems in plain words: what was found and what is expected, never a regular
expression or a library's wording. Used by the data loader and the edition file."""
from __future__ import annotations

from typing import Any

# What each pattern of the models asks for, in words.
PATTERNS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$":
        "lowercase letters, digits and hyphens, starting and ending with a letter or a digit (for example val-fleuri)",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an email address such as smartcity@commune.be",
    r"^[A-Z]{2}$": "a two-letter country code in capitals (for example BE)",
    r"^[a-z0-9-]+(?:/[a-z0-9-]+)*\.md$":
        "a page path under docs/<language>/ in lowercase letters, digits and hyphens, ending in .md",
}
URL = "a full web address starting with https:// or http:// (for example https://guide.commune.be/)"
BY_TYPE = {
    "missing": "is required: add it",
    "extra_forbidden": "is not a field this file knows: check its spelling or remove it",
    "url_parsing": URL, "url_scheme": URL, "url_syntax_violation": URL, "url_type": URL,
    "bool_type": "expected true or false", "bool_parsing": "expected true or false",
    "int_type": "expected a whole number", "int_parsing": "expected a whole number",
    "string_type": "expected a text", "list_type": "expected a list", "tuple_type": "expected a list",
    "dict_type": "expected a mapping of names to values", "model_type": "expected a mapping of names to values",
}


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…"


def plain(problem: dict[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a sentence for an editor."""
    kind, given = problem["type"], problem.get("input")
    if kind in ("value_error", "assertion_error") and "error" in problem.get("ctx", {}):
        return str(problem["ctx"]["error"])  # the model's own sentence, without "Value error, "
    if kind == "string_pattern_mismatch":
        wanted = PATTERNS.get(problem.get("ctx", {}).get("pattern"), "a value of the documented form")
        return f"expected {wanted}, not {_shown(given)}"
    if kind in BY_TYPE:
        words = BY_TYPE[kind]
        if kind in ("missing", "extra_forbidden"):
            return words
        return f"{words if words.startswith('expected') else 'expected ' + words}, not {_shown(given)}"
    return problem["msg"]
