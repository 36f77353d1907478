"""Which data sources a piece of work reads: `make serve` rebuilds after a data edit only the
pages that read the edited source (smartcity/mkdocs/reads_hooks.py records them per page).

Recording is off unless a recording is open; the loader's `Data` reports each source
attribute and each id kind it hands out through `note()`.
"""
from __future__ import annotations

import hashlib
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

OPEN: list[set[str]] = []  # the open recordings, innermost last; read directly where speed counts


def note(names: Iterable[str]) -> None:
    """Add source names to every open recording (nested recordings each see them)."""
    for found in OPEN:
        found.update(names)


def start(into: set[str]) -> set[str]:
    OPEN.append(into)
    return into


def stop(into: set[str]) -> None:
    for i, each in enumerate(OPEN):
        if each is into:  # by identity: two recordings may hold equal sets
            del OPEN[i]
            return


@contextmanager
def recording(into: set[str] | None = None) -> Iterator[set[str]]:
    found = start(set() if into is None else into)
    try:
        yield found
    finally:
        stop(found)


@contextmanager
def paused() -> Iterator[None]:
    """Work that every reader shares (loading the data, applying the edition) is nobody's read."""
    held = OPEN[:]
    OPEN.clear()
    try:
        yield
    finally:
        OPEN[:] = held


class RecordingIndex(dict):
    """The loader's id index: while a recording is open, asking for a kind notes the sources
    its ids come from."""

    def __init__(self, kinds: dict[str, set[str]]) -> None:
        super().__init__()
        self.kinds = kinds

    def __getitem__(self, kind: str) -> Any:
        if OPEN:
            note(self.kinds.get(kind, ()))
        return super().__getitem__(kind)

    def get(self, kind: str, default: Any = None) -> Any:
        if OPEN:
            note(self.kinds.get(kind, ()))
        return super().get(kind, default)


class Remembered:
    """A memo's reads, kept with its value: a later hit notes them again, so a page that gets the
    value from the memo is recorded as reading what computing it read."""

    def __init__(self, compute) -> None:
        with recording() as found:
            self.value = compute()
        self.found = frozenset(found)

    def get(self):
        note(self.found)
        return self.value


def read_record(path: Path) -> dict:
    """A build's record ({"every": [...], "pages": {src_uri: [...]}}); {} if none or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_record(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # a killed build leaves no half record
    tmp.write_text(json.dumps(record, indent=1), encoding="utf-8")
    tmp.replace(path)


def fresh_pages(record: dict, changed_names: set[str]) -> set[str]:
    """The recorded pages that read none of the `changed_names`."""
    return {uri for uri, found in record.get("pages", {}).items() if not changed_names & set(found)}


class FieldReads:
    """For the entries of a source kept one per file (cases): a read is recorded per entry and
    field ("cases/barcelona.body"), so an edit to one case marks stale only the pages that
    show what changed. The list itself is recorded as "<source>:list" (which entries, in
    which order). `READS_SOURCE` names the source."""

    READS_SOURCE = ""

    def __getattribute__(self, name: str):
        if OPEN and name in type(self).model_fields:
            note((f"{type(self).READS_SOURCE}/{object.__getattribute__(self, 'id')}.{name}",))
        return object.__getattribute__(self, name)


def _digest(value) -> str:
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:16]


def digests(values: dict[str, object]) -> dict[str, str]:
    """What each read name stands for, as a digest: a page recorded as reading a name is stale
    when its digest changes. `values`: source name -> its value (a list for many-file sources)."""
    out = {}
    with paused():
        for name, value in values.items():
            entries = value if isinstance(value, list) else None
            if entries and all(isinstance(e, FieldReads) for e in entries):
                out[f"{name}:list"] = _digest([e.id for e in entries])
                for entry in entries:
                    for field in type(entry).model_fields:
                        out[f"{name}/{entry.id}.{field}"] = _digest(getattr(entry, field))
            else:
                out[name] = _digest(value)
    return out


def changed(old: dict[str, str], new: dict[str, str]) -> set[str]:
    return {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
