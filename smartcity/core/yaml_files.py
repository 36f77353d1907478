"""Reading the YAML files of data/ and of editions, with errors that name the file."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]  # smartcity/core/yaml_files.py


class DataError(Exception):
    """A data file is wrong. The message says which file, entry and field."""


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML keeps the last of two equal keys without a word; we refuse them. libyaml parses
    where PyYAML has it (its wheels do): several times faster, and `make serve` reloads the
    data on every data edit."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise DataError(
                    f"duplicate key '{key}' at line {line} (first at line {seen[key]})"
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except DataError as err:
        raise DataError(f"{rel(path)}: {err}") from None
    except yaml.YAMLError as err:
        raise DataError(f"{rel(path)}: not valid YAML: {err}") from None
    except ValueError as err:  # PyYAML's own constructors, e.g. an impossible date 2016-02-30
        raise DataError(f"{rel(path)}: a value cannot be read: {err}") from None


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
