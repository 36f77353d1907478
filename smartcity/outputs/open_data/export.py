"""Open data: the case library as JSON (with its JSON Schema), CSV and XLSX, the checklist and
the indicator data as JSON and XLSX (smartcity/outputs/open_data/lists.py). Pure functions of the
data; smartcity/mkdocs/library_hooks.py publishes them under data/ in each language's site. Every
file carries the edition's languages only: its texts have those keys, the CSV and XLSX those
columns (one row model, table.py), the schema those properties."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, Optional

from smartcity.render import fmt
from smartcity.outputs.open_data.library import band_ids, case_url, key_figures, library_cases, phases_of, population_band, where
from smartcity.outputs.open_data.lists import (
    Licence, checklist_json, checklist_tables, dump_json, indicator_tables, indicators_json, licence_block,
)
from smartcity.outputs.open_data.xlsx import workbook
from smartcity.outputs.worksheets.dates import as_datetime, content_date
from smartcity.outputs.open_data.table import Column, Custom, Sheet, csv_bytes, model_columns, sheet
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


def exported_cases(data: Any, site: Site) -> tuple[ExportCase, ...]:
    """Every published case as the files give it, in the library's order."""
    return tuple(
        ExportCase(**_fields(case), where=tuple(where(data, case)), phases=tuple(phases_of(data, case)),
                   population_band=population_band(case),
                   url={lang: site.url(lang, case_url(case.id)) for lang in site.langs} if site.root else None)
        for case in library_cases(data, site.order_lang)
    )


def export_cases(data: Any, site: Site, licence: dict[str, str]) -> CasesExport:
    exported = exported_cases(data, site)
    figure_ids = {fig_id for case in exported for fig_id in case.figures}
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
        cases=exported,
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


# --- CSV and XLSX ---------------------------------------------------------------------------------

def _stat_text(data: Any, stat: Any, lang: str) -> str:
    return f"{fmt.figure(data, stat.value, stat.unit, lang, stat.approx)} {stat.label(lang)}"


def _quote_text(data: Any, quote: Any, lang: str) -> str:
    return f"{quote.paraphrase(lang)} " + data.t("case.paraphrase_of", lang).replace("{who}", quote.attribution)


def columns(data: Any, langs: tuple[str, ...]) -> list[Column]:
    """The columns of the cases' CSV and XLSX, from the fields of a published case: every
    field has its columns (table.py), except where a reader needs a value written out."""
    return model_columns(ExportCase, langs, {
        "population.value": Custom(name=""),  # the column "population", as the number it is
        # A case's own figures and the shared ones it points to, written out in one cell.
        "stats": Custom(name="key_figures", text=lambda case, lang: "\n".join(
            _stat_text(data, stat, lang) for stat in key_figures(data, case))),
        "figures": Custom(skip=True),
        "quotes": Custom(text=lambda case, lang: "\n".join(_quote_text(data, q, lang) for q in case.quotes)),
    })


def cases_table(data: Any, site: Site) -> Sheet:
    """One row per published case, the edition's languages side by side."""
    return sheet("cases", columns(data, site.langs), exported_cases(data, site))


def cases_csv(data: Any, site: Site) -> bytes:
    return csv_bytes(cases_table(data, site))


def csv_field_key(field: str) -> str:
    """The ui key that describes a CSV column's source field."""
    head, _, tail = field.partition(".")
    return f"field.{head}.{tail}" if tail else f"field.{head}"


# The published files, in the order the Data page lists them: name -> (format, ui key of its description).
# Each list comes as XLSX for a spreadsheet, the cases also as CSV for tools, and all as JSON.
FILES = {
    "cases.xlsx": ("XLSX", "data.file.cases_xlsx"),
    "cases.csv": ("CSV", "data.file.cases_csv"),
    "cases.json": ("JSON", "data.file.cases_json"),
    "cases.schema.json": ("JSON Schema", "data.file.cases_schema"),
    "checklist.xlsx": ("XLSX", "data.file.checklist_xlsx"),
    "checklist.json": ("JSON", "data.file.checklist_json"),
    "indicators.xlsx": ("XLSX", "data.file.indicators_xlsx"),
    "indicators.json": ("JSON", "data.file.indicators_json"),
}


def build_files(data: Any, lang: str, site: Site, licence: dict[str, str],
                created: Optional[datetime] = None, author: str = "") -> dict[str, bytes]:
    """Every open-data file of a language's site, by name, in the edition's languages `site.langs`.
    The XLSX files carry `created`, by default the content's date (the same bytes for the same
    content), and `author`, the edition's organisation."""
    site = site_for(data, site)
    created = created or as_datetime(content_date())
    cases = cases_table(data, site)

    def book(title_key: str, tables: list[Sheet]) -> bytes:
        return workbook(data, lang, title_key, tables, licence, created, author)

    built = {
        "cases.xlsx": book("data.cases_title", [cases]),
        "cases.csv": csv_bytes(cases),
        "cases.json": cases_json(data, site, licence),
        "cases.schema.json": schema_json(data, lang, site.langs),
        "checklist.xlsx": book("data.checklist_title", checklist_tables(data, site.langs)),
        "checklist.json": checklist_json(data, licence, site.langs),
        "indicators.xlsx": book("data.indicators_title", indicator_tables(data, site.langs)),
        "indicators.json": indicators_json(data, licence, site.langs),
    }
    assert list(built) == list(FILES)
    return built
