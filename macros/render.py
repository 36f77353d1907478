"""Jinja rendering for the macros: HTML lives in templates/, not in Python strings."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import fmt

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_inline
    return env


_INLINE = markdown.Markdown(extensions=["smarty"], output_format="html")


def md_inline(text: str) -> Markup:
    """Inline Markdown (emphasis, links) from data text, without a wrapping <p>."""
    html = _INLINE.reset().convert(text)
    return Markup(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S))


def relative(target: str, here: str) -> str:
    """Link from the page at `here` to `target`, both relative to the language root.

    Relative links keep working under /en/, /fr/, a sub-path and file://.
    """
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(here) or ".") if path else ""
    return rel + ("#" + anchor if anchor else "")


def step_url(data: Any, step_id: str) -> str:
    """URL of a step or part page, relative to the language root."""
    for phase in data.phases.phases:
        for step in phase.steps:
            for unit in (step, *step.parts):
                if unit.id == step_id:
                    return f"{phase.slug}/{unit.slug}.html"
    data.get("step", step_id)  # raises a clear error for an unknown id
    raise AssertionError(step_id)


def render(template: str, data: Any, lang: str, here: str = "index.html", **values: Any) -> str:
    """Render a template with the helpers every template may use.

    The output is framed by blank lines so Python-Markdown treats it as its own block;
    call a macro on a line of its own.
    """
    helpers = {
        "lang": lang,
        "t": lambda key: data.t(key, lang),
        "tx": lambda text: text(lang),
        "figure": lambda value, unit=None, approx=False: fmt.figure(data, value, unit, lang, approx),
        "number": lambda value: fmt.number(value, lang),
        "link": lambda target: relative(target, here),
        "step_link": lambda step_id: relative(step_url(data, step_id), here),
        "unit_of": lambda step_id: data.get("step", step_id),
        "data": data,
    }
    html = _env().get_template(template).render(**helpers, **values)
    return "\n" + re.sub(r"\n{3,}", "\n\n", html).strip("\n") + "\n\n"
