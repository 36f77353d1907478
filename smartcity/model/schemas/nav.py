"""The navigation, per language: section titles are translated, pages are shared paths."""
from __future__ import annotations

from typing import Optional, Union

from pydantic import model_validator

from smartcity.model.schemas.base import Source, Strict, Text


class NavEntry(Strict):
    """Exactly one of: a page, a titled section of pages, or the journey (phases from phases.yml).

    A section's pages may include sub-sections. `cases: true` ends a section with a
    page per case study (generated at cases/<id>.md by smartcity/mkdocs/library_hooks.py).
    """

    page: Optional[str] = None
    title: Optional[Text] = None
    pages: tuple[Union[str, "NavEntry"], ...] = ()
    journey: bool = False
    cases: bool = False
    children: tuple["NavEntry", ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> "NavEntry":
        kinds = [self.page is not None, self.title is not None, self.journey]
        if sum(kinds) != 1:
            raise ValueError("a nav entry is either `page`, `title` with `pages`, or `journey: true`")
        if self.cases and self.title is None:
            raise ValueError("`cases: true` belongs to a titled section")
        for path in (self.page, *self.pages):
            if isinstance(path, str) and not path.endswith(".md"):
                raise ValueError(f"nav page '{path}' must be a .md path relative to docs/<lang>/")
        return self


def _paths(entries: tuple[NavEntry, ...]) -> set[str]:
    out: set[str] = set()
    for entry in entries:
        out |= {p for p in (entry.page, *entry.pages) if isinstance(p, str)}
        out |= _paths(tuple(p for p in entry.pages if isinstance(p, NavEntry)) + entry.children)
    return out


class NavFile(Strict):
    nav: tuple[NavEntry, ...]
    # The edition's own pages: about this web edition, its data and its notices, not drawn
    # from the guide, so they do not credit it in their references (smartcity/pages/references.py).
    own: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _own_in_nav(self) -> "NavFile":
        unknown = sorted(set(self.own) - _paths(self.nav))
        if unknown:
            raise ValueError(f"`own` lists pages the nav does not: {', '.join(unknown)}")
        return self


SOURCES = [Source("nav", "nav.yml", NavFile)]
