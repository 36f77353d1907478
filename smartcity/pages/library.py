"""The case library: the explorer, a page per case, and the Data page.

Pure renderers `render_*(data, lang, …, here)`; the @macro wrappers only find the
page's context. Case pages and open-data files are added by smartcity/mkdocs/library_hooks.py.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from markupsafe import escape

from smartcity.outputs.open_data.library import INTRO, band_ids, case_path, case_title, case_url, countries, key_figures, library_cases, page_title, population_band, similar, step_page_url, step_units, where
from smartcity.outputs.open_data.export import (
    FILES, OUT_DIR, Site, build_files, cases_schema, columns, csv_field_key, in_order, languages_words,
)
from smartcity.model.reads import Remembered
from smartcity.model.loader import ROOT, DataError
from smartcity.pages.references import guide_ids
from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render
from smartcity.model.traversal import ordered_units


def _dims(data: Any) -> dict[str, Any]:
    return {d.id: d for d in data.dimensions.dimensions}


def explorer_items(data: Any, lang: str) -> list[dict[str, Any]]:
    return [
        {"case": case, "url": case_url(case.id), "where": where(data, case),
         "band": population_band(case), "units": step_units(data, case)}
        for case in library_cases(data, lang)
    ]


def phase_options(data: Any) -> list[tuple[Any, list[tuple[Any, int]]]]:
    """Each phase with its steps and parts, and how deep each sits (step 1, part 2)."""
    out = []
    for phase in data.phases.phases:
        units = [(unit, 1 if unit is step else 2) for p, step, unit in ordered_units(data) if p is phase]
        out.append((phase, units))
    return out


@macro("case_explorer")
def render_explorer(data: Any, lang: str, here: str) -> str:
    """Every case as a card, with filters (JS) and a live count: {{ case_explorer() }}."""
    items = explorer_items(data, lang)
    strings = {key: data.t(f"explorer.count.{key}", lang) for key in ("all", "none", "one", "many")}
    strings["more"] = data.t("explorer.more", lang)
    return render(
        "library_explorer.html", data, lang, here,
        items=items, dims=_dims(data), title=lambda c: case_title(c, lang), dimensions=data.dimensions.dimensions,
        phases=phase_options(data), intro=INTRO, countries=countries(data, lang), bands=band_ids(),
        strings=json.dumps(strings, ensure_ascii=False),
    )


def render_case_page(data: Any, lang: str, case_id: str, here: str, docs_dir: Path) -> str:
    """The full case: summary, figures as stat cards, story, facts, paraphrased quotes,
    the steps it illustrates (linked to its card there) and the cases that share a dimension."""
    case = data.get("case", case_id)
    pages = [(path.removesuffix(".md") + ".html", page_title(docs_dir, path)) for path in case.pages]
    return render(
        "library_case.html", data, lang, here,
        case=case, dims=_dims(data), figures=key_figures(data, case), units=step_units(data, case),
        pages=pages, similar=similar(data, case, lang), guides=guide_ids(data),
        related=[c for c in library_cases(data, lang) if c.id in case.related],  # shown ones only
        case_url=case_url, title=lambda c: case_title(c, lang), step_anchor=lambda step_id: step_page_url(data, step_id, case.id),
    )


def case_markdown(data: Any, lang: str, case: Any) -> str:
    """The source of a generated case page: front matter and one macro call."""
    # MkDocs titles are HTML (the theme prints them as they are): the city goes in escaped.
    meta = {"case": case.id, "title": str(escape(case_title(case, lang))), "description": case.summary(lang)}
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{{{{ case_page() }}}}\n"


def licence_of(edition: Any) -> dict[str, str]:
    return {lang: edition.licence(lang) for lang in edition.languages}


def site_of(edition: Any) -> Site:
    return Site(root=str(edition.site_url) if edition.site_url else None, langs=tuple(edition.languages))


def generated_files(data: Any, lang: str, edition: Any, exists: Callable[[str], bool]) -> dict[str, str | bytes]:
    """What the library adds to a language's build: a page per case and the open-data files,
    by path under docs/<lang>/. `exists` says whether the docs hold a path, which
    checks the cases' `pages` and keeps a hand-written file from being shadowed."""
    for case in data.cases:
        for path in case.pages:
            if not exists(path):
                raise DataError(f"{data.origin[('case', case.id)]}: entry '{case.id}', field 'pages': "
                                f"no page docs/{lang}/{path}")
    out: dict[str, str | bytes] = {case_path(c.id): case_markdown(data, lang, c) for c in library_cases(data, lang)}
    out.update({f"{OUT_DIR}/{name}": content for name, content in open_data_files(data, lang, edition).items()})
    for path in out:
        if exists(path):
            raise DataError(f"docs/{lang}/{path}: the case library generates this path; remove the file")
    return out


