"""MkDocs hook of the case library: a page per case and the open-data files join the
build as generated files (mkdocs 1.6 `File.generated`), so nothing is written into docs/.

Listed in mkdocs.yml `hooks:`. MkDocs loads this file by path: imports of the
macros package happen inside the hook, as in smartcity/mkdocs/worksheet_hooks.py.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File


def on_files(files, config):
    from smartcity.edition.model import load_edition
    from smartcity.core.lang import page_lang
    from smartcity.pages.library import generated_files
    from smartcity.model.loader import DataError
    from smartcity.edition.data import site_data

    try:
        lang = page_lang(config)
        added = generated_files(site_data(), lang, load_edition(),
                                lambda path: files.get_file_from_path(path) is not None)
    except (DataError, ValueError) as err:
        raise PluginError(str(err)) from None
    for src_uri, content in added.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
