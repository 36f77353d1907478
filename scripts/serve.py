"""`make serve`: build both languages and serve them on http://127.0.0.1:8000/ with live reload.

MkDocs' own `serve` handles one config; this serves the whole bilingual site
(root chooser, /en/, /fr/) and rebuilds only what changed: a page edit
rebuilds its language with MkDocs' dirty mode; data, macros, theme or
edition changes rebuild both.

It serves a private temporary folder, never site/: its rebuilds run in place
there (a live reload wants that), so the published site is never touched.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from smartcity.edition.model import FORK, edition_path, load_edition
from scripts.site import ROOT, build_all, build_language, config_file, write_root

SHARED = ["data", "smartcity", "overrides", "config", "mkdocs.yml"]
log = logging.getLogger("mkdocs.sc.serve")


def snapshot(paths: list[Path]) -> dict[str, int]:
    out = {}
    for base in paths:
        files = [base] if base.is_file() else base.rglob("*")
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                out[str(path)] = path.stat().st_mtime_ns
    return out


def warm_up(langs: list[str]) -> None:
    """Load in this process what every rebuild needs (libraries, data, worksheet downloads), so the
    first reload after a save is as quick as the next: the first build ran in worker processes."""
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs_macros.plugin  # noqa: F401
    from mkdocs.config import load_config

    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.build import downloads

    data = site_data()
    for lang in langs:
        downloads(data, lang)
        load_config(config_file=str(config_file(lang))).theme.get_env()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")

    site = Path(tempfile.mkdtemp(prefix="sc-serve-"))
    edition = load_edition()
    langs = list(edition.languages)
    # The edition file, its images and its local cases rebuild everything too.
    own = [edition.logo, edition.logo_documents, edition.favicon, edition.cases.local_dir]
    # The root edition.yml too: values written in it while serving make it the edition.
    shared = [ROOT / p for p in SHARED] + [edition_path(), FORK] + [p for p in own if p is not None]
    watched = {lang: [ROOT / "docs" / lang] for lang in langs}
    state = {"shared": snapshot(shared), **{lang: snapshot(paths) for lang, paths in watched.items()}}
    build_all(site, jobs=2)
    warm_up(langs)

    def rebuild() -> None:
        now_shared = snapshot(shared)
        shared_changed = now_shared != state["shared"]
        state["shared"] = now_shared
        for lang in langs:
            now = snapshot(watched[lang])
            if shared_changed or now != state[lang]:
                log.info("Rebuilding %s%s", lang, "" if shared_changed else " (dirty)")
                build_language(lang, dirty=not shared_changed, site_dir=site)
            state[lang] = now
        write_root(site)

    server = LiveReloadServer(builder=rebuild, host=args.host, port=args.port, root=str(site))
    for path in shared + [p for paths in watched.values() for p in paths]:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
