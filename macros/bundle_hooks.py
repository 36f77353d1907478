"""MkDocs hook: `extra_css` and `extra_javascript` ship as one minified file each (macros/bundle.py).

Listed after macros/edition_hooks.py, whose palette joins the styles in its place in the
cascade. The sources stay as they are in overrides/ for authors; only the bundles are
written. The names the sources had are kept in `config.extra["sc_bundle"]` for the
whole-guide PDF, which reads the styles from disk.

Our additions to Material's own scripts are appended to them here too (EXTENSIONS).
"""
from __future__ import annotations

# Material's script -> our addition, appended minified; the addition is not shipped alone.
EXTENSIONS = {"assets/javascripts/lunr/min/lunr.fr.min.js": "assets/javascripts/lunr/sc-fold-fr.js"}


def _path(entry) -> str:
    return str(getattr(entry, "path", entry))  # mkdocs 1.6 wraps scripts in ExtraScriptValue


def on_files(files, config):
    from mkdocs.exceptions import PluginError

    from macros.bundle import BundleError

    try:
        config.extra["sc_bundle"] = _bundle(files, config)
        _extend(files, config)
    except BundleError as err:
        source = files.get_file_from_path(err.source)
        raise PluginError(f"{source.abs_src_path if source else err.source}: {err.problem}") from None
    return files


def _bundle(files, config) -> dict:
    from mkdocs.structure.files import File

    from macros.bundle import bundle

    made = {}
    for kind, key in (("css", "extra_css"), ("js", "extra_javascript")):
        local = [p for p in map(_path, config[key]) if files.get_file_from_path(p) is not None]
        if not local:
            continue
        made[kind] = bundle(kind, [(p, files.get_file_from_path(p).content_string) for p in local])
        for path in local:
            files.remove(files.get_file_from_path(path))
        files.append(File.generated(config, made[kind].path, content=made[kind].text))
        # Anything not in the site (an absolute URL) keeps its place after the bundle.
        config[key] = [made[kind].path] + [e for e in config[key] if _path(e) not in local]
    return made


def _extend(files, config) -> None:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    from macros.bundle import extend

    for target, addition in EXTENSIONS.items():
        base, extra = files.get_file_from_path(target), files.get_file_from_path(addition)
        if extra is None:
            continue
        if base is None:
            raise PluginError(f"{extra.abs_src_path}: extends {target}, which the theme no longer has")
        text = extend(base.content_string, addition, extra.content_string)
        files.remove(extra)
        files.remove(base)
        files.append(File.generated(config, target, content=text))
