"""MkDocs steps behind `make serve`'s quick rebuilds after a data edit: each page's data reads
are recorded (smartcity/model/reads.py), and a dirty build renders a page again only if what it
read changed, or if its own file did.

A page is recorded while it renders (pre_page to page_content) and while it is written
(page_context to post_page). What the config step makes (the nav, the abbreviations every page
appends, the palette) every page shows: when its digest changes, every page is rebuilt. Pages
the library generates are compared by content as well. All of it happens only when the
plugin's `reads_file` option names a record; `make build` records nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from smartcity.model import reads

CONFIG = "config"  # the read name of what the config step makes


def _record_path(options, config) -> Path | None:
    from smartcity.core.lang import page_lang

    return Path(options.reads_file.replace("{lang}", page_lang(config))) if options.reads_file else None


def on_startup(command, dirty, state: dict):
    state["dirty"] = dirty


def on_config(config, state: dict, options):
    """Last of the config steps: the digests of this build's data and config, to compare with
    the record's."""
    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.load import READS_NAME, load_cached as load_sheets

    state.update(pages={}, open=None, generated={}, digests={})
    if not options.reads_file:
        return config
    data = site_data()
    found = reads.digests({**data.source_values(), READS_NAME: load_sheets(data)})
    made = [config.nav, config.site_name, config.site_description, config.copyright, config.site_url,
            {k: v for k, v in config.extra.items()}, config.mdx_configs]
    abbreviations = [Path(p).read_bytes() for p in config.mdx_configs.get("pymdownx.snippets", {}).get("auto_append", [])]
    found[CONFIG] = hashlib.sha1(json.dumps(made, default=repr, sort_keys=True).encode() + b"".join(abbreviations)).hexdigest()
    state["digests"] = found
    return config


def _content_digest(file) -> str:
    content = file.content_bytes
    return hashlib.sha1(content).hexdigest()[:16]


def on_files(files, config, state: dict, options):
    """In a dirty build with a record: a page is rebuilt unless it is known and fresh."""
    path = _record_path(options, config)
    for file in files.documentation_pages():
        if file.generated_by:
            state["generated"][file.src_uri] = _content_digest(file)
    if path is None or not state.get("dirty"):
        return files
    record = reads.read_record(path)
    changed = reads.changed(record.get("digests", {}), state["digests"])
    fresh = set() if not record or CONFIG in changed else reads.fresh_pages(record, changed)
    for file in files.documentation_pages():
        if file.generated_by:
            ok = record.get("generated", {}).get(file.src_uri) == state["generated"][file.src_uri]
            ok = ok and os.path.isfile(file.abs_dest_path)
        else:
            ok = not file.is_modified()
        stale = file.src_uri not in fresh or not ok
        file.is_modified = (lambda value: lambda: value)(stale)  # what MkDocs' dirty mode asks
    return files


def _open(page, state: dict, options) -> None:
    _close(state)
    if options.reads_file:
        state["open"] = reads.start(state["pages"].setdefault(page.file.src_uri, set()))


def _close(state: dict) -> None:
    if state.get("open") is not None:
        reads.stop(state["open"])
        state["open"] = None


def on_pre_page(page, config, files, state: dict, options):
    _open(page, state, options)
    return page


def on_page_content(html, page, config, files, state: dict):
    _close(state)
    return html


def on_page_context(context, page, config, nav, state: dict, options):
    _open(page, state, options)
    return context


def on_post_page(output, page, config, state: dict):
    _close(state)
    return output


def on_build_error(error, state: dict) -> None:
    _close(state)


def on_post_build(config, state: dict, options) -> None:
    _close(state)
    path = _record_path(options, config)
    if path is None:
        return
    # A dirty build renders only some pages: the others keep what the last build recorded.
    old = reads.read_record(path) if state.get("dirty") else {}
    pages = {**old.get("pages", {}), **{uri: sorted(found) for uri, found in state["pages"].items()}}
    reads.write_record(path, {"digests": state["digests"], "generated": state["generated"], "pages": pages})
