"""Typography on built HTML: no-break spaces where a language needs them.

Authors type ordinary spaces; for French this keeps "70 %", "7 500", "« mot »" and
"question ?" from breaking across lines. Only text is touched: tags, attributes, code,
scripts and styles are left as they are. Which rules a language takes, and the words that
stay with their number, come from the data's languages.yml (a rule set is named there).
"""
from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"
NNBSP = "\u202f"

_SKIP = re.compile(r"(<(code|pre|script|style|kbd|samp|textarea)\b.*?</\2>|<[^>]+>)", re.S | re.I)
_INLINE_CODE = {"code", "kbd", "samp"}
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
RULE_SETS = {
    "french": [
        (re.compile(r"(?<=\S)[ \u00a0\u202f]+([;!?])(?=\s|$|<|\))"), NNBSP + r"\1"),
        (re.compile(r"(?<=\S)[ \u00a0]+:(?=\s|$)"), NBSP + ":"),
        (re.compile(r"(?<=\d)[ \u202f]+%"), NBSP + "%"),
        (_THOUSANDS, NNBSP),
        (re.compile(r"«[ \u00a0\u202f]*"), "«" + NNBSP),
        (re.compile(r"[ \u00a0\u202f]*»"), NNBSP + "»"),
    ],
}


@lru_cache(maxsize=8)
def _rules(name: str | None, unit_words: tuple[str, ...]) -> list[tuple[re.Pattern, str]]:
    rules = list(RULE_SETS.get(name, [])) if name else []
    if unit_words:
        words = "|".join(re.escape(w) for w in sorted(unit_words, key=len, reverse=True))
        rules.append((re.compile(rf"(?<=\d) (?=(?:{words})\b)"), NBSP))
    return rules


def typeset_text(text: str, rules: str | None, unit_words: tuple[str, ...] = ()) -> str:
    """Plain text with the spacing of the rule set `rules` (None: left as it is)."""
    compiled = _rules(rules, tuple(unit_words))
    if not compiled:
        return text
    for pattern, repl in compiled:
        text = pattern.sub(repl, text)
    # Thousands may have several groups (1 000 000): a second pass joins the overlapping ones
    return _THOUSANDS.sub(NNBSP, text) if any(p is _THOUSANDS for p, _ in compiled) else text


def typeset(html: str, rules: str | None, unit_words: tuple[str, ...] = ()) -> str:
    """The same rules on the text nodes of an HTML fragment."""
    if not _rules(rules, tuple(unit_words)):
        return html
    out, pos, last = [], 0, ""
    for match in _SKIP.finditer(html):
        text = html[pos:match.start()]
        out.append(_across(last, text, rules, unit_words))
        last = text[-1:] or last  # a tag alone (</strong>, <abbr>) keeps the text before it
        if match.group(2):  # inline code reads as a word before what follows; a block does not
            last = "x" if match.group(2).lower() in _INLINE_CODE else ""
        out.append(match.group(0))
        pos = match.end()
    out.append(_across(last, html[pos:], rules, unit_words))
    return "".join(out)


def _across(last: str, text: str, rules: str | None, unit_words: tuple[str, ...]) -> str:
    """A text node typeset as the continuation of the text before it, across inline tags:
    in "<strong>Coût</strong> :" the space before the colon follows a word."""
    if not last or last.isspace() or not text[:1].isspace():
        return typeset_text(text, rules, unit_words)
    joined = typeset_text(last + text, rules, unit_words)
    return joined[1:] if joined[:1] == last else typeset_text(text, rules, unit_words)
