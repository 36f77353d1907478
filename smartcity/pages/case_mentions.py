"""Passages and short mentions that tell a case go when the edition hides it.

A page marks what tells a case with a call block; it renders its body only
while the edition shows the case (edition.yml `cases.show`):

    {% call about_cases("chicago") %}  … every case named is shown
    {% call about_any_case("chicago", "barcelona") %}  … at least one is shown

`about_cases` is for what tells those cases; `about_any_case` for a lead-in
to per-case passages, which must name no case itself. `case_names(…)` writes
the shown cases' names from data, joined with the language's "and"; it must
sit in a block that goes once none of them is left.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Optional

from smartcity.model.loader import DataError
from smartcity.model.traversal import shows
from smartcity.pages.registry import Ctx, macro

# What a hidden block leaves until tidy() takes it out with its line, so that hiding one
# item of a list leaves no blank line (a loose list). An HTML comment, should it stay.
HIDDEN = "<!-- sc-hidden -->"
_HIDDEN_LINE = re.compile(rf"^[ \t]*{re.escape(HIDDEN)}[ \t]*\n", re.M)


def tidy(markdown: str) -> str:
    """The page once its macros ran (smartcity/mkdocs/macros.py, on_post_page_macros)."""
    return _HIDDEN_LINE.sub("", markdown).replace(HIDDEN, "")


def source_page(ctx: Ctx) -> str:
    """The page's Markdown file, for messages (use_directory_urls is off: a.html <- a.md)."""
    stem = ctx.url[:-5] if ctx.url.endswith(".html") else ctx.url
    return f"docs/{ctx.lang}/{stem}.md"


def _checked(ctx: Ctx, name: str, ids: tuple[str, ...]) -> tuple[str, ...]:
    """Every id must be a case of data/cases/ (hidden ones included); a typo stops the build."""
    if not ids:
        raise DataError(f"{source_page(ctx)}: {name}() names no case: give it one or more case ids")
    known = ctx.data.index.get("case", {})
    for case_id in ids:
        if case_id not in known:
            raise DataError(f"{source_page(ctx)}: {name}(): unknown case id '{case_id}' "
                            f"(known: {', '.join(sorted(known))})")
    return ids


def shown(ctx: Ctx, case_id: str) -> bool:
    return shows(ctx.data, case_id)


def _block(ctx: Ctx, name: str, ids: tuple[str, ...], keep: bool, caller: Optional[Callable[[], str]]) -> str:
    if caller is None:
        raise DataError(f"{source_page(ctx)}: {name}() is a block: write "
                        f"{{% call {name}(…) %}} … {{% endcall %}}")
    # The body's own first and last line breaks go, so a block can hold one item of a list.
    return str(caller()).strip("\n") if keep else HIDDEN


@macro
def about_cases(ctx: Ctx, *ids: str, caller: Optional[Callable[[], str]] = None) -> str:
    """A passage that tells these cases: kept only while every one of them is shown."""
    ids = _checked(ctx, "about_cases", ids)
    return _block(ctx, "about_cases", ids, all(shown(ctx, i) for i in ids), caller)


@macro
def about_any_case(ctx: Ctx, *ids: str, caller: Optional[Callable[[], str]] = None) -> str:
    """A lead-in to passages on these cases: kept while at least one of them is shown."""
    ids = _checked(ctx, "about_any_case", ids)
    return _block(ctx, "about_any_case", ids, any(shown(ctx, i) for i in ids), caller)


def join_names(ctx: Ctx, names: list[str]) -> str:
    """A, B and C: commas, then the language's word for "and" (data/ui/core.yml)."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {ctx.data.t('list.and', ctx.lang)} {names[-1]}"


@macro
def case_names(ctx: Ctx, *ids: str, before: str = "") -> str:
    """The names (`city`) of those of these cases the edition shows, in this order;
    `before` goes before each name (before="à " gives "à Bologne et à Santander")."""
    ids = _checked(ctx, "case_names", ids)
    names: list[Any] = [before + ctx.data.get("case", i).city(ctx.lang) for i in ids if shown(ctx, i)]
    if not names:
        raise DataError(f"{source_page(ctx)}: case_names({', '.join(ids)}): the edition hides every one, "
                        f"so the sentence would name none: put it in "
                        f"{{% call about_any_case({', '.join(repr(i) for i in ids)}) %}}")
    return join_names(ctx, names)
