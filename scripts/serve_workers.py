"""The processes behind `make serve`: one warm MkDocs worker per language for the quick
rebuilds, and a full build per language behind them (the catch-up) for what a quick rebuild
leaves as it was: the guide PDF, the worksheet documents whose inputs changed.

Workers are spawned, not forked: the server's threads are running. A change to the code or
the theme replaces them, so a rebuild never runs code older than the tree.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from scripts.site import ROOT, build_language, config_file

log = logging.getLogger("mkdocs.sc.serve")


def warm_up(langs: list[str]) -> None:
    """Load in this process what every rebuild needs (libraries, data, worksheet downloads), so the
    first reload after a save is as quick as the next."""
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs_macros.plugin  # noqa: F401
    from mkdocs.config import load_config

    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.build import downloads

    data = site_data()
    for lang in langs:
        downloads(data, lang)
        load_config(config_file=str(config_file(lang))).theme.get_env()


def _build(lang: str, site: str, dirty: bool) -> None:
    build_language(lang, dirty=dirty, site_dir=Path(site))


def _warm(lang: str) -> None:
    warm_up([lang])


class Workers:
    """One process per language, kept warm between rebuilds."""

    def __init__(self, langs: list[str]) -> None:
        self.langs = langs
        self.pools: dict[str, ProcessPoolExecutor] = {}
        self.restart()

    def restart(self) -> None:
        self.close()
        self.pools = {lang: ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) for lang in self.langs}

    def build(self, langs: list[str], site: Path, dirty: bool) -> None:
        """Side by side, one language per core; the first failure is raised once all have ended."""
        futures = [self.pools[lang].submit(_build, lang, str(site), dirty) for lang in langs]
        errors = [f.exception() for f in futures]
        for error in errors:
            if error is not None:
                raise error

    def warm(self) -> None:
        for future in [self.pools[lang].submit(_warm, lang) for lang in self.langs]:
            future.result()

    def close(self) -> None:
        for pool in self.pools.values():
            pool.shutdown(wait=False, cancel_futures=True)


class CatchUp:
    """A full build of one language in a folder of its own, swapped in when it ends, unless a
    newer edit started another meanwhile (then this one is stopped)."""

    def __init__(self, lang: str, site: Path, record: Path) -> None:
        self.lang, self.site, self.record = lang, site, record
        self.folder = Path(tempfile.mkdtemp(prefix=f"sc-serve-{lang}-", dir=site.parent))
        env = {**os.environ, "SC_READS_FILE": str(self.folder / "reads-{lang}.json")}
        env.pop("SC_DEFER_DOWNLOADS", None)
        self.log = self.folder / "build.log"  # a file, not a pipe: a full pipe would stall the build
        with self.log.open("w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "scripts.serve", "--catch-up", lang, str(self.folder)],
                                         cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)

    def done(self) -> bool:
        return self.proc.poll() is not None

    def finish(self) -> bool:
        """Swap the full build in if it succeeded; True if it did. The folder goes either way."""
        try:
            if self.proc.returncode != 0:
                log.warning("catch-up build of %s failed:\n%s", self.lang, self.log.read_text(errors="replace")[-2000:])
                return False
            built, current, old = self.folder / self.lang, self.site / self.lang, self.site / f".old-{self.lang}"
            shutil.rmtree(old, ignore_errors=True)
            current.rename(old)
            built.rename(current)
            (self.folder / f"reads-{self.lang}.json").replace(self.record)
            shutil.rmtree(old, ignore_errors=True)
            return True
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
