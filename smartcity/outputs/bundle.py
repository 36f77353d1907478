"""Our styles and scripts as one minified file each, named by content hash.

Fifteen stylesheets in the head block rendering fifteen times on a phone; one
file blocks once and is cached for the whole site. Pure functions of the
sources' text: the hook (smartcity/mkdocs/bundle_hooks.py) reads the files, this module
joins and minifies them. CSS goes through rcssmin. JS may use modern syntax
(ES2020 and later: const, arrow functions, async, classes, template literals,
optional chaining) and needs no Node: tree-sitter's JavaScript grammar parses
each file, so a syntax error stops the build with the file and line; rjsmin
drops comments and spaces (it keeps names); the minified text is parsed again,
so a minifier slip fails the build instead of shipping. rjsmin reads a template
literal as a string and loses its place at a backtick inside `${}` (a nested
template, a quoted backtick), so template literals are set aside, found by
the parser, and put back verbatim. Each file is an IIFE, minified on its own
so the error names it. A theme script that needs an addition of ours gets it
appended (`extend`), rather than a modified copy of it kept in overrides/.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

CSS_DIR, JS_DIR = "assets/stylesheets", "assets/javascripts"
VENDOR = "assets/vendor/"  # libraries shipped as their authors built them (licence beside each)


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


@lru_cache(maxsize=1)
def _javascript():
    import tree_sitter
    import tree_sitter_javascript

    return tree_sitter.Language(tree_sitter_javascript.language())


def _tree(source: bytes):
    import tree_sitter

    return tree_sitter.Parser(_javascript()).parse(source)


def _first_problem(source: bytes, root) -> str | None:
    """`line N: ...` for the first ERROR or MISSING node (or JSX, which browsers do not run), else None."""
    lines = source.decode("utf-8", "replace").splitlines() or [""]

    def at(node, what: str) -> str:
        row = node.start_point[0]
        text = lines[min(row, len(lines) - 1)].strip()
        return f"line {row + 1}: {what}" + (f": {text[:80]}" if text else "")

    stack = [root]
    while stack:  # depth first, children in source order: the first problem is the nearest the top
        node = stack.pop()
        if node.is_missing:
            return at(node, f"syntax error, missing {node.type!r}")
        if node.is_error:
            return at(node, "syntax error")
        if node.type.startswith("jsx_"):
            return at(node, "JSX, which browsers do not run")
        stack.extend(reversed(node.children))
    return None


def _templates(node):
    """The outermost template literals under `node`, in source order."""
    if node.type == "template_string":
        yield node
        return
    for child in node.children:
        yield from _templates(child)


@lru_cache(maxsize=64)
def minify_js(name: str, text: str) -> str:
    import rjsmin

    source = text.encode("utf-8")
    tree = _tree(source)
    problem = _first_problem(source, tree.root_node)
    if problem:
        raise BundleError(name, problem)
    # Template literals out, as identifiers rjsmin keeps as they are; back in once minified.
    marker = "scTpl" + hashlib.sha256(source).hexdigest()[:8]
    kept, pieces, last = [], [], 0
    for node in _templates(tree.root_node):
        pieces += [source[last:node.start_byte], f"{marker}_{len(kept)}_".encode()]
        kept.append(source[node.start_byte:node.end_byte].decode("utf-8"))
        last = node.end_byte
    pieces.append(source[last:])
    out = rjsmin.jsmin(b"".join(pieces).decode("utf-8"))
    for i, literal in enumerate(kept):  # the closing _ keeps _1_ from matching inside _10_
        placeholder = f"{marker}_{i}_"
        if out.count(placeholder) != 1:
            raise BundleError(name, f"the minifier lost template literal {i + 1} of {len(kept)}")
        out = out.replace(placeholder, literal)
    minified = out.encode("utf-8")
    problem = _first_problem(minified, _tree(minified).root_node)
    if problem:
        raise BundleError(name, f"the minified text does not parse (a minifier bug), {problem}")
    return out


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


def _shipped(path: str, text: str) -> str:
    """Our scripts minified; a vendored library as its authors minified it (its licence sits
    beside it in the site)."""
    return text.strip() if path.startswith(VENDOR) else minify_js(path, text)


def chunk(parts: list[tuple[str, str]]) -> Bundle:
    """A script loaded on demand (sc-load.js): (path, text) pairs minified and joined in order,
    named after the last, `sc-worksheet.1a2b3c4d.min.js`."""
    body = "\n".join(f"/* {path.rsplit('/', 1)[-1]} */\n{_shipped(path, text)}" for path, text in parts)
    stem = parts[-1][0].rsplit("/", 1)[-1].removesuffix(".js")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]
    return Bundle(f"{JS_DIR}/{stem}.{digest}.min.js", f"{body}\n", tuple(path for path, _ in parts))


def manifest(chunks: dict[str, tuple[Bundle, str | None]]) -> str:
    """The script that tells sc-load.js its chunks: name -> the hash naming its file beside the
    bundle, and the selector that loads it at once (none: only when asked). JSON is valid
    JavaScript."""
    # name -> {"hash"} and, for a chunk a selector loads, {"when"}: the file is
    # <name>.<hash>.min.js (chunk()), so every page carries no more than that.
    table = {name: {"hash": made.path.rsplit(".", 3)[-3], **({"when": when} if when else {})}
             for name, (made, when) in chunks.items()}
    return f"window.scChunks={json.dumps(table, ensure_ascii=True, sort_keys=True)};"


def extend(base: str, name: str, addition: str) -> str:
    """A theme script with our minified addition at its end (e.g. lunr.fr.min.js + sc-fold-fr.js)."""
    return f"{base.rstrip()}\n/* {name.rsplit('/', 1)[-1]} */\n{minify_js(name, addition)}\n"
