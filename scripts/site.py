"""Build the whole site: one MkDocs build per language, then the shared root files."""
from __future__ import annotations

import logging
import os
import sys
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from smartcity.edition.colour import palette
from smartcity.edition.model import edition_path, load_edition
from smartcity.edition.identity import without_site_url_note
from smartcity.edition.assets import edition_assets
from smartcity.pages.edition_pages import zip_name
from smartcity.edition.data import site_data
from scripts.atomic import replacing
from scripts.offline import make_zip

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"


def config_file(lang: str) -> Path:
    return ROOT / "config" / f"{lang}.yml"


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build that links may be stale; in strict mode that notice
    alone would abort each dirty rebuild of `make serve`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def build_language(lang: str, dirty: bool = False, site_dir: Path | None = None) -> None:
    """One strict MkDocs build, as `mkdocs build --strict -f config/<lang>.yml` would run it."""
    os.chdir(ROOT)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    notices = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotice) for f in notices.filters):
        notices.addFilter(_DirtyNotice())
    overrides = {"strict": True}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir / lang)
    cfg = load_config(config_file=str(config_file(lang)), **overrides)
    cfg.plugins.on_startup(command="build", dirty=dirty)
    try:
        mkdocs_build(cfg, dirty=dirty)
    finally:
        cfg.plugins.on_shutdown()
    if not cfg.site_url:  # a sitemap must give full addresses: without one, none is published
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (Path(cfg.site_dir) / name).unlink(missing_ok=True)


def write_root(site: Path = SITE) -> None:
    """The language chooser at the site root, and a root 404 (the default language's).

    MkDocs writes 404 pages with links from the site root (/fr/…), so a copy
    works at the root of the host as it is.
    """
    edition, data = load_edition(), site_data()
    env = Environment(
        loader=FileSystemLoader(ROOT / "smartcity" / "render" / "templates"),
        autoescape=select_autoescape(default=True), undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    langs = list(edition.languages)
    ordered = [edition.default_language] + [code for code in langs if code != edition.default_language]
    html = env.get_template("root_index.html").render(
        langs=ordered, t=data.t, edition=edition, default=edition.default_language,
        favicon=edition_assets(edition).favicon, colours=palette(edition.colours.primary, edition.colours.accent,
                                                                  edition.colours.header_text),
    )
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(html, encoding="utf-8")
    fallback = site / edition.default_language / "404.html"
    if fallback.exists():
        shutil.copyfile(fallback, site / "404.html")


def build_all(site: Path = SITE, jobs: int = 2) -> None:
    """Build into a sibling folder and swap it in on success: a failure at any stage leaves
    the previous site, zip included (it lives inside), as it was (scripts/atomic.py)."""
    with replacing(site) as work:
        edition = load_edition()
        site_data()  # the edition's case choices are checked against the data before any build starts
        if edition.site_url is None:
            print(without_site_url_note(str(edition_path())), file=sys.stderr)
        build_into(work, edition, jobs)


def build_into(site: Path, edition, jobs: int = 2) -> None:
    langs = list(edition.languages)
    if jobs > 1 and len(langs) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(langs))) as pool:
            for future in [pool.submit(build_language, lang, False, site) for lang in langs]:
                future.result()
    else:
        for lang in langs:
            build_language(lang, site_dir=site)
    write_root(site)
    make_zip(site, zip_name(edition), edition.id)
