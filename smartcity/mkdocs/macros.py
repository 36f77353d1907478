"""mkdocs-macros entry point. It only registers: renderers live in their own modules."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import material

from smartcity import pages

from smartcity.pages.case_mentions import tidy
from smartcity.edition.data import site_data
from smartcity.core.lang import page_lang
from smartcity.edition.model import load_edition
from smartcity.pages.registry import MACROS, Ctx
from smartcity.render.icons import use_icons

def material_icons() -> Path:
    """Material ships its icon set as SVG files."""
    return Path(material.__file__).parent / "templates" / ".icons"


def _discover() -> None:
    """Every module of smartcity.pages registers its macros when imported."""
    for info in pkgutil.iter_modules(pages.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{pages.__name__}.{info.name}")


def define_env(env) -> None:
    use_icons(material_icons())
    _discover()
    lang = page_lang(env.conf)
    data = site_data()
    edition = load_edition()  # the one edition of this build, which every macro reads from its Ctx

    def bind(func):
        def call(*args, **kwargs):
            page = env.page
            ctx = Ctx(data=data, lang=lang, url=page.url, meta=dict(page.meta), edition=edition)
            return func(ctx, *args, **kwargs)
        call.__doc__ = func.__doc__
        return call

    for name, func in MACROS.items():
        env.macro(bind(func), name)


def on_post_page_macros(env) -> None:
    """Hidden passages leave a marker; it goes with its line (smartcity/pages/case_mentions.py)."""
    env.markdown = tidy(env.markdown)
