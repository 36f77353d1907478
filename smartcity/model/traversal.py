"""Walking the guide's data: steps and parts in reading order, and the cases an edition shows."""
from __future__ import annotations

from typing import Any


def ordered_units(data: Any) -> list[tuple[Any, Any, Any]]:
    """Every step and part in reading order, as (phase, step, unit)."""
    out = []
    for phase in data.phases.phases:
        for step in phase.steps:
            out.append((phase, step, step))
            out.extend((phase, step, part) for part in step.parts)
    return out


def locate(data: Any, unit_id: str) -> tuple[Any, Any, Any]:
    for triple in ordered_units(data):
        if triple[2].id == unit_id:
            return triple
    data.get("step", unit_id)
    raise AssertionError(unit_id)


def shows(data: Any, case_id: str) -> bool:
    """The edition's choice: data.cases holds only the cases it shows (smartcity/edition/model.py, apply)."""
    return any(c.id == case_id for c in data.cases)


def items_for(data: Any, unit_id: str) -> list[Any]:
    """Items of a step, or of a step and all its parts (p2-s2 shows its four parts' items)."""
    _, step, unit = locate(data, unit_id)
    ids = {unit.id} | ({p.id for p in step.parts} if unit is step else set())
    return [item for item in data.checklist.items if item.step in ids]


def full_checklist_groups(data: Any) -> list[tuple[Any, list[tuple[Any, Any, list[Any]]]]]:
    """[(phase, [(step, unit, items)])]: every step or part that has items, in reading order."""
    groups = []
    for phase in data.phases.phases:
        units = [(step, unit, [i for i in data.checklist.items if i.step == unit.id])
                 for p, step, unit in ordered_units(data) if p is phase]
        groups.append((phase, [u for u in units if u[2]]))
    return [g for g in groups if g[1]]
