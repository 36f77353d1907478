"""Open data: the case library as JSON (with its JSON Schema) and CSV, the checklist and
the indicator data as JSON (smartcity/outputs/open_data/lists.py). Pure functions of the data; smartcity/mkdocs/library_hooks.py
publishes them under data/ in each language's site. Every file carries the edition's
languages only: its texts have those keys, the CSV those columns, the schema those properties."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from typing import Any, Callable, Literal, Optional

from smartcity.render import fmt
from smartcity.outputs.open_data.library import band_ids, case_url, key_figures, library_cases, phases_of, population_band, where
from smartcity.outputs.open_data.lists import Licence, checklist_json, dump_json, indicators_json, licence_block
from smartcity.model.schemas.base import Strict, Text
from smartcity.model.schemas.cases import Case, Stat
from smartcity.model.schemas.references import Reference
from smartcity.model.traversal import ordered_units

OUT_DIR = "data"  # under each language's site: data/cases.json…
Band = Literal["small", "medium", "large", "unknown"]
assert list(Band.__args__) == band_ids()  # type: ignore[attr-defined]


class ExportSource(Strict):
    guide: bool = True
    footnote: Optional[int] = None


class ExportCase(Case):
    """A case as published: the data file's fields, plus values the site derives from them.

    The source's line numbers refer to the maintainers' working text and stay out.
    """

    source: ExportSource = ExportSource()
    where: tuple[str, ...]
    phases: tuple[str, ...]
    population_band: Band
    url: Optional[dict[str, str]] = None


class CasesExport(Strict):
    title: Text
    licence: Licence
    count: int
    dimensions: dict[str, Text]
    steps: dict[str, Text]
    units: dict[str, Text]
    figures: dict[str, Stat]
    references: dict[str, Reference]  # every source a case or figure of the file cites, by id
    cases: tuple[ExportCase, ...]


@dataclass(frozen=True)
class Site:
    """Where the published pages live: the edition's address and languages."""

    root: Optional[str]  # None: the edition gives no address, and the files give no URLs
    langs: tuple[str, ...]
    order: Optional[str] = None  # languages.yml `open_data_order`, set by build_files

    def url(self, lang: str, path: str) -> Optional[str]:
        return f"{self.root.rstrip('/')}/{lang}/{path}" if self.root else None

    @property
    def only(self) -> dict[str, Any]:
        """The dump context that keeps the edition's languages of every text (models.base.offered)."""
        return {"languages": self.langs}

    @property
    def order_lang(self) -> str:
        """Rows follow the library's order in languages.yml's `open_data_order` when the edition
        offers it, else in its first language."""
        return self.order if self.order in self.langs else self.langs[0]


