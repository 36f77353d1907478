"""A registry of page macros. Each renderer module marks its page-facing
wrappers with @macro; define_env registers them all, so adding a macro never
touches __init__.py."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

MACROS: dict[str, Callable[..., str]] = {}


@dataclass(frozen=True)
class Ctx:
    """What a macro may know about the page it is called from."""

    data: Any
    lang: str
    url: str          # the page's URL relative to the language root, e.g. phase-0/index.html
    meta: dict        # the page's front matter
    edition: Any = None

    @property
    def step(self) -> str:
        try:
            return self.meta["step"]
        except KeyError:
            raise ValueError(f"{self.url}: this macro needs `step:` in the page's front matter") from None


def macro(func: Callable[..., str]) -> Callable[..., str]:
    if func.__name__ in MACROS:
        raise RuntimeError(f"macro '{func.__name__}' is registered twice")
    MACROS[func.__name__] = func
    return func
