"""MkDocs hooks of the edition: its logo, favicon and colours in every page, its footer.

smartcity/mkdocs/hooks.py already names the site from the edition; this file adds what the
edition brands. Imports happen inside the hooks, as MkDocs loads this file by path.
"""
from __future__ import annotations

BASE_CSS = "assets/stylesheets/sc-base.css"


def on_config(config):
    from mkdocs.exceptions import PluginError

    from smartcity.edition.model import load_edition
    from smartcity.edition.assets import edition_assets
    from smartcity.pages.edition_pages import footer_strings
    from smartcity.edition.images import ImageError
    from smartcity.core.lang import page_lang
    from smartcity.model.loader import DataError
    from smartcity.edition.data import site_data

    try:
        edition = load_edition()
        assets = edition_assets(edition)
        footer = footer_strings(site_data(), edition, page_lang(config))
    except (DataError, ImageError) as err:
        raise PluginError(str(err)) from None
    config.theme["logo"] = assets.logo
    config.theme["favicon"] = assets.favicon
    # Right after the base styles, whose defaults it overrides; later sheets may still refine.
    css = [c for c in config.extra_css if c != assets.css]
    at = css.index(BASE_CSS) + 1 if BASE_CSS in css else 0
    config.extra_css = css[:at] + [assets.css] + css[at:]
    config.extra["sc_footer"] = footer
    config.extra["sc_short_name"] = edition.short_name(page_lang(config))
    config.extra["sc_assets"] = assets
    return config


def on_files(files, config):
    """The edition's files join the build as generated files: nothing is written into docs/."""
    from mkdocs.structure.files import File

    for site_path, source in config.extra["sc_assets"].files.items():
        known = files.get_file_from_path(site_path)
        if known is not None:
            files.remove(known)
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files
