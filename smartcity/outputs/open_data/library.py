"""The case library's derived values: which cases are published and in what order,
each case's phases, population band and neighbours. Pure functions of the data,
shared by the explorer, the case pages, the nav and the open-data exports."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from smartcity.render.env import step_url
from smartcity.model.traversal import ordered_units

# Population bands of the explorer: (id, lowest, highest), bounds included.
BANDS = (("small", 1, 49_999), ("medium", 50_000, 250_000), ("large", 250_001, None))
UNKNOWN_BAND = "unknown"
# The pseudo-phase of a case tied to no step (the opening chapter's estimates).
INTRO = "intro"
CASES_DIR = "cases"  # case pages live at cases/<id>.md in each language


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case (Besançon before Bologna)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def library_cases(data: Any, lang: str) -> list[Any]:
    """Every published case: a fork's local cases first, then the others by name."""
    return sorted(data.cases, key=lambda c: (not c.local, sort_key(case_title(c, lang)), c.id))


def case_title(case: Any, lang: str) -> str:
    return (case.title or case.city)(lang)


def case_path(case_id: str) -> str:
    """The case page's source path, relative to docs/<lang>/."""
    return f"{CASES_DIR}/{case_id}.md"


def case_url(case_id: str) -> str:
    return f"{CASES_DIR}/{case_id}.html"


def population_band(case: Any) -> str:
    if case.population is None:
        return UNKNOWN_BAND
    value = case.population.value
    for band, low, high in BANDS:
        if value >= low and (high is None or value <= high):
            return band
    raise AssertionError(value)


def band_ids() -> list[str]:
    return [band for band, _, _ in BANDS] + [UNKNOWN_BAND]


def _unit_index(data: Any) -> dict[str, tuple[Any, Any, Any]]:
    return {unit.id: (phase, step, unit) for phase, step, unit in ordered_units(data)}


def where(data: Any, case: Any) -> list[str]:
    """Every phase, step and part the case illustrates, as filter values.

    A case on part p2-s2c also illustrates its step p2-s2 and its phase p2, so a
    reader who filters on the step or the phase finds it.
    """
    index = _unit_index(data)
    found: list[str] = []
    for step_id in case.steps:
        phase, step, unit = index[step_id]
        for value in (phase.id, step.id, unit.id):
            if value not in found:
                found.append(value)
    return found or [INTRO]


def phases_of(data: Any, case: Any) -> list[str]:
    phase_ids = {p.id for p in data.phases.phases}
    return [value for value in where(data, case) if value in phase_ids or value == INTRO]


def step_units(data: Any, case: Any) -> list[tuple[Any, Any]]:
    """(phase, unit) of each step or part the case illustrates, in reading order."""
    index = _unit_index(data)
    order = list(index)
    return [(index[s][0], index[s][2]) for s in sorted(case.steps, key=order.index)]


def similar(data: Any, case: Any, lang: str) -> list[tuple[Any, list[Any]]]:
    """For each dimension of the case, the other published cases on it."""
    cases = library_cases(data, lang)
    out = []
    for dim_id in case.dimensions:
        others = [c for c in cases if c.id != case.id and dim_id in c.dimensions]
        out.append((data.get("dimension", dim_id), others))
    return out


def countries(data: Any, lang: str) -> list[tuple[str, str]]:
    """(code, name) of every country with a case, by name. A code that cases name in
    different ways (EU: "Europe", "European Union") gets all its names."""
    names: dict[str, list[str]] = {}
    for case in data.cases:
        seen = names.setdefault(case.country_code, [])
        if case.country(lang) not in seen:
            seen.append(case.country(lang))
    labelled = [(code, " / ".join(sorted(found, key=sort_key))) for code, found in names.items()]
    return sorted(labelled, key=lambda item: sort_key(item[1]))


def key_figures(data: Any, case: Any) -> list[Any]:
    """The case's own stats, then the shared figures it points to: both have value, unit, label."""
    return [*case.stats, *(data.get("figure", fig_id) for fig_id in case.figures)]


def page_title(docs_dir: Path, path: str) -> str:
    """The title of a guide page: its front-matter `title`, else its first level-1 heading."""
    text = (docs_dir / path).read_text(encoding="utf-8")
    found = re.search(r"^title:\s*(.+)$", text.split("\n---", 1)[0], re.M) if text.startswith("---") else None
    found = found or re.search(r"^# (.+?)\s*(?:\{[^}]*\})?$", text, re.M)
    if not found:
        raise ValueError(f"{path}: no title or level-1 heading to name the page by")
    return found.group(1).strip().strip("\"'")


def step_page_url(data: Any, step_id: str, case_id: str) -> str:
    """The case's card on a step page."""
    return f"{step_url(data, step_id)}#sc-case-{case_id}"
