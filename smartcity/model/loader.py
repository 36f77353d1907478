"""Load and validate everything under data/, once, with errors that name file, entry and field."""
from __future__ import annotations

import importlib
import logging
import pkgutil
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from smartcity.core.yaml_files import ROOT, DataError, rel as _rel, read_yaml  # noqa: F401 - re-exported
from smartcity.model import reads, schemas as models
from smartcity.core.validation_words import plain
from smartcity.model.schemas.base import Source, iter_refs
from smartcity.model.schemas.languages import LanguagesFile

DATA_DIR = ROOT / "data"
YAML_SUFFIXES = (".yml", ".yaml")
# Not under "mkdocs.": MkDocs' strict mode counts only its own loggers' warnings, so this one
# is shown (by the build's logging set-up, or Python's last-resort handler) without failing it.
log = logging.getLogger("smartcity.data")


def sources() -> list[Source]:
    found: list[Source] = []
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        found.extend(getattr(module, "SOURCES", []))
    return found


class Data:
    """Validated data: one attribute per source, plus an id index per kind."""

    def __init__(self) -> None:
        self._sources: dict[str, str] = {}  # source -> the name a read of it is recorded as
        self._kinds: dict[str, set[str]] = {}  # id kind -> those names, for the sources holding its ids
        self.index: dict[str, dict[str, Any]] = reads.RecordingIndex(self._kinds)
        self.origin: dict[tuple[str, str], str] = {}
        self.root: Path = DATA_DIR

    def __getattr__(self, name: str) -> Any:
        """Only for a source a smaller data root does not hold (see `load`'s `only`)."""
        known = {s.name: s for s in sources()}
        if name in known:
            raise DataError(f"{_rel(self.root)}: this data root has no {known[name].pattern} "
                            f"(source '{name}'), which the build asks for; add the file")
        raise AttributeError(name)

    def __getattribute__(self, name: str) -> Any:
        if reads.OPEN:
            recorded = object.__getattribute__(self, "_sources").get(name)
            if recorded:
                reads.note((recorded,))
        return object.__getattribute__(self, name)

    def _holds(self, source: Source, kind: str | None = None) -> None:
        name = f"{source.name}:list" if issubclass(source.model, reads.FieldReads) else source.name
        self._sources[source.name] = name
        if kind:
            self._kinds.setdefault(kind, set()).add(name)

    def holds(self, name: str) -> bool:
        """Whether this data root holds the source `name` (a smaller root may not)."""
        return name in self._sources

    def source_values(self) -> dict[str, Any]:
        """Each source's value, by source name (what smartcity.model.reads.digests takes)."""
        return {name: object.__getattribute__(self, name) for name in self._sources}

    def t(self, key: str, lang: str) -> str:
        """An interface string from data/ui/*.yml; an unknown key stops the build."""
        try:
            return self.index["ui"][key](lang)
        except KeyError:
            raise DataError(f"data/ui: no string '{key}'") from None

    def get(self, kind: str, id_: str) -> Any:
        try:
            return self.index[kind][id_]
        except KeyError:
            known = ", ".join(sorted(self.index.get(kind, {}))) or "none"
            raise DataError(f"unknown {kind} id '{id_}' (known: {known})") from None


def _entry_and_field(raw: Any, loc: Iterable[Any]) -> tuple[str | None, str]:
    """Follow a pydantic error location through the raw YAML to name the entry and field."""
    entry, node, parts = None, raw, []
    for step in loc:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            entry, parts = node["id"], []
        parts.append(f"[{step}]" if isinstance(step, int) else str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        entry, parts = node["id"], []  # a whole-entry check: the entry is the subject
    return entry, ".".join(parts).replace(".[", "[")


def _validate(path: Path, raw: Any, model: type[BaseModel], languages: tuple[str, ...] | None = None,
              declared: tuple[str, ...] | None = None) -> BaseModel:
    """`declared`: the data root's languages; `languages`: those an edition's own file is written
    in (models.base.offered), None for the data root's files, which need every declared one."""
    context: dict[str, Any] = {} if declared is None else {"declared": tuple(declared)}
    if languages is not None:
        context["languages"] = tuple(languages)
    try:
        return model.model_validate(raw, context=context or None)
    except ValidationError as err:
        lines = []
        for problem in err.errors():
            loc = [p for p in problem["loc"] if p not in ("root",)]
            entry, field = _entry_and_field(raw, loc)
            where = f"entry '{entry}', " if entry else ""
            lines.append(f"{_rel(path)}: {where}field '{field or '(file)'}': {plain(problem)}")
        raise DataError("\n".join(lines)) from None


def _paths(data_dir: Path, source: Source, extra_dirs: dict[str, list[Path]]) -> list[tuple[Path, bool]]:
    """The source's files, each with whether it is the edition's own (from `extra_dirs`)."""
    if source.many:
        paths = [(p, False) for p in sorted(data_dir.glob(source.pattern))]
        for folder in extra_dirs.get(source.name, []):
            paths += [(p, True) for p in local_files(folder)]
        return paths
    path = data_dir / source.pattern
    if not path.exists():
        if source.optional:
            return []
        raise DataError(f"{_rel(path)}: file is missing")
    return [(path, False)]


def _editor_file(name: str) -> bool:
    """Hidden files and the leftovers of editors: .DS_Store, .foo.swp, notes.yml~, x.swo."""
    return name.startswith(".") or name.endswith("~") or name.endswith((".swp", ".swo"))


def local_files(folder: Path, holds: str = "one case per file, each file named after the case and") -> list[Path]:
    """An edition's own folder: every .yml and .yaml file; hidden and editor files are skipped
    with a warning naming them; anything else stops the build. `holds` says what the folder is
    for, in the message."""
    found, skipped = [], []
    for path in sorted(folder.iterdir()):
        if _editor_file(path.name):
            skipped.append(path.name)
        elif path.is_file() and path.suffix.lower() in YAML_SUFFIXES:
            found.append(path)
        else:
            kind = "a folder" if path.is_dir() else "not a YAML file"
            raise DataError(f"{_rel(path)}: {kind}; this folder holds {holds} ending in .yml or .yaml. "
                            f"Move or remove it.")
    if skipped:
        log.warning("%s: ignored %s (hidden or editor files)", _rel(folder), ", ".join(skipped))
    return found


def _stamp(data_dir: Path, extra: list[Path]) -> tuple:
    """What the cache key sees: data/'s YAML files, and every entry of the edition's folders
    (a new .yaml file, or a stray one that must stop the build, changes the key)."""
    paths = [p for p in data_dir.rglob("*") if p.suffix.lower() in YAML_SUFFIXES] if data_dir.exists() else []
    paths += [p for d in extra if d.exists() for p in d.iterdir()]
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(paths))


