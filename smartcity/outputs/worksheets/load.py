"""Read and check the worksheet definitions, and resolve the data lists they name."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartcity.model.reads import Remembered, note
from smartcity.model.loader import ROOT, DataError, _rel, _validate, read_yaml, sources
from smartcity.model.schemas.base import Text

from smartcity.outputs.worksheets.model import Field, Worksheet

FOLDER = ROOT / "data" / "worksheets"  # the guide's; a build reads those of its data root (`data.root`)
LABELS = ("title", "name", "text")  # the attribute that names a list entry, in this order


@dataclass(frozen=True)
class Item:
    """One entry of a data list, as a worksheet shows it."""

    id: str
    label: Text


class ListError(ValueError):
    pass


def data_list(data: Any, key: str) -> list[Item]:
    """The entries of a data list named like "participation.levels.rungs" (lists are flattened)."""
    path, _, label_attr = key.partition(":")
    stem, *attrs = path.split(".")
    source = next((s for s in sources() if not s.many and s.pattern == f"{stem}.yml"), None)
    value = getattr(data, source.name, None) if source else None
    if value is None:
        raise ListError(f"data list '{key}': data/{stem}.yml is missing or has no model")
    nodes = [value]
    for attr in attrs or [stem.replace("-", "_")]:
        found = []
        for node in nodes:
            if not hasattr(node, attr):
                raise ListError(f"data list '{key}': data/{stem}.yml has no key '{attr}'")
            got = getattr(node, attr)
            found.extend(got if isinstance(got, (list, tuple)) else [got])
        nodes = found
    items = []
    for node in nodes:
        id_ = getattr(node, "id", None)
        names = [label_attr] if label_attr else [a for a in LABELS if getattr(node, a, None)]
        label = getattr(node, names[0], None) if names else None
        if not isinstance(id_, str) or label is None:
            raise ListError(f"data list '{key}': its entries need an id and a {' or '.join(names or LABELS)}")
        items.append(Item(id_, label if isinstance(label, Text) else Text(**{code: str(label) for code in data.languages.codes})))
    if not items:
        raise ListError(f"data list '{key}' is empty")
    return items


def _list_keys(field: Field) -> list[tuple[str, str]]:
    """(where, key) for every data list a field names."""
    keys = [("options_from", field.options_from), ("rows_from", field.rows_from)]
    keys += [(f"columns[{i}].options_from", c.options_from) for i, c in enumerate(field.columns)]
    return [(where, key) for where, key in keys if key]


def check(sheet: Worksheet, path: Path, data: Any) -> None:
    """What pydantic cannot see: file name, step, parts and data lists."""
    where = f"{_rel(path)}: entry '{sheet.id}'"
    if path.stem != sheet.id:
        raise DataError(f"{where}, field 'id': must match the file name '{path.stem}'")
    steps = {s.id: s for p in data.phases.phases for s in p.steps}
    if sheet.id not in steps:
        raise DataError(f"{where}, field 'id': '{sheet.id}' is not a step of data/phases.yml "
                        f"(known: {', '.join(steps)})")
    parts = {p.id for p in steps[sheet.id].parts}
    for i, section in enumerate(sheet.sections):
        if section.part and section.part not in parts:
            raise DataError(f"{_rel(path)}: entry '{section.id}', field 'part': '{section.part}' "
                            f"is not a part of step {sheet.id} (parts: {', '.join(sorted(parts)) or 'none'})")
        for field in section.fields:
            for attr, key in _list_keys(field):
                try:
                    data_list(data, key)
                except ListError as err:
                    raise DataError(f"{_rel(path)}: entry '{field.id}', field '{attr}': {err}") from None


def load_worksheets(data: Any, folder: Path | None = None) -> dict[str, Worksheet]:
    """Every definition in `folder` (default: the data root's worksheets/), validated and
    checked, in the guide's step order."""
    folder = data.root / "worksheets" if folder is None else folder
    sheets: dict[str, Worksheet] = {}
    for path in sorted(folder.glob("*.yml")):
        sheet = _validate(path, read_yaml(path), Worksheet, declared=data.languages.codes)
        assert isinstance(sheet, Worksheet)
        check(sheet, path, data)
        sheets[sheet.id] = sheet
    order = [s.id for p in data.phases.phases for s in p.steps]
    return {id_: sheets[id_] for id_ in order if id_ in sheets}


_cache: dict[tuple, tuple[Any, Remembered]] = {}
READS_NAME = "worksheets"  # how a read of the definitions is recorded (smartcity/model/reads.py)


def load_cached(data: Any, folder: Path | None = None) -> dict[str, Worksheet]:
    """Load once per state of the definitions and of the data (`make serve` stays fast)."""
    folder = data.root / "worksheets" if folder is None else folder
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yml")))
    key = (str(folder), id(data), stamp)
    note((READS_NAME,))
    if key not in _cache:
        _cache.clear()
        _cache[key] = (data, Remembered(lambda: load_worksheets(data, folder)))  # holding data keeps its id unique
    return _cache[key][1].get()
