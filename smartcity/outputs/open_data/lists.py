"""Open data shared by every file (the licence block, the JSON writer) and the two files that
list the guide's own items: the checklist and the indicators (smartcity/outputs/open_data/export.py
builds the rest). Texts keep the edition's languages `langs` only."""
from __future__ import annotations

import json
from typing import Any

from smartcity.model.traversal import shows
from smartcity.model.schemas.base import Strict, Text
from smartcity.model.traversal import ordered_units


class Licence(Strict):
    text: dict[str, str]
    credit: Text


def licence_block(data: Any, licence: dict[str, str]) -> Licence:
    """The edition's licence line (per language it offers) and the credit to the source guide."""
    return Licence(text=licence, credit=data.index["ui"]["casepage.source_guide"])


def dump_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def checklist_json(data: Any, licence: dict[str, str], langs: tuple[str, ...] | None = None) -> bytes:
    units = {unit.id: (phase, unit) for phase, _, unit in ordered_units(data)}
    only = {"languages": langs or data.languages.codes}
    return dump_json({
        "title": data.index["ui"]["data.checklist_title"].model_dump(context=only),
        "licence": licence_block(data, licence).model_dump(mode="json", context=only),
        "count": len(data.checklist.items),
        "items": [
            {"id": item.id, "phase": units[item.step][0].id, "step": item.step,
             "step_title": units[item.step][1].title.model_dump(context=only),
             "text": item.text.model_dump(context=only)}
            for item in data.checklist.items
        ],
    })


def indicators_json(data: Any, licence: dict[str, str], langs: tuple[str, ...] | None = None) -> bytes:
    """The CITYkeys categories and their themes, its key figures, and the example indicator sets."""
    figures = [f for file in data.figures for f in file.figures if f.group == "citykeys"]
    only = {"languages": langs or data.languages.codes}
    return dump_json({
        "title": data.index["ui"]["data.indicators_title"].model_dump(context=only),
        "licence": licence_block(data, licence).model_dump(mode="json", context=only),
        "citykeys": {
            "categories": [c.model_dump(mode="json", context=only) for c in data.citykeys.categories],
            "figures": [f.model_dump(mode="json", exclude_none=True, context=only) for f in figures],
        },
        "indicator_sets": [s.model_dump(mode="json", exclude_none=True, context=only)
                           for s in data.indicator_examples.sets
                           if shows(data, s.case)],  # not those of cases the edition hides
    })