def read_languages(data_dir: Path = DATA_DIR) -> LanguagesFile:
    """The languages a data root declares (its languages.yml), read before any text."""
    path = data_dir / "languages.yml"
    if not path.is_file():
        raise DataError(f"{_rel(path)}: file is missing (it declares the languages of the texts)")
    value = _validate(path, read_yaml(path), LanguagesFile)
    assert isinstance(value, LanguagesFile)
    return value


def load(data_dir: Path = DATA_DIR, extra_dirs: dict[str, list[Path]] | None = None,
         languages: tuple[str, ...] | None = None, only: Iterable[str] | None = None) -> Data:
    """Read every source of the data root `data_dir`, validate it, index its ids and check
    every reference. Its texts are in the languages its languages.yml declares.

    The files of `extra_dirs` (an edition's local cases) need their texts in `languages`
    only, the languages the edition offers; the data root always needs every declared one.
    `only` names the sources a smaller site uses (a test's data root holds just those): the
    others are not read, and are not attributes of the result. The guide's data/ is always
    loaded whole (None), so each of its files is checked.
    """
    declared = read_languages(data_dir).codes
    unknown = [code for code in languages or () if code not in declared]
    if unknown:
        raise DataError(f"{_rel(data_dir / 'languages.yml')}: language {', '.join(unknown)} is not declared "
                        f"(declared: {', '.join(declared)})")
    data = Data()
    data.root = data_dir
    if only is None and data_dir.resolve() != DATA_DIR.resolve():
        only = _listed(data_dir)
    loaded: list[tuple[Path, BaseModel]] = []
    for source in _chosen(only):
        values = []
        for path, own in _paths(data_dir, source, extra_dirs or {}):
            value = _validate(path, read_yaml(path), source.model, languages if own else None, declared)
            values.append(value)
            loaded.append((path, value))
            if source.many and source.kind:
                _register(data, source.kind, value.id, value, path)
                data._holds(source, source.kind)
            for kind, id_, entry in getattr(value, "ids", lambda: [])():
                _register(data, kind, id_, entry, path)
                data._holds(source, kind)
        setattr(data, source.name, values if source.many else (values[0] if values else None))
        data._holds(source)
    _check_refs(data, loaded)
    return data


def _listed(data_dir: Path) -> list[str] | None:
    """A data root other than the guide's may hold only the sources its site uses: they are
    listed in its sources.yml (`sources: [...]`). Without that file, it holds every source."""
    path = data_dir / "sources.yml"
    if not path.is_file():
        return None
    listed = read_yaml(path)
    if not isinstance(listed, dict) or not isinstance(listed.get("sources"), list):
        raise DataError(f"{_rel(path)}: field 'sources': a list of source names is required")
    return [str(name) for name in listed["sources"]]


def _chosen(only: Iterable[str] | None) -> list[Source]:
    every = sources()
    if only is None:
        return every
    wanted, known = {"languages", *only}, {s.name for s in every}
    unknown = sorted(wanted - known)
    if unknown:
        raise DataError(f"no data source named {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    return [s for s in every if s.name in wanted or s.optional]  # an optional file may be absent anyway


def _register(data: Data, kind: str, id_: str, entry: Any, path: Path) -> None:
    known = data.index.setdefault(kind, {})
    if id_ in known:
        first = data.origin[(kind, id_)]
        raise DataError(f"{_rel(path)}: entry '{id_}', field 'id': duplicate {kind} id (also in {first})")
    known[id_] = entry
    data.origin[(kind, id_)] = _rel(path)


def _check_refs(data: Data, loaded: list[tuple[Path, BaseModel]]) -> None:
    for path, value in loaded:
        for entry, field, kind, target in iter_refs(value):
            if target not in data.index.get(kind, {}):
                where = f"entry '{entry}', " if entry else ""
                raise DataError(f"{_rel(path)}: {where}field '{field}': unknown {kind} id '{target}'")


_cache: dict[tuple, Data] = {}


def load_cached(data_dir: Path = DATA_DIR, extra_dirs: dict[str, list[Path]] | None = None,
                languages: tuple[str, ...] | None = None) -> Data:
    """Load once per content state: `make serve` reloads only when a data file changed.
    The site's data, as an edition makes it, comes from smartcity.edition.data.site_data()."""
    extra = [d for ds in (extra_dirs or {}).values() for d in ds]
    key = (str(data_dir), _stamp(data_dir, extra), tuple(languages or ()))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load(data_dir, extra_dirs, languages)
    return _cache[key]
