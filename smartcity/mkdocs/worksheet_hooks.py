"""MkDocs hooks of the worksheets: make the downloads before pages render (pages show
their sizes), copy them into the language's site after the build.

Imports happen inside the steps: loading the plugin stays cheap.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def _downloads(config, options):
    from smartcity.core.lang import page_lang
    from smartcity.model.loader import DataError
    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.build import SUBDIR, downloads

    published = Path(config.site_dir) / SUBDIR if options.defer_downloads else None
    try:
        return downloads(site_data(), page_lang(config), published=published)
    except DataError as err:
        raise PluginError(str(err)) from None


def on_pre_build(config, options) -> None:
    _downloads(config, options)


def on_post_build(config, options) -> None:
    from smartcity.outputs.worksheets.build import publish

    publish(Path(config.site_dir), _downloads(config, options))
