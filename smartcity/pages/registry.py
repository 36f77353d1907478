"""A registry of page macros. A renderer is registered by @macro("name") on itself, with
no wrapper; a macro that needs the page (its front matter, its step) takes a Ctx and is
registered by @macro. define_env registers them all, so adding one touches no shared file."""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable

from smartcity.edition.model import load_edition

MACROS: dict[str, Callable[..., str]] = {}


@dataclass(frozen=True)
class Ctx:
    """What a macro may know about the page it is called from."""

    data: Any
    lang: str
    url: str          # the page's URL relative to the language root, e.g. phase-0/index.html
    meta: dict        # the page's front matter
    edition: Any = field(default_factory=lambda: load_edition())  # the build's edition

    @property
    def step(self) -> str:
        try:
            return self.meta["step"]
        except KeyError:
            raise ValueError(f"{self.url}: this macro needs `step:` in the page's front matter") from None


# What a renderer registered with @macro("name") receives from the page, by parameter name.
INJECTED: dict[str, Callable[[Ctx], Any]] = {"data": lambda c: c.data, "lang": lambda c: c.lang,
                                             "here": lambda c: c.url, "edition": lambda c: c.edition}


def _register(name: str, func: Callable[..., str]) -> None:
    if name in MACROS:
        raise RuntimeError(f"macro '{name}' is registered twice")
    MACROS[name] = func


def _page_call(name: str, render: Callable[..., str]) -> Callable[..., str]:
    """The renderer as a macro: data, lang and here come from the page; the page's own
    arguments fill the other parameters, in order or by name."""
    params = list(inspect.signature(render).parameters)
    free = [p for p in params if p not in INJECTED]

    def call(ctx: Ctx, *args: Any, **kwargs: Any) -> str:
        if len(args) > len(free):
            raise TypeError(f"{ctx.url}: {name}() takes {len(free)} argument(s) ({', '.join(free)}), "
                            f"{len(args)} given")
        values = {p: INJECTED[p](ctx) for p in params if p in INJECTED}
        values.update(zip(free, args))
        values.update(kwargs)
        return render(**values)

    call.__doc__, call.__name__ = render.__doc__, name
    return call


def macro(target: Callable[..., str] | str) -> Any:
    """@macro on a function of (ctx, …); @macro("name") on a renderer of (data, lang, …, here),
    which stays callable as it is."""
    if callable(target):
        _register(target.__name__, target)
        return target

    def register(render: Callable[..., str]) -> Callable[..., str]:
        _register(target, _page_call(target, render))
        return render
    return register
