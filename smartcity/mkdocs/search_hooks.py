"""MkDocs hook: a dirty rebuild keeps the whole search index.

A dirty build renders only the pages that changed, and Material's search plugin
writes an index of what it rendered. It merges with the previous index only when
its own instance survives between builds, which `make serve` does not keep (it
loads each language's config afresh). So the index on disk is read before the
build and merged back after it: the rebuilt pages' entries replace theirs, and the
entries of a page that left the site go.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority



def merge_index(old: dict, new: dict, rebuilt: set[str] = frozenset(), pages: set[str] | None = None) -> dict:
    """`new` indexes only the rebuilt pages (`rebuilt`, by URL: a page may have no entry, when
    excluded from search). Every other page keeps its entries from `old`, in the old order,
    unless it is no longer among the site's `pages`; a page new to the site comes last."""
    def page(entry: dict) -> str:
        return entry["location"].split("#", 1)[0]

    fresh: dict[str, list[dict]] = {}
    for entry in new["docs"]:
        fresh.setdefault(page(entry), []).append(entry)
    gone = set(rebuilt) - set(fresh)
    docs, placed = [], set()
    for entry in old["docs"]:
        where = page(entry)
        if where in gone or (pages is not None and where not in pages):
            continue
        if where not in fresh:
            docs.append(entry)
        elif where not in placed:
            docs.extend(fresh[where])
            placed.add(where)
    docs.extend(e for where, entries in fresh.items() if where not in placed for e in entries)
    return {**new, "docs": docs}


def _index(config) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def on_startup(command, dirty, state: dict):
    state["dirty"] = dirty


def on_pre_build(config, state: dict):
    path = _index(config)
    state["old"] = json.loads(path.read_text(encoding="utf-8")) \
        if state.get("dirty") and path.is_file() else None
    state["rebuilt"] = set()


def on_files(files, config, state: dict):
    state["pages"] = {f.url for f in files.documentation_pages()}
    return files


def on_post_page(output, page, config, state: dict):
    state["rebuilt"].add(page.url)
    return output


@event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it
def on_post_build(config, state: dict):
    path = _index(config)
    if state.get("old") and path.is_file():
        new = json.loads(path.read_text(encoding="utf-8"))
        merged = merge_index(state["old"], new, state["rebuilt"], state["pages"])
        path.write_text(json.dumps(merged, separators=(",", ":"), default=str), encoding="utf-8")  # as Material
