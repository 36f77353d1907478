"""MkDocs hooks of the worksheets: make the downloads before pages render (pages show
their sizes), copy them into the language's site after the build.

Imports happen inside the hooks: MkDocs loads this file with worksheets/ on sys.path.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def _downloads(config):
    from smartcity.core.lang import page_lang
    from smartcity.model.loader import DataError
    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.build import downloads

    try:
        return downloads(site_data(), page_lang(config))
    except DataError as err:
        raise PluginError(str(err)) from None


def on_pre_build(config) -> None:
    _downloads(config)


def on_post_build(config) -> None:
    from smartcity.outputs.worksheets.build import publish

    publish(Path(config.site_dir), _downloads(config))
