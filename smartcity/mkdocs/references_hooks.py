"""MkDocs hook: each page's citation markers numbered and its sources listed at its end
(smartcity/pages/references.py does it; this only hands the page over)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError

from smartcity.edition.data import site_data
from smartcity.model.loader import DataError
from smartcity.pages.references import finish_page


def on_page_content(html, page, config, files):
    try:
        return finish_page(site_data(), config.extra["sc_lang"], html, page.file.src_uri, page.url)
    except DataError as err:
        raise PluginError(str(err)) from None
