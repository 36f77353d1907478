"""MkDocs hook: our `extra_css` and `extra_javascript` ship as one minified file each (smartcity/outputs/bundle.py).

Listed after smartcity/mkdocs/edition_hooks.py, whose palette joins the styles in its place in the
cascade. The sources stay as they are in overrides/ for authors; only the bundles are written.

What is bundled: a plain local stylesheet that sits in assets/stylesheets/ or refers to no
other file (a relative `url()` would break once moved), and a plain local script of ours,
`sc-*.js` (modern syntax is fine; one that does not parse stops the build). Anything else a
fork lists (a remote file, a module, a script with `defer`, a library) ships as it is, and
keeps its place: each unbroken run of bundled entries becomes one bundle where the run stood.

Scripts listed in `extra.sc_on_demand` (site path -> selector, or null) are minified alone,
as chunks, and left out of the bundle; sc-load.js, in the bundle, loads each one on the
pages that match its selector, or when another script asks. Their table (`window.scChunks`)
opens the first script bundle.

The text of every local stylesheet, in order, stays in `config.extra["sc_css_texts"]` for
the whole-guide PDF. Our additions to Material's own scripts are appended to them (EXTENSIONS).
"""
from __future__ import annotations

import re
from itertools import groupby

# Our addition to Material's search support of a language, appended minified and not shipped
# alone: lunr/sc-fold-<code>.js joins lunr/min/lunr.<code>.min.js. A language needs none.
ADDITION = re.compile(r"^assets/javascripts/lunr/sc-fold-([a-z]{2,3})\.js$")
EXTENSIONS: dict[str, str] = {}  # further additions: Material's script -> ours


def extensions(files) -> dict[str, str]:
    found = {f"assets/javascripts/lunr/min/lunr.{m.group(1)}.min.js": f.src_uri
             for f in files if (m := ADDITION.match(f.src_uri))}
    return {**found, **EXTENSIONS}


def _path(entry) -> str:
    return str(getattr(entry, "path", entry))  # mkdocs 1.6 wraps scripts in ExtraScriptValue


def _plain(entry) -> bool:
    return not any(getattr(entry, attr, False) for attr in ("type", "defer", "async_"))


def bundleable(kind: str, entry, file) -> bool:
    """Whether `entry` of extra_css / extra_javascript, found in the site as `file`, joins a bundle."""
    from smartcity.outputs.bundle import CSS_DIR

    path = _path(entry)
    if file is None or not _plain(entry):
        return False
    if kind == "js":
        return path.endswith(".js") and path.rsplit("/", 1)[-1].startswith("sc-")
    return path.endswith(".css") and (path.startswith(CSS_DIR + "/") or "url(" not in file.content_string)


def on_files(files, config):
    from mkdocs.exceptions import PluginError

    from smartcity.outputs.bundle import BundleError

    config.extra["sc_css_texts"] = [files.get_file_from_path(_path(e)).content_string for e in config.extra_css
                                    if files.get_file_from_path(_path(e)) is not None]
    try:
        chunks = _chunks(files, config)
        config.extra["sc_chunks"] = {name: made for name, (made, _) in chunks.items()}
        config.extra["sc_bundle"] = {kind: _bundle(files, config, kind, chunks) for kind in ("css", "js")}
        _extend(files, config)
    except BundleError as err:
        source = files.get_file_from_path(err.source)
        raise PluginError(f"{source.abs_src_path if source else err.source}: {err.problem}") from None
    return files


def _chunks(files, config) -> dict:
    """name -> (chunk Bundle, selector) for `extra.sc_on_demand`; each source leaves the site."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    from smartcity.outputs.bundle import VENDOR, chunk

    wanted = config.extra.get("sc_on_demand") or {}
    where = "mkdocs.yml, extra.sc_on_demand"
    if not isinstance(wanted, dict):
        raise PluginError(f"{where}: expected a mapping of script path to selector (or null), not {wanted!r}")
    listed = {_path(e) for e in config.extra_javascript}
    made, used = {}, {}
    for path, spec in wanted.items():
        # A selector (or null), or {when: selector, needs: [scripts joined ahead of it]}.
        when, needs = (spec.get("when"), spec.get("needs") or []) if isinstance(spec, dict) else (spec, [])
        if isinstance(spec, dict) and (set(spec) - {"when", "needs"} or not isinstance(needs, list)):
            raise PluginError(f"{where}, {path}: expected the keys 'when' (a selector or null) and "
                              f"'needs' (a list of script paths), not {spec!r}")
        if when is not None and not (isinstance(when, str) and when.strip()):
            raise PluginError(f"{where}, {path}: the selector must be a CSS selector or null, not {when!r}")
        sources = []
        for part in [*needs, path]:
            source = files.get_file_from_path(str(part))
            ours = str(part).rsplit("/", 1)[-1].startswith("sc-") or (part != path and str(part).startswith(VENDOR))
            if source is None or not str(part).endswith(".js") or not ours:
                raise PluginError(f"{where}, {path}: no script of ours (assets/javascripts/sc-*.js), nor a "
                                  f"vendored library it needs ({VENDOR}*.js), has the path {part}")
            if part in listed:
                raise PluginError(f"{where}, {part}: also listed in extra_javascript; list it in one place only")
            sources.append(source)
        name = str(path).rsplit("/", 1)[-1].removesuffix(".js")
        made[name] = (chunk([(s.src_uri, s.content_string) for s in sources]), when)
        used.update({s.src_uri: s for s in sources})
    # Sources leave the site once every chunk is made: two chunks may share one (sc-lost.js).
    for source in used.values():
        files.remove(source)
    for bundle, _ in made.values():
        files.append(File.generated(config, bundle.path, content=bundle.text))
    return made


def _bundle(files, config, kind: str, chunks: dict | None = None) -> list:
    from mkdocs.structure.files import File

    from smartcity.outputs.bundle import JS_DIR, bundle, manifest

    key = "extra_css" if kind == "css" else "extra_javascript"
    entries, made = [], []
    runs = groupby(config[key], lambda e: bundleable(kind, e, files.get_file_from_path(_path(e))))
    for joins, run in runs:
        run = list(run)
        if not joins:
            entries.extend(run)
            continue
        paths = [_path(e) for e in run]
        sources = [(p, files.get_file_from_path(p).content_string) for p in paths]
        if kind == "js" and chunks and not made:
            sources.insert(0, (f"{JS_DIR}/sc-chunks.js", manifest(chunks)))
        made.append(bundle(kind, sources))
        for path in paths:
            files.remove(files.get_file_from_path(path))
        files.append(File.generated(config, made[-1].path, content=made[-1].text))
        entries.append(made[-1].path)
    config[key] = entries
    return made


def _extend(files, config) -> None:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    from smartcity.outputs.bundle import extend

    for target, addition in extensions(files).items():
        base, extra = files.get_file_from_path(target), files.get_file_from_path(addition)
        if extra is None:
            continue
        if base is None:
            raise PluginError(f"{extra.abs_src_path}: extends {target}, which the theme no longer has")
        text = extend(base.content_string, addition, extra.content_string)
        files.remove(extra)
        files.remove(base)
        files.append(File.generated(config, target, content=text))
