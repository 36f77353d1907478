"""What a worksheet definition (data/worksheets/<step id>.yml) may say, validated like data/.

A worksheet has a title, a purpose, instructions and sections of typed fields.
Where the guide has a list, a field names it (`options_from`, `rows_from`)
instead of copying it: see `worksheets.lists`.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field as Spec, model_validator

from smartcity.model.schemas.base import Id, Strict, Text

FieldType = Literal["short", "long", "table", "checklist", "choice", "rating"]
ColumnType = Literal["text", "long", "choice", "rating"]
# A data list: "<data file stem>.<key>[.<key>…][:<label attribute>]", e.g.
# "leadership.assets", "participation.levels.rungs", "monitoring.scope:what".
# A lone stem means the file's key of the same name ("dimensions").
ListKey = Annotated[str, Spec(pattern=r"^[a-z0-9_-]+(\.[a-z0-9_]+)*(:[a-z_]+)?$")]


class Option(Strict):
    id: Id
    label: Text


class Row(Strict):
    id: Id
    label: Text


class _Choices(Strict):
    """Options typed in place, drawn from a data list, or both (the list first)."""

    options: tuple[Option, ...] = ()
    options_from: Optional[ListKey] = None

    def _need_options(self, what: str) -> None:
        if not self.options and not self.options_from:
            raise ValueError(f"{what} needs `options` or `options_from`")
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"options: duplicate option id in {ids}")

    def _no_options(self, what: str) -> None:
        if self.options or self.options_from:
            raise ValueError(f"{what} takes no options")


class Column(_Choices):
    id: Id
    label: Text
    type: ColumnType = "text"

    @model_validator(mode="after")
    def _options_match_type(self) -> "Column":
        if self.type == "choice":
            self._need_options(f"column '{self.id}' of type choice")
        else:
            self._no_options(f"column '{self.id}' of type {self.type}")
        return self


class Field(_Choices):
    id: Id
    type: FieldType
    label: Text
    help: Optional[Text] = None
    # table
    columns: tuple[Column, ...] = ()
    rows: Annotated[int, Spec(ge=0, le=30)] = 0      # blank, numbered rows
    row_labels: tuple[Row, ...] = ()                # labelled rows typed in place
    rows_from: Optional[ListKey] = None             # labelled rows from a data list
    row_header: Optional[Text] = None               # heading of the row-label column
    # rating: what 1 and 5 mean (default: data/ui/worksheets.yml)
    low: Optional[Text] = None
    high: Optional[Text] = None

    @model_validator(mode="after")
    def _fits_type(self) -> "Field":
        table = (self.columns, self.rows, self.row_labels, self.rows_from, self.row_header)
        if self.type == "table":
            if not self.columns:
                raise ValueError("columns: a table needs at least one column")
            if not (self.rows or self.row_labels or self.rows_from):
                raise ValueError("rows: a table needs blank `rows`, `row_labels` or `rows_from`")
            ids = [c.id for c in self.columns]
            if len(ids) != len(set(ids)):
                raise ValueError(f"columns: duplicate column id in {ids}")
            self._no_options("a table")
        elif any(table):
            raise ValueError(f"columns/rows belong to tables, not to a {self.type} field")
        if self.type in ("checklist", "choice"):
            self._need_options(f"a {self.type} field")
        elif self.type != "table":
            self._no_options(f"a {self.type} field")
        if (self.low or self.high) and self.type != "rating":
            raise ValueError("low/high belong to rating fields")
        return self


class Section(Strict):
    id: Id
    title: Text
    intro: Optional[Text] = None
    part: Optional[Id] = None                       # the part page that shows it (p2-s2a…)
    layout: Literal["stack", "grid"] = "stack"      # grid: fields side by side (SWOT)
    fields: Annotated[tuple[Field, ...], Spec(min_length=1)]


class Worksheet(Strict):
    id: Id
    title: Text
    purpose: Text
    instructions: Annotated[tuple[Text, ...], Spec(min_length=1)]
    sections: Annotated[tuple[Section, ...], Spec(min_length=1)]

    @model_validator(mode="after")
    def _unique_ids(self) -> "Worksheet":
        for ids, what in (([s.id for s in self.sections], "section"),
                          ([f.id for s in self.sections for f in s.fields], "field")):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise ValueError(f"{what} id '{dup[0]}' is used twice; {what} ids must be unique in a worksheet")
        return self
