"""Open data shared by every file (the licence block, the JSON writer) and the two files that
list the guide's own items: the checklist and the indicators, as JSON and as tables for the XLSX
(smartcity/outputs/open_data/export.py builds the rest). Texts keep the edition's languages `langs` only."""
from __future__ import annotations

import json
from typing import Any

from smartcity.model.schemas.base import Strict, Text
from smartcity.model.schemas.figures import Figure
from smartcity.model.schemas.planning import CitykeysCategory, IndicatorGroup
from smartcity.model.traversal import ordered_units, shows
from smartcity.outputs.open_data.table import Custom, Sheet, model_columns, sheet


class Licence(Strict):
    text: dict[str, str]
    credit: Text


def licence_block(data: Any, licence: dict[str, str]) -> Licence:
    """The edition's licence line (per language it offers) and the credit to the source guide."""
    return Licence(text=licence, credit=data.index["ui"]["casepage.source_guide"])


def dump_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class ChecklistRow(Strict):
    """A checklist item as published: the JSON's `items` and the XLSX rows."""

    id: str
    phase: str
    step: str
    step_title: Text
    text: Text


class IndicatorRow(Strict):
    """An example objective with its indicators, and the set it belongs to (the XLSX rows)."""

    set: str
    case: str
    group: IndicatorGroup


def checklist_rows(data: Any) -> list[ChecklistRow]:
    units = {unit.id: (phase, unit) for phase, _, unit in ordered_units(data)}
    return [ChecklistRow(id=item.id, phase=units[item.step][0].id, step=item.step,
                         step_title=units[item.step][1].title, text=item.text)
            for item in data.checklist.items]


def checklist_json(data: Any, licence: dict[str, str], langs: tuple[str, ...] | None = None) -> bytes:
    only = {"languages": langs or data.languages.codes}
    rows = checklist_rows(data)
    return dump_json({
        "title": data.index["ui"]["data.checklist_title"].model_dump(context=only),
        "licence": licence_block(data, licence).model_dump(mode="json", context=only),
        "count": len(rows),
        "items": [row.model_dump(mode="json", context=only) for row in rows],
    })


def citykeys_figures(data: Any) -> list[Figure]:
    return [f for file in data.figures for f in file.figures if f.group == "citykeys"]


def indicator_sets(data: Any) -> list[Any]:
    return [s for s in data.indicator_examples.sets if shows(data, s.case)]  # not those of cases the edition hides


def indicators_json(data: Any, licence: dict[str, str], langs: tuple[str, ...] | None = None) -> bytes:
    """The CITYkeys categories and their themes, its key figures, and the example indicator sets."""
    only = {"languages": langs or data.languages.codes}
    return dump_json({
        "title": data.index["ui"]["data.indicators_title"].model_dump(context=only),
        "licence": licence_block(data, licence).model_dump(mode="json", context=only),
        "citykeys": {
            "categories": [c.model_dump(mode="json", context=only) for c in data.citykeys.categories],
            "figures": [f.model_dump(mode="json", exclude_none=True, context=only) for f in citykeys_figures(data)],
        },
        "indicator_sets": [s.model_dump(mode="json", exclude_none=True, context=only) for s in indicator_sets(data)],
    })


def checklist_tables(data: Any, langs: tuple[str, ...]) -> list[Sheet]:
    return [sheet("checklist", model_columns(ChecklistRow, langs), checklist_rows(data))]


def indicator_tables(data: Any, langs: tuple[str, ...]) -> list[Sheet]:
    """The indicators file's three lists, a table each: the categories (their themes one per
    line), the key figures, and the example objectives, one row each."""
    rows = [IndicatorRow(set=s.id, case=s.case, group=g) for s in indicator_sets(data) for g in s.groups]
    unprefixed = {"group": Custom(name=""), "group.id": Custom(name="group")}  # theme_fr, not group_theme_fr
    return [
        sheet("categories", model_columns(CitykeysCategory, langs), data.citykeys.categories),
        sheet("figures", model_columns(Figure, langs), citykeys_figures(data)),
        sheet("indicator_sets", model_columns(IndicatorRow, langs, unprefixed), rows),
    ]
