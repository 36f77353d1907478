"""The data loader: valid data loads; malformed data stops with file, entry and field named."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartcity.model.loader import DataError, load


def test_valid_data_loads(data):
    phases = data.phases.phases
    assert [p.id for p in phases] == ["p0", "p1", "p2", "p3"]
    assert [len(p.steps) for p in phases] == [5, 4, 3, 3]
    steps = [s.id for p in phases for s in p.steps]
    assert steps[0] == "p0-s1" and steps[-1] == "p3-s3" and len(steps) == 15
    parts = [part.id for p in phases for s in p.steps for part in s.parts]
    assert parts == ["p2-s2a", "p2-s2b", "p2-s2c", "p2-s2d"]
    assert len(data.checklist.items) == 33


def test_every_checklist_item_attached_to_a_known_step(data):
    counts: dict[str, int] = {}
    for item in data.checklist.items:
        phase = data.get("step", item.step) and item.step.split("-")[0]
        counts[phase] = counts.get(phase, 0) + 1
    # The source's checklist: 5, 11, 13 and 4 items per phase.
    assert counts == {"p0": 5, "p1": 11, "p2": 13, "p3": 4}


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# Each case breaks one thing and names what the message must contain.
CASES = {
    "unknown key": (
        lambda d: edit(d / "checklist.yml", "  - id: p0-s1-i1\n", "  - id: p0-s1-i1\n    colour: red\n"),
        ["data/checklist.yml", "entry 'p0-s1-i1'", "colour", "is not a field this file knows"],
    ),
    "missing language": (
        lambda d: edit(d / "checklist.yml",
                       "      en: Elected officials have clearly expressed their will to launch a smart city approach.\n", ""),
        ["data/checklist.yml", "entry 'p0-s1-i1'", "text.en", "is required"],
    ),
    "empty text": (
        lambda d: edit(d / "phases.yml", "title: {fr: Leadership, en: Leadership}", "title: {fr: Leadership, en: ''}"),
        ["data/phases.yml", "entry 'p0-s2'", "title.en"],
    ),
    "duplicate id": (
        lambda d: edit(d / "checklist.yml", "- id: p0-s2-i1", "- id: p0-s1-i1"),
        ["data/checklist.yml", "entry 'p0-s1-i1'", "field 'id'", "duplicate checklist-item id"],
    ),
    "unknown step reference": (
        lambda d: edit(d / "checklist.yml", "    step: p0-s2\n", "    step: p9-s9\n"),
        ["data/checklist.yml", "entry 'p0-s2-i1'", "field 'step'", "unknown step id 'p9-s9'"],
    ),
    "duplicate yaml key": (
        lambda d: edit(d / "units.yml", "percent_points:", "percent:"),
        ["data/units.yml", "duplicate key 'percent'"],
    ),
    "not yaml": (
        lambda d: edit(d / "dimensions.yml", "dimensions:", "dimensions: [", 1),
        ["data/dimensions.yml", "not valid YAML"],
    ),
    "bad id shape": (
        lambda d: edit(d / "dimensions.yml", "id: mobility", "id: Mobility Stuff"),
        ["data/dimensions.yml", "entry 'Mobility Stuff'", "field 'id'", "expected lowercase letters, digits and hyphens", "not 'Mobility Stuff'"],
    ),
    "slug not matching id": (
        lambda d: edit(d / "phases.yml", "slug: p0-s3-cross-functional-team", "slug: team"),
        ["data/phases.yml", "entry 'p0-s3'", "field 'slug'", "slug 'team'"],
    ),
    "steps out of order": (
        lambda d: edit(d / "phases.yml", "number: 7\n", "number: 17\n"),
        ["data/phases.yml", "step numbers must run"],
    ),
    "unit without placeholder": (
        lambda d: edit(d / "units.yml", 'km: {fr: "{n} km", en: "{n} km"}', 'km: {fr: "km", en: "{n} km"}'),
        ["data/units.yml", "unit 'km'", "{n}"],
    ),
    "missing file": (
        lambda d: (d / "phases.yml").unlink(),
        ["data/phases.yml", "file is missing"],
    ),
    "unknown dimension in a case": (
        lambda d: (d / "cases").mkdir(exist_ok=True) or (d / "cases" / "zz-test.yml").write_text(
            "id: zz-test\ncity: {fr: X, en: X}\ncountry: {fr: Belgique, en: Belgium}\ncountry_code: BE\n"
            "steps: [p0-s1]\ndimensions: [teleportation]\nsummary: {fr: x, en: x}\n", encoding="utf-8"),
        ["data/cases/zz-test.yml", "entry 'zz-test'", "dimensions[0]", "unknown dimension id 'teleportation'"],
    ),
    "impossible date": (
        lambda d: edit(d / "units.yml", "km:", "when: 2016-02-30\nkm:"),
        ["data/units.yml", "cannot be read"],
    ),
    "wrong type": (
        lambda d: edit(d / "phases.yml", "number: 1\n        slug: p0-s1", "number: one\n        slug: p0-s1"),
        ["data/phases.yml", "entry 'p0-s1'", "field 'number'"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_data_fails_clearly(name, data_copy):
    breaker, expected = CASES[name]
    breaker(data_copy)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    message = re.sub(r"\S*/data/", "data/", str(caught.value))
    for part in expected:
        assert part in message, f"{name}: {part!r} not in {message!r}"
