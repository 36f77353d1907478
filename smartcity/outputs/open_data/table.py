"""The row model of the tabular open data: columns derived from a data model's fields, rows
of typed cells, written as RFC 4180 CSV here and as XLSX by xlsx.py. One column list serves
both files, and a field added to a model gets its columns without a change here.

How a field becomes columns follows from its type: a text gets one column per language of the
edition (`summary_fr`, `summary_en`), a nested model one per field (`population_year`), a list
of ids one cell joined by spaces, a list of texts or of entries one cell per language with one
line each. A `Custom` entry renames a field, formats it, or leaves it out, where its type alone
would not say what a reader needs.
"""
from __future__ import annotations

import csv
import datetime
import io
import types
import typing
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from pydantic import BaseModel

from smartcity.model.schemas.base import ByLanguage

Cell = Union[str, int, float, None]  # None: an empty cell


@dataclass(frozen=True)
class Column:
    name: str  # the header: field path joined by "_", then the language for a text
    field: str  # the model field it comes from, dotted ("population.year"): the Data page describes it
    lang: Optional[str]
    get: Callable[[Any], Cell]


@dataclass(frozen=True)
class Custom:
    """How one field (by dotted path) is published where its type alone does not say."""

    name: Optional[str] = None  # the field's part of the column name instead of its own; "" drops it
    text: Optional[Callable[[Any, str], str]] = None  # (row, lang) -> the cell, one column per language
    skip: bool = False


@dataclass(frozen=True)
class Sheet:
    key: str  # its ui name: data.sheet.<key>
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def sheet(key: str, columns: list[Column], rows: typing.Iterable[Any]) -> Sheet:
    return Sheet(key, tuple(columns), tuple(tuple(col.get(row) for col in columns) for row in rows))


# --- Columns from a model's fields ---------------------------------------------------------------

def _bare(annotation: Any) -> Any:
    """The type under Optional[...] and Annotated[...]; `float | int` stays a union."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _is_model(tp: Any, base: type = BaseModel) -> bool:
    return isinstance(tp, type) and issubclass(tp, base)


def _has_text(model: type[BaseModel]) -> bool:
    for info in model.model_fields.values():
        tp = _bare(info.annotation)
        item = _bare(typing.get_args(tp)[0]) if typing.get_origin(tp) in (tuple, list) else tp
        if _is_model(item, ByLanguage) or (_is_model(item) and _has_text(item)):
            return True
    return False


def _plain(value: Any) -> Cell:
    """A value that needs no language: numbers stay numbers, booleans read as in the JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def entry_text(entry: Any, lang: str) -> str:
    """An entry of a list of models in one cell line: its values in order, texts in `lang`."""
    parts = []
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        if isinstance(value, ByLanguage):
            value = value(lang)
        elif isinstance(value, BaseModel):
            value = entry_text(value, lang)
        elif isinstance(value, (tuple, list)):
            value = " ".join(str(_plain(v)) for v in value)
        if value not in (None, ""):
            parts.append(str(_plain(value)))
    return ", ".join(parts)


def _at(path: tuple[str, ...]) -> Callable[[Any], Any]:
    def get(row: Any) -> Any:
        for name in path:
            row = getattr(row, name, None) if row is not None else None
        return row
    return get


def _per_lang(tp: Any) -> Callable[[Any, str], Cell] | None:
    """How a value of type `tp` reads in one language, if it is a text of some kind."""
    item = _bare(typing.get_args(tp)[0]) if typing.get_origin(tp) in (tuple, list) else None
    if _is_model(tp, ByLanguage):
        return lambda value, lang: value(lang)
    if typing.get_origin(tp) is dict or tp is dict:
        return lambda value, lang: value.get(lang)
    if _is_model(item, ByLanguage):
        return lambda value, lang: "\n".join(text(lang) for text in value)
    if _is_model(item) and _has_text(item):
        return lambda value, lang: "\n".join(entry_text(entry, lang) for entry in value)
    return None


def _single(tp: Any) -> Callable[[Any], Cell]:
    if typing.get_origin(tp) in (tuple, list):
        item = _bare(typing.get_args(tp)[0])
        if _is_model(item):
            return lambda value: "\n".join(entry_text(entry, "") for entry in value)
        return lambda value: " ".join(str(_plain(v)) for v in value)
    return _plain


def _walk(model: type[BaseModel], langs: tuple[str, ...], custom: dict[str, Custom],
          path: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> typing.Iterator[tuple[bool, Column]]:
    """(one column per language?, column) for every field of `model`, in the model's order."""
    for field_name, info in model.model_fields.items():
        here, dotted = (*path, field_name), ".".join((*path, field_name))
        spec = custom.get(dotted, Custom())
        if spec.skip:
            continue
        name = (*names, field_name if spec.name is None else spec.name)
        tp, get = _bare(info.annotation), _at(here)
        if spec.text is not None:
            yield from ((True, Column(_name(name, lang), dotted, lang, _row_text(spec.text, lang))) for lang in langs)
        elif _is_model(tp) and not _is_model(tp, ByLanguage):
            yield from _walk(tp, langs, custom, here, name)
        elif (read := _per_lang(tp)) is not None:
            yield from ((True, Column(_name(name, lang), dotted, lang, _cell(get, read, lang))) for lang in langs)
        else:
            yield False, Column(_name(name), dotted, None, _plain_cell(get, _single(tp)))


def _name(parts: tuple[str, ...], lang: str | None = None) -> str:
    return "_".join(p for p in (*parts, lang) if p)


def _row_text(func: Callable[[Any, str], str], lang: str) -> Callable[[Any], Cell]:
    return lambda row: func(row, lang)


def _cell(get: Callable[[Any], Any], read: Callable[[Any, str], Cell], lang: str) -> Callable[[Any], Cell]:
    return lambda row: None if (value := get(row)) is None else read(value, lang)


def _plain_cell(get: Callable[[Any], Any], read: Callable[[Any], Cell]) -> Callable[[Any], Cell]:
    return lambda row: None if (value := get(row)) is None else read(value)


def model_columns(model: type[BaseModel], langs: tuple[str, ...],
                  custom: dict[str, Custom] | None = None) -> list[Column]:
    """The columns of `model`: those that need no language first, then each text's columns,
    one per language of `langs` side by side; both groups in the model's field order."""
    walked = list(_walk(model, langs, custom or {}))
    columns = [col for per_lang, col in walked if not per_lang] + [col for per_lang, col in walked if per_lang]
    seen: set[str] = set()
    for col in columns:
        if col.name in seen:
            raise ValueError(f"{model.__name__}: two fields give the column '{col.name}' (rename one with Custom)")
        seen.add(col.name)
    return columns


# --- CSV -----------------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Cell) -> Cell:
    """A text that a spreadsheet would read as a formula gets a leading apostrophe (the
    OWASP advice for CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(table: Sheet) -> bytes:
    """RFC 4180 (CRLF, quotes where needed), UTF-8 with a byte-order mark, so that spreadsheet
    software opening the file directly recognises the encoding."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([col.name for col in table.columns])
    for row in table.rows:
        writer.writerow(["" if cell is None else spreadsheet_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")
