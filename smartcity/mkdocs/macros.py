"""mkdocs-macros entry point. It only registers: renderers live in their own modules."""
from __future__ import annotations

import importlib
import pkgutil

from smartcity import pages

from smartcity.pages.case_mentions import tidy
from smartcity.model.loader import load_cached
from smartcity.core.lang import page_lang
from smartcity.pages.registry import MACROS, Ctx

def _discover() -> None:
    """Every module of smartcity.pages registers its macros when imported."""
    for info in pkgutil.iter_modules(pages.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{pages.__name__}.{info.name}")


def define_env(env) -> None:
    _discover()
    lang = page_lang(env.conf)
    data = load_cached()

    def bind(func):
        def call(*args, **kwargs):
            page = env.page
            ctx = Ctx(data=data, lang=lang, url=page.url, meta=dict(page.meta))
            return func(ctx, *args, **kwargs)
        call.__doc__ = func.__doc__
        return call

    for name, func in MACROS.items():
        env.macro(bind(func), name)


def on_post_page_macros(env) -> None:
    """Hidden passages leave a marker; it goes with its line (smartcity/pages/case_mentions.py)."""
    env.markdown = tidy(env.markdown)
