"""French typography on built HTML: no-break spaces where French needs them.

Authors type ordinary spaces; this keeps "70 %", "7 500", "« mot »" and
"question ?" from breaking across lines. Only text is touched: tags,
attributes, code, scripts and styles are left as they are.
"""
from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_SKIP = re.compile(r"(<(code|pre|script|style|kbd|samp|textarea)\b.*?</\2>|<[^>]+>)", re.S | re.I)
_RULES = [
    (re.compile(r"(?<=\S)[ \u00a0\u202f]+([;!?])(?=\s|$|<|\))"), NNBSP + r"\1"),
    (re.compile(r"(?<=\S)[ \u00a0]+:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"(?<=\d)[ \u202f]+%"), NBSP + "%"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),
    (re.compile(r"«[ \u00a0]*"), "«" + NNBSP),
    (re.compile(r"[ \u00a0]*»"), NNBSP + "»"),
    (re.compile(r"(?<=\d) (?=(?:€|km|h|min|ans?|millions?|milliards?)\b)"), NBSP),
]


def french_text(text: str) -> str:
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    # Thousands may have several groups: 1 000 000
    return _RULES[3][0].sub(NNBSP, text)


def french(html: str) -> str:
    """Apply French spacing rules to the text nodes of an HTML fragment."""
    out, pos = [], 0
    for match in _SKIP.finditer(html):
        out.append(french_text(html[pos:match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(french_text(html[pos:]))
    return "".join(out)