def in_order(data: Any, langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """The edition's languages (all declared ones if None) in the order languages.yml declares them."""
    return tuple(code for code in data.languages.codes if langs is None or code in langs)


def site_for(data: Any, site: Site) -> Site:
    return replace(site, langs=in_order(data, site.langs), order=data.languages.open_data_order)


def languages_words(data: Any, langs: tuple[str, ...], lang: str) -> str:
    """The edition's languages as the Data page and the schema name them ("in French (fr)…")."""
    return data.t("data.languages." + "-".join(in_order(data, langs)), lang)


def _titles(data: Any) -> dict[str, Text]:
    titles = {p.id: p.title for p in data.phases.phases}
    titles.update({unit.id: unit.title for _, _, unit in ordered_units(data)})
    titles["intro"] = data.index["ui"]["explorer.intro"]
    return dict(titles)


def _fields(case: Case) -> dict[str, Any]:
    """The case's fields as validated (a local case's texts were checked in the edition's
    languages, and are not checked again in both), its source without the line numbers."""
    return {**dict(case), "source": ExportSource(**case.source.model_dump(exclude={"lines"}))}


def export_cases(data: Any, site: Site, licence: dict[str, str]) -> CasesExport:
    cases = library_cases(data, site.order_lang)
    exported = [
        ExportCase(**_fields(case), where=tuple(where(data, case)), phases=tuple(phases_of(data, case)),
                   population_band=population_band(case),
                   url={lang: site.url(lang, case_url(case.id)) for lang in site.langs} if site.root else None)
        for case in cases
    ]
    figure_ids = {fig_id for case in cases for fig_id in case.figures}
    figures = {}
    for fig_id in sorted(figure_ids):
        fig = data.get("figure", fig_id)
        figures[fig_id] = Stat(value=fig.value, unit=fig.unit, label=fig.label, approx=fig.approx, source=fig.source)
    cited = [*(s.source for case in exported for s in case.stats), *(f.source for f in figures.values()),
             *(ref for case in exported for ref in case.sources)]
    references = {ref: data.get("reference", ref) for ref in sorted(set(filter(None, cited)))}
    return CasesExport(
        title=data.index["ui"]["data.cases_title"],
        licence=licence_block(data, licence),
        count=len(exported),
        dimensions={d.id: d.title for d in data.dimensions.dimensions},
        steps=_titles(data),
        units=dict(data.units.root),
        figures=figures,
        references=references,
        cases=tuple(exported),
    )


def cases_json(data: Any, site: Site, licence: dict[str, str]) -> bytes:
    return dump_json(export_cases(data, site, licence).model_dump(mode="json", exclude_none=True, context=site.only))


# --- JSON Schema ---------------------------------------------------------------------------------

# Which ui prefix describes the properties of each model of the schema.
_DESCRIBED = {
    "CasesExport": "file.", "ExportCase": "field.", "Population": "field.population.",
    "Stat": "field.stats.", "Quote": "field.quotes.", "ExportSource": "field.source.",
    "Text": "field.text.", "Licence": "field.licence.", "Reference": "field.references.",
}


def cases_schema(data: Any, lang: str, langs: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The JSON Schema of cases.json, generated from the models, described in `lang`;
    a text has a property for each of the edition's languages `langs`, and no other.

    Every property needs a description in data/ui/cases.yml: a new field without
    one stops the build.
    """
    schema = CasesExport.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "cases.schema.json", **schema}
    text, langs = schema["$defs"]["Text"], in_order(data, langs)
    text["properties"] = {code: dict(text["additionalProperties"]) for code in langs}
    text["required"], text["additionalProperties"] = list(langs), False
    models = {"CasesExport": schema, **schema.get("$defs", {})}
    for name, model in models.items():
        prefix = _DESCRIBED.get(name)
        if prefix is None:
            raise ValueError(f"cases schema: no ui prefix describes model '{name}' (library_export._DESCRIBED)")
        model.pop("description", None)  # the docstrings are for maintainers
        for prop_name, prop in model.get("properties", {}).items():
            prop["description"] = data.t(prefix + prop_name, lang)
    schema["title"] = data.t("data.cases_title", lang)
    schema["description"] = data.t("data.schema_description", lang).replace(
        "{languages}", languages_words(data, langs, lang))
    return schema


def schema_json(data: Any, lang: str, langs: tuple[str, ...] | None = None) -> bytes:
    return dump_json(cases_schema(data, lang, langs))


# --- CSV -----------------------------------------------------------------------------------------

def _stat_text(data: Any, stat: Any, lang: str) -> str:
    return f"{fmt.figure(data, stat.value, stat.unit, lang, stat.approx)} {stat.label(lang)}"


def _quote_text(data: Any, quote: Any, lang: str) -> str:
    return f"{quote.paraphrase(lang)} " + data.t("case.paraphrase_of", lang).replace("{who}", quote.attribution)


# (column, field it comes from, language or None, value). Lists of ids are joined by
# spaces, lists of texts by line breaks inside the cell.
Column = tuple[str, str, Optional[str], Callable[[Any, Any, str, Site], Any]]


def _texts(name: str) -> Callable[[Any, Any, str, Site], str]:
    return lambda data, case, lang, site: "\n".join(text(lang) for text in getattr(case, name))


def _ids(name: str) -> Callable[[Any, Any, str, Site], str]:
    return lambda data, case, lang, site: " ".join(getattr(case, name))


def columns(langs: tuple[str, ...]) -> list[Column]:
    """The CSV's columns: a text's, one per language of the edition, in the order given."""
    per_lang: list[tuple[str, str, Callable[[Any, Any, str, Site], Any]]] = [
        ("city", "city", lambda d, c, lang, s: c.city(lang)),
        ("country", "country", lambda d, c, lang, s: c.country(lang)),
        ("themes", "themes", _texts("themes")),
        ("summary", "summary", lambda d, c, lang, s: c.summary(lang)),
        ("story", "story", lambda d, c, lang, s: c.story(lang) if c.story else ""),
        ("key_figures", "stats", lambda d, c, lang, s: "\n".join(_stat_text(d, x, lang) for x in key_figures(d, c))),
        ("facts", "facts", _texts("facts")),
        ("quotes", "quotes", lambda d, c, lang, s: "\n".join(_quote_text(d, q, lang) for q in c.quotes)),
        ("url", "url", lambda d, c, lang, s: (s.url(lang, case_url(c.id)) or "") if lang in s.langs else ""),
    ]
    pop = lambda c: c.population  # noqa: E731
    cols: list[Column] = [
        ("id", "id", None, lambda d, c, lang, s: c.id),
        ("local", "local", None, lambda d, c, lang, s: "true" if c.local else "false"),
        ("country_code", "country_code", None, lambda d, c, lang, s: c.country_code),
        ("population", "population.value", None, lambda d, c, lang, s: pop(c).value if pop(c) else ""),
        ("population_year", "population.year", None, lambda d, c, lang, s: (pop(c).year or "") if pop(c) else ""),
        ("population_approx", "population.approx", None,
         lambda d, c, lang, s: ("true" if pop(c).approx else "false") if pop(c) else ""),
        ("population_band", "population_band", None, lambda d, c, lang, s: population_band(c)),
        ("phases", "phases", None, lambda d, c, lang, s: " ".join(phases_of(d, c))),
        ("where", "where", None, lambda d, c, lang, s: " ".join(where(d, c))),
        ("steps", "steps", None, _ids("steps")),
        ("dimensions", "dimensions", None, _ids("dimensions")),
        ("related", "related", None, _ids("related")),
        ("source_footnote", "source.footnote", None, lambda d, c, lang, s: c.source.footnote or ""),
        # One line per key figure, in the order of the key_figures columns: the id of its source.
        ("key_figures_sources", "stats.source", None,
         lambda d, c, lang, s: "\n".join(x.source or "" for x in key_figures(d, c))),
        ("sources", "sources", None, _ids("sources")),
    ]
    for name, field, func in per_lang:
        for lang in langs:
            cols.append((f"{name}_{lang}", field, lang, func))
    return cols


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text that a spreadsheet would read as a formula gets a leading apostrophe (the
    OWASP advice for CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def cases_csv(data: Any, site: Site) -> bytes:
    """One row per case, the edition's languages side by side. UTF-8 with a byte-order mark, so
    that spreadsheet software recognises the encoding when the file is opened directly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    cols = columns(site.langs)
    writer.writerow([name for name, _, _, _ in cols])
    for case in library_cases(data, site.order_lang):
        writer.writerow([spreadsheet_cell(func(data, case, lang or site.order_lang, site)) for _, _, lang, func in cols])
    return out.getvalue().encode("utf-8-sig")


def csv_field_key(field: str) -> str:
    """The ui key that describes a CSV column's source field."""
    head, _, tail = field.partition(".")
    return f"field.{head}.{tail}" if tail else f"field.{head}"


# The published files, in the order the Data page lists them: name -> (format, ui key of its description).
FILES = {
    "cases.json": ("JSON", "data.file.cases_json"),
    "cases.csv": ("CSV", "data.file.cases_csv"),
    "cases.schema.json": ("JSON Schema", "data.file.cases_schema"),
    "checklist.json": ("JSON", "data.file.checklist_json"),
    "indicators.json": ("JSON", "data.file.indicators_json"),
}


def build_files(data: Any, lang: str, site: Site, licence: dict[str, str]) -> dict[str, bytes]:
    """Every open-data file of a language's site, by name, in the edition's languages `site.langs`."""
    site = site_for(data, site)
    built = {
        "cases.json": cases_json(data, site, licence),
        "cases.csv": cases_csv(data, site),
        "cases.schema.json": schema_json(data, lang, site.langs),
        "checklist.json": checklist_json(data, licence, site.langs),
        "indicators.json": indicators_json(data, licence, site.langs),
    }
    assert list(built) == list(FILES)
    return built
