"""Pages' Markdown rendered through the case macros without MkDocs, for the tests of
passages about cases (tests/data/test_case_mentions.py, tests/scenarios/valfleuri/test_edition_build.py).

Other macros render as a placeholder, so a sentence keeps its shape. A recording
pass finds every block, its cases and its own text; a real pass, with a data copy
whose `cases` holds only the shown ones, renders what an edition would show."""
from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

import jinja2

from smartcity.pages import case_mentions
from smartcity.pages.registry import Ctx
from tests.conftest import ROOT

MACRO = "\u2063"    # what any other macro renders as: splits text into pieces
CHILD = "\u2064"    # where a nested block or case_names stood, in the recording pass
BLOCKS = ("about_cases", "about_any_case")


class _Placeholder(jinja2.ChainableUndefined):
    def __call__(self, *args, **kwargs) -> str:
        return MACRO

    def __str__(self) -> str:
        return MACRO


ENV = jinja2.Environment(undefined=_Placeholder, keep_trailing_newline=True)


def pages(lang: str) -> list[Path]:
    return sorted((ROOT / "docs" / lang).rglob("*.md"))


def url_of(lang: str, path: Path) -> str:
    return path.relative_to(ROOT / "docs" / lang).with_suffix(".html").as_posix()


def body(path: Path) -> str:
    """The page without its front matter, as mkdocs-macros sees it."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---", 3) + 4:]
    return text


_templates: dict[Path, jinja2.Template] = {}


def template(path: Path) -> jinja2.Template:
    if path not in _templates:
        _templates[path] = ENV.from_string(body(path))
    return _templates[path]


def showing(data: Any, shown: Iterable[str]) -> Any:
    """A copy of the data as an edition showing only `shown` leaves it (smartcity/edition/model.py apply)."""
    keep = set(shown)
    view = copy.copy(data)
    view.cases = [c for c in data.cases if c.id in keep]
    return view


def render(data: Any, lang: str, path: Path) -> str:
    """The page as the case macros leave it, for the data's shown cases."""
    ctx = Ctx(data=data, lang=lang, url=url_of(lang, path), meta={})
    bound = {name: (lambda f: lambda *a, **k: f(ctx, *a, **k))(getattr(case_mentions, name))
             for name in (*BLOCKS, "case_names")}
    return case_mentions.tidy(template(path).render(**bound))


@dataclass
class Block:
    mode: str                       # about_cases or about_any_case
    ids: tuple[str, ...]
    parent: Optional["Block"]
    text: str = ""                  # its own text; CHILD where a nested block stood
    names: list[tuple[str, ...]] = field(default_factory=list)  # case_names calls in it

    def lineage(self) -> list["Block"]:
        node, found = self, []
        while node:
            found.append(node)
            node = node.parent
        return found

    def keeps(self, shown: set[str]) -> bool:
        test = all if self.mode == "about_cases" else any
        return test(i in shown for i in self.ids)

    def visible(self, shown: set[str]) -> bool:
        return all(b.keeps(shown) for b in self.lineage())


def record(lang: str, path: Path) -> tuple[str, list[Block]]:
    """The page's text outside any block, and its blocks (ids checked by the real macros)."""
    stack: list[Block] = []
    blocks: list[Block] = []
    top_names: list[tuple[str, ...]] = []

    def block(mode):
        def call(*ids, caller):
            node = Block(mode, ids, stack[-1] if stack else None)
            stack.append(node)
            node.text = str(caller())
            stack.pop()
            blocks.append(node)
            return CHILD
        return call

    def names(*ids, **kwargs):
        (stack[-1].names if stack else top_names).append(ids)
        return CHILD

    outside = template(path).render(about_cases=block("about_cases"), about_any_case=block("about_any_case"),
                                    case_names=names)
    return outside, blocks


def words(text: str) -> str:
    """Letters and digits only, single-spaced: Markdown or HTML, typography and entities aside."""
    return " ".join(re.findall(r"[^\W_]+", text))


def fragment(text: str) -> str | None:
    """The longest line of a block's own prose (4 words or more) that no macro interrupts."""
    best = ""
    for piece in re.split(f"[{MACRO}{CHILD}]", text):
        for line in piece.splitlines():
            line = re.sub(r"\]\([^)]*\)", "]", line)
            if line.lstrip().startswith(("!!!", "{{", "{%", "|")):
                continue
            found = words(line)
            if len(found.split()) >= 4 and len(found) > len(best):
                best = found
    return best or None


def html_words(page: str) -> str:
    """A built page's text as words (the article only: the nav and search templates aside)."""
    match = re.search(r"<article[^>]*>(.*)</article>", page, re.S)
    text = match.group(1) if match else page
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    return words(html.unescape(re.sub(r"<[^>]+>", " ", text)))