_built: dict[tuple, Remembered] = {}


def open_data_files(data: Any, lang: str, edition: Any) -> dict[str, bytes]:
    """The open-data files, built once per language, data state and edition
    (the Data page shows their sizes, the hook publishes them)."""
    key = (id(data), lang, edition.model_dump_json())
    if key not in _built:
        _built.clear()
        _built[key] = Remembered(lambda: build_files(data, lang, site_of(edition), licence_of(edition),
                                                     author=edition.organisation.name(lang)))
    return _built[key].get()


def field_rows(data: Any, lang: str, langs: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Every field of a published case, nested ones as `parent.child`, with its CSV columns
    in the edition's languages `langs`."""
    langs = in_order(data, langs)
    schema = cases_schema(data, lang, langs)
    defs = schema["$defs"]
    columns_of: dict[str, list[str]] = {}
    for column in columns(data, langs):
        columns_of.setdefault(csv_field_key(column.field), []).append(column.name)
    rows = []
    for name, prop in defs["ExportCase"]["properties"].items():
        rows.append({"name": name, "description": prop["description"], "columns": columns_of.pop(f"field.{name}", [])})
        ref = _ref_of(prop)
        if ref in ("Population", "Stat", "Quote", "ExportSource"):
            for sub, sub_prop in defs[ref]["properties"].items():
                rows.append({"name": f"{name}.{sub}", "description": sub_prop["description"],
                             "columns": columns_of.pop(f"field.{name}.{sub}", [])})
    for key, names in columns_of.items():  # columns computed for the CSV only (key_figures)
        rows.append({"name": "—", "description": data.t(key, lang), "columns": names})
    return rows


def _ref_of(prop: dict[str, Any]) -> str | None:
    """The model a schema property points to, through arrays and optional values."""
    for node in (prop, prop.get("items", {}), *prop.get("anyOf", ()),
                 *(p.get("items", {}) for p in prop.get("anyOf", ()))):
        ref = node.get("$ref")
        if ref:
            return ref.rsplit("/", 1)[-1]
    return None


def coded_values(data: Any, lang: str) -> list[tuple[str, str, str]]:
    rows = [("population_band", band, data.t(f"band.{band}", lang)) for band in band_ids()]
    for phase in data.phases.phases:
        label = data.t("data.phase_value", lang).replace("{n}", str(phase.number))
        rows.append(("phases", phase.id, f"{label} · {phase.short(lang)}"))
    rows.append(("phases", INTRO, data.t("explorer.intro", lang)))
    rows += [("dimensions", d.id, d.title(lang)) for d in data.dimensions.dimensions]
    return rows


DATA_PARTS = ("files", "fields", "values")


def render_open_data(data: Any, lang: str, here: str, files: dict[str, bytes], licence: str,
                     part: str = "files", langs: tuple[str, ...] | None = None) -> str:
    """A part of the Data page: the files with their sizes and licence, the fields, or the coded
    values; the files and their columns are in the edition's languages `langs`."""
    if part not in DATA_PARTS:
        raise ValueError(f"open_data part '{part}' is not one of {', '.join(DATA_PARTS)}")
    listed = [
        {"name": name, "path": f"{OUT_DIR}/{name}", "format": fmt_,
         "contents": data.t(key, lang).replace("{languages}", languages_words(data, langs, lang)),
         "kb": max(1, round(len(files[name]) / 1024))}
        for name, (fmt_, key) in FILES.items()
    ]
    return render(
        "library_data.html", data, lang, here, part=part, files=listed, licence=licence,
        fields=field_rows(data, lang, langs) if part == "fields" else [],
        values=coded_values(data, lang) if part == "values" else [],
    )


@macro
def case_page(ctx: Ctx) -> str:
    """The body of a generated case page (front matter `case: <id>`)."""
    try:
        case_id = ctx.meta["case"]
    except KeyError:
        raise ValueError(f"{ctx.url}: case_page() needs `case:` in the page's front matter") from None
    return render_case_page(ctx.data, ctx.lang, case_id, ctx.url, ROOT / "docs" / ctx.lang)


@macro
def open_data(ctx: Ctx, part: str = "files") -> str:
    """The Data page: {{ open_data() }} (files, sizes, licence), {{ open_data("fields") }},
    {{ open_data("values") }}."""
    edition = ctx.edition
    files = open_data_files(ctx.data, ctx.lang, edition)
    return render_open_data(ctx.data, ctx.lang, ctx.url, files, edition.licence(ctx.lang), part, edition.languages)
