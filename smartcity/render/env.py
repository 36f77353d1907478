"""Jinja rendering for the macros: HTML lives in templates/, not in Python strings."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from smartcity.render import fmt
from smartcity.render.cite import cite_marker

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
    env.filters["md_block"] = md_block
    env.filters["md_text"] = md_text
    return env


def _markdown() -> markdown.Markdown:
    """Markdown without raw HTML: markup typed in data shows as the text it is."""
    md = markdown.Markdown(extensions=["smarty"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_INLINE, _BLOCK = _markdown(), _markdown()

# What data Markdown may become: an edition supplies some of it (local cases), so the HTML
# is cleaned with an allow-list: no raw HTML beyond these tags, no event handlers, and links
# only to https:, http:, mailto:, relative addresses and #fragments.
_INLINE_TAGS = {"a", "em", "strong", "code", "br", "sup", "sub", "abbr"}
_BLOCK_TAGS = _INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "h3", "h4", "h5", "h6"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
_SCHEMES = {"https", "http", "mailto"}


def clean_html(html: str, block: bool = False) -> Markup:
    """HTML from data Markdown, reduced to the allow-list above (nh3, Rust's ammonia)."""
    return Markup(nh3.clean(html, tags=_BLOCK_TAGS if block else _INLINE_TAGS, attributes=_ATTRIBUTES,
                            url_schemes=_SCHEMES, link_rel=None, strip_comments=True))


def md_inline(text: str) -> Markup:
    """Inline Markdown (emphasis, links) from data text, without a wrapping <p>."""
    html = _INLINE.reset().convert(text)
    return clean_html(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S))


def md_block(text: str) -> Markup:
    """Block Markdown (paragraphs, lists) from data text, as clean HTML."""
    return clean_html(_BLOCK.reset().convert(text), block=True)


_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!&<>]")


def md_text(text: str) -> Markup:
    """Plain text for a Markdown source (a heading): what HTML would read as markup becomes
    an entity, what Markdown would read is backslash-escaped, so the text shows as it is."""
    return Markup(_MD_SPECIAL.sub(lambda m: _HTML_SPECIAL.get(m.group(0)) or "\\" + m.group(0), text))


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
        "number": lambda value: fmt.number(data, value, lang),
        "link": lambda target: relative(target, here),
        "step_link": lambda step_id: relative(step_url(data, step_id), here),
        "unit_of": lambda step_id: data.get("step", step_id),
        "cite": lambda *ids: cite_marker(ids),  # a sourced statement's marker (render/cite.py)
        "data": data,
    }
    html = _env().get_template(template).render(**helpers, **values)
    return "\n" + re.sub(r"\n{3,}", "\n\n", html).strip("\n") + "\n\n"
