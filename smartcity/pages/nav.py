"""Build MkDocs' nav for one language from data/nav.yml and the phases."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import escape

from smartcity.outputs.open_data.library import case_path, case_title, library_cases


def step_pages(data: Any) -> dict[str, list[Any]]:
    """Each phase's pages, in order: overview, then steps (a step with parts becomes a section)."""
    out: dict[str, list[Any]] = {}
    for phase in data.phases.phases:
        pages: list[Any] = [f"{phase.slug}/index.md"]
        for step in phase.steps:
            path = f"{phase.slug}/{step.slug}.md"
            if step.parts:
                pages.append({"__step__": step, "pages": [path] + [f"{phase.slug}/{p.slug}.md" for p in step.parts]})
            else:
                pages.append(path)
        out[phase.id] = pages
    return out


def expected_pages(data: Any) -> list[str]:
    """Every page the nav promises, in order: the completeness tests check them in both languages."""
    paths: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, str):
                paths.append(item)
            elif isinstance(item, dict):
                walk(item.get("pages", []))

    for entry in data.nav.nav:
        walk(_raw_entry(data, entry))
    return paths


def _raw_entry(data: Any, entry: Any) -> list[Any]:
    """Authored pages only: the generated case pages are not files of docs/."""
    if entry.page:
        return [entry.page]
    if entry.journey:
        return [{"pages": pages} for pages in step_pages(data).values()]
    pages = [x for p in entry.pages for x in ([p] if isinstance(p, str) else _raw_entry(data, p))]
    return [{"pages": pages + [p for c in entry.children for p in _raw_entry(data, c)]}]


def case_pages(data: Any, lang: str) -> list[dict[str, str]]:
    """The generated case pages, titled (they are not on disk, so they are always kept)."""
    return [{escape(case_title(case, lang)): case_path(case.id)} for case in library_cases(data, lang)]


def build_nav(data: Any, lang: str, docs_dir: Path) -> list[Any]:
    """MkDocs nav with translated section titles, leaving out pages not written yet.

    Missing pages are left out so work in progress still builds; the test suite
    checks that every promised page exists in both languages.
    """
    exists = lambda path: (docs_dir / path).is_file()  # noqa: E731

    def section(title: str, items: list[Any]) -> list[Any]:
        kept = [i for i in items if not isinstance(i, str) or exists(i)]
        kept = [i for i in kept if not isinstance(i, dict) or next(iter(i.values()))]
        return [{escape(title): kept}] if kept else []

    def convert(entry: Any) -> list[Any]:
        if entry.page:
            return [entry.page] if exists(entry.page) else []
        if entry.journey:
            result = []
            phases = {p.id: p for p in data.phases.phases}
            for phase_id, pages in step_pages(data).items():
                phase = phases[phase_id]
                items = []
                for item in pages:
                    if isinstance(item, dict):
                        items += section(item["__step__"].title(lang), item["pages"])
                    else:
                        items.append(item)
                label = data.t("phase.label", lang).replace("{n}", str(phase.number))
                result += section(f"{label} · {phase.short(lang)}", items)
            return result
        items = [x for p in entry.pages for x in ([p] if isinstance(p, str) else convert(p))]
        items += [x for c in entry.children for x in convert(c)]
        if entry.cases:
            items += case_pages(data, lang)
        return section(entry.title(lang), items)

    return [item for entry in data.nav.nav for item in convert(entry)]
