"""Our styles and scripts as one minified file each, named by content hash.

Fifteen stylesheets in the head block rendering fifteen times on a phone; one
file blocks once and is cached for the whole site. Pure functions of the
sources' text: the hook (macros/bundle_hooks.py) reads the files, this module
joins and minifies them. CSS goes through rcssmin. JS goes through calmjs.parse,
which parses ES5 (our scripts' dialect, so a syntax error stops the build with
the file and line) and shortens local names; each file is an IIFE, minified on
its own so the error names it. A theme script that needs an addition of ours
gets it appended (`extend`), rather than a modified copy of it kept in overrides/.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

CSS_DIR, JS_DIR = "assets/stylesheets", "assets/javascripts"


class BundleError(ValueError):
    """A source file that cannot be minified: `source` is its site path."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source, self.problem = source, problem


@dataclass(frozen=True)
class Bundle:
    path: str  # site path, e.g. assets/javascripts/sc.1a2b3c4d.min.js
    text: str
    sources: tuple[str, ...]


@lru_cache(maxsize=64)
def minify_js(name: str, text: str) -> str:
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError, ECMARegexSyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    try:
        tree = es5(text)
    except (ECMASyntaxError, ECMARegexSyntaxError) as err:
        raise BundleError(name, f"{err} (our scripts are ES5: no let, const, arrow functions or classes)") from None
    return minify_print(tree, obfuscate=True, obfuscate_globals=False, drop_semi=True)


@lru_cache(maxsize=64)
def minify_css(name: str, text: str) -> str:
    import rcssmin

    if text.count("{") != text.count("}"):
        raise BundleError(name, f"unbalanced braces ({text.count('{')} opening, {text.count('}')} closing)")
    return rcssmin.cssmin(text)


def _named(kind: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    folder = CSS_DIR if kind == "css" else JS_DIR
    return f"{folder}/sc.{digest}.min.{kind}"


def bundle(kind: str, sources: list[tuple[str, str]]) -> Bundle:
    """Join `(site path, text)` pairs, in cascade or execution order, into one minified file."""
    if kind not in ("css", "js"):
        raise ValueError(f"bundle kind must be css or js, not {kind!r}")
    minify = minify_css if kind == "css" else minify_js
    # JS: a semicolon between files, as a file may end without one.
    glue = "\n" if kind == "css" else ";\n"
    body = glue.join(minify(path, text) for path, text in sources)
    names = ", ".join(path.rsplit("/", 1)[-1] for path, _ in sources)
    text = f"/* {names} */\n{body}\n"
    return Bundle(_named(kind, text), text, tuple(path for path, _ in sources))


def extend(base: str, name: str, addition: str) -> str:
    """A theme script with our minified addition at its end (e.g. lunr.fr.min.js + sc-fold-fr.js)."""
    return f"{base.rstrip()}\n/* {name.rsplit('/', 1)[-1]} */\n{minify_js(name, addition)}\n"
