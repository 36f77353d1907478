"""`make serve`: build both languages and serve them on http://127.0.0.1:8000/ with live reload.

MkDocs' own `serve` handles one config; this serves the whole bilingual site (root chooser,
/en/, /fr/) and rebuilds only what changed, in one warm worker per language
(scripts/serve_workers.py):
- a page edit rebuilds that page, in its language (MkDocs' dirty mode);
- a data edit rebuilds, in each language, the pages that read what changed
  (smartcity/mkdocs/reads_hooks.py): one case's story, say, is a handful of pages;
- an edit to the code, the theme, the configs or the edition restarts the workers and
  rebuilds everything.
A quick rebuild leaves the guide PDF and any worksheet document whose inputs changed as they
were; a full build of the language follows behind it, and until it is swapped in, its pages
say so at the top.

It serves a private temporary folder, never site/: its rebuilds run in place there (a live
reload wants that), so the published site is never touched.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import signal
import tempfile
from pathlib import Path

from markupsafe import escape
from mkdocs.livereload import LiveReloadServer

from smartcity.edition.model import FORK, edition_path, load_edition
from scripts.site import ROOT, build_language, write_root
from scripts.serve_workers import CatchUp, Workers

CODE = ["smartcity", "overrides", "config", "mkdocs.yml", "pyproject.toml"]  # restart the workers
DATA = ["data"]
log = logging.getLogger("mkdocs.sc.serve")
HTML_LANG = re.compile(rb'<html lang="([a-zA-Z-]+)"')


def snapshot(paths: list[Path]) -> dict[str, int]:
    out = {}
    for base in paths:
        files = [base] if base.is_file() else base.rglob("*")
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                out[str(path)] = path.stat().st_mtime_ns
    return out


class Server(LiveReloadServer):
    """MkDocs' live-reload server; pages of a language whose full build is still running say so."""

    def __init__(self, *args, notices: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notices, self.catching_up = notices, set()

    def request_rebuild(self) -> None:
        """As a watched file's change does (mkdocs.livereload): the loop calls the builder."""
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def _inject_js_into_html(self, content, epoch):
        content = super()._inject_js_into_html(content, epoch)
        found = HTML_LANG.search(content)
        lang = found.group(1).decode() if found else None
        if lang in self.catching_up:
            notice = (f'<p class="sc-serve-notice" role="status" style="margin:0;padding:.5rem 1rem;'
                      f'background:#fff3c4;color:#1a1a1a">{escape(self.notices[lang])}</p>').encode()
            content = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + notice, content, count=1)
        return content


class Loop:
    """What one save rebuilds, and the catch-up builds behind it."""

    def __init__(self, site: Path, langs: list[str], watched: dict[str, list[Path]]) -> None:
        self.site, self.langs, self.watched = site, langs, watched
        self.state = {name: snapshot(paths) for name, paths in watched.items()}
        self.workers = Workers(langs)
        self.catch_ups: dict[str, CatchUp] = {}
        self.server: Server | None = None

    def record(self, lang: str) -> Path:
        return Path(os.environ["SC_READS_FILE"].replace("{lang}", lang))

    def changed(self) -> set[str]:
        found = set()
        for name, paths in self.watched.items():
            now = snapshot(paths)
            if now != self.state[name]:
                found.add(name)
            self.state[name] = now
        return found

    def rebuild(self) -> None:
        changed = self.changed()
        for lang, job in list(self.catch_ups.items()):  # a finished full build goes in first
            if job.done() and lang not in changed and not {"code", "data"} & changed:
                log.info("Full build of %s done: guide PDF and downloads up to date", lang)
                job.finish()
                del self.catch_ups[lang]
        if not changed:
            self._notices()
            return
        langs = self.langs if {"code", "data"} & changed else [lang for lang in self.langs if lang in changed]
        for lang in langs:
            if lang in self.catch_ups:
                self.catch_ups.pop(lang).stop()
        if "code" in changed:
            log.info("Code, theme or edition changed: restarting the workers, rebuilding everything")
            self.workers.restart()
            self.workers.build(langs, self.site, dirty=False)
        else:
            log.info("Rebuilding %s (pages that %s)", ", ".join(langs),
                     "read the data that changed" if "data" in changed else "changed")
            self.workers.build(langs, self.site, dirty=True)
            for lang in langs:
                self.catch_ups[lang] = CatchUp(lang, self.site, self.record(lang))
                self._watch_catch_up(lang)
        write_root(self.site)
        self._notices()

    def _notices(self) -> None:
        if self.server is not None:
            self.server.catching_up = set(self.catch_ups)

    def _watch_catch_up(self, lang: str) -> None:
        """When the full build ends, ask the server's loop for a rebuild: it swaps the build in
        and the browsers reload."""
        import threading

        job = self.catch_ups[lang]

        def wait() -> None:
            job.proc.wait()
            if self.server is not None and self.catch_ups.get(lang) is job:
                self.server.request_rebuild()

        threading.Thread(target=wait, daemon=True).start()

    def close(self) -> None:
        for job in self.catch_ups.values():
            job.stop()
        self.workers.close()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--catch-up", nargs=2, metavar=("LANG", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    signal.signal(signal.SIGTERM, _interrupt)  # a terminated server cleans up as after Ctrl-C
    if args.catch_up:  # a catch-up build (scripts/serve_workers.py), in its own process
        build_language(args.catch_up[0], site_dir=Path(args.catch_up[1]))
        return

    site = Path(tempfile.mkdtemp(prefix="sc-serve-")) / "site"
    os.environ["SC_READS_FILE"] = str(site.parent / "reads-{lang}.json")
    os.environ["SC_DEFER_DOWNLOADS"] = "1"  # only dirty builds defer (smartcity/mkdocs/options.py)
    edition = load_edition()
    langs = list(edition.languages)
    # The edition file and its images count as code (they change every page); its local cases
    # are data like the guide's.
    own = [edition.logo, edition.logo_documents, edition.favicon]
    code = [ROOT / p for p in CODE] + [edition_path(), FORK] + [p for p in own if p is not None]
    data_dirs = [ROOT / p for p in DATA] + ([edition.cases.local_dir] if edition.cases.local_dir else [])
    watched = {"code": code, "data": data_dirs, **{lang: [ROOT / "docs" / lang] for lang in langs}}
    loop = Loop(site, langs, watched)
    from smartcity.edition.data import site_data

    data = site_data()
    notices = {lang: data.t("serve.catching_up", lang) for lang in langs}
    loop.workers.build(langs, site, dirty=False)
    write_root(site)
    loop.workers.warm()

    server = Server(builder=loop.rebuild, host=args.host, port=args.port, root=str(site), notices=notices)
    loop.server = server
    for paths in watched.values():
        for path in paths:
            if path.exists():
                server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        loop.close()
        shutil.rmtree(site.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
