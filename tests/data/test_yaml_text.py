"""Texts in YAML end as written. In a plain (unquoted) scalar, ` #` starts a comment, so
"after the # sign" silently becomes "after the". A plain text followed by a comment on its own
line is that mistake; identifiers with a comment after them (`locale: fr-BE  # ...`) are not."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("data/**/*.yml"), *ROOT.glob("edition/**/*.yml"), ROOT / "edition.yml"])
COMMENT_AFTER = re.compile(r"\s+#")


def cut_texts(text: str) -> list[tuple[int, str, str]]:
    """(line, kept value, comment) for every plain text scalar that a same-line comment ends."""
    lines = text.splitlines()
    found = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(value)
        elif node.style is None and node.tag.endswith(":str") and " " in node.value:
            end = node.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            if COMMENT_AFTER.match(rest):
                found.append((end.line + 1, node.value, rest.strip()))

    root = yaml.compose(text)
    if root is not None:
        walk(root)
    return found


def test_the_check_finds_a_cut_text():
    source = "msg:\n  en: Written after the # sign, never sent\n  id: fr-BE  # a note\n"
    assert cut_texts(source) == [(2, "Written after the", "# sign, never sent")]
    assert cut_texts('msg:\n  en: "Written after the # sign"\n') == []


@pytest.mark.parametrize("path", [p for p in FILES if p.is_file()], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_text_is_cut_by_a_comment(path):
    cut = cut_texts(path.read_text(encoding="utf-8"))
    assert not cut, "\n".join(
        f"{path.relative_to(ROOT)}, line {line}: the text stops at {value!r} because ' #' starts a "
        f"comment ({comment!r}); quote the whole text" for line, value, comment in cut)
