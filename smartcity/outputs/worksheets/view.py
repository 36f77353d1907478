"""A worksheet in one language, with its data lists resolved and its input names fixed.

Every output (the page form, PDF, DOCX, ODT) renders this view, so they share
one structure, and its JSON is what the download cache hashes.

Input names are the storage keys of the answers: they are built from ids only,
so answers typed in one language show up in the other.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from smartcity.edition.model import Edition, load_edition
from smartcity.edition.assets import edition_assets
from smartcity.edition.identity import real_site_url
from smartcity.edition.colour import WHITE, passing_shade

from smartcity.outputs.worksheets.dates import content_date
from smartcity.model.loader import DataError
from smartcity.outputs.worksheets.load import data_list
from smartcity.outputs.worksheets.model import Field, Worksheet

SEP = "_"  # ids never hold "_", so names built with it stay unique
BOOKMARK_MAX = 40  # Word's limit on a bookmark's name: a longer one would not survive Word


def bookmark_name(name: str) -> str:
    """An input name as a Word bookmark's, which carries it in the DOCX: Word allows letters,
    digits and "_" only, so each "-" becomes "__" (ids hold neither "_" nor "--": reversible)."""
    return name.replace("-", "__")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class ViewColumn:
    id: str
    label: str
    type: str
    options: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class ViewRow:
    id: str
    label: str          # data/typed label, or the row number of a blank row
    numbered: bool


@dataclass(frozen=True)
class ViewField:
    id: str
    type: str
    label: str
    help: Optional[str] = None
    options: tuple[Choice, ...] = ()
    columns: tuple[ViewColumn, ...] = ()
    rows: tuple[ViewRow, ...] = ()
    row_header: Optional[str] = None
    low: Optional[str] = None
    high: Optional[str] = None

    @property
    def name(self) -> str:
        return self.id

    def option_name(self, choice: Choice) -> str:
        """A checklist box; in the PDF also each box of a choice or rating."""
        return f"{self.id}{SEP}{choice.value}"

    def option_title(self, labels: dict, choice: Choice) -> str:
        """A box's name for people in the office files: its question and its option."""
        return labels["doc.option"].replace("{field}", self.label).replace("{option}", choice.label)

    def cell_name(self, row: ViewRow, column: ViewColumn) -> str:
        return f"{self.id}{SEP}{row.id}{SEP}{column.id}"

    def names(self) -> list[str]:
        if self.type == "table":
            return [self.cell_name(r, c) for r in self.rows for c in self.columns]
        if self.type == "checklist":
            return [self.option_name(o) for o in self.options]
        return [self.name]


@dataclass(frozen=True)
class ViewSection:
    id: str
    title: str
    intro: Optional[str]
    part: Optional[str]
    layout: str
    fields: tuple[ViewField, ...]


@dataclass(frozen=True)
class Header:
    """What heads every downloaded document: the edition's name, and its logo once it has one."""

    name: str
    organisation: str
    site_url: Optional[str]  # None when the edition gives no address
    logo: Optional[Path] = None  # the edition's documents logo as a PNG (smartcity/edition/assets.py)
    colour: str = "#0b5563"  # the edition's primary, in the shade that reads on white paper
    changed: str = "2017-01-01T00:00:00Z"  # the data's or edition's last change (dates.py): the documents' date
    edition: str = ""  # the edition's id, written into the office files so an import can check it


def fingerprint(view: Any) -> str:
    """Everything a document shows, as stable JSON (the cache hashes it)."""
    def default(value: Any) -> Any:
        return str(value) if isinstance(value, Path) else value
    return json.dumps(dataclasses.asdict(view), sort_keys=True, ensure_ascii=False, default=default)


def footer(header: Header, labels: dict) -> str:
    """The documents' footer: who publishes them, and where, when the edition says."""
    if not header.site_url:
        return header.organisation
    return labels["doc.footer"].replace("{name}", header.organisation).replace("{url}", header.site_url)


@dataclass(frozen=True)
class SheetView:
    id: str
    lang: str
    number: int
    total: int
    slug: str
    step_title: str
    title: str
    purpose: str
    instructions: tuple[str, ...]
    sections: tuple[ViewSection, ...]
    header: Header
    labels: dict = field(default_factory=dict)  # the ui strings the documents use
    locale: str = ""  # the documents' language tag (data's languages.yml), e.g. for DOCX w:lang

    @property
    def subject(self) -> str:
        """The documents' subject property: the step the worksheet is for."""
        return self.step_title

    def identity(self) -> dict[str, str]:
        """What the office files say they are, as custom document properties, so that an
        import can refuse a file of another worksheet, language or edition."""
        return {"sc-worksheet": self.id, "sc-language": self.lang, "sc-edition": self.header.edition}

    def footer(self) -> str:
        return footer(self.header, self.labels)

    def names(self) -> list[str]:
        return [n for s in self.sections for f in s.fields for n in f.names()]

    def filename(self, fmt: str) -> str:
        """Download name: step id and slug, language, format (p1-s1-diagnosis.fr.pdf)."""
        return f"{self.slug}.{self.lang}.{fmt}"

    def fingerprint(self) -> str:
        return fingerprint(self)


def header_for(lang: str, edition: Edition | None = None) -> Header:
    edition = edition or load_edition()
    return Header(
        name=edition.name(lang),
        organisation=edition.organisation.name(lang),
        site_url=real_site_url(edition),  # never an example address in a published document
        logo=edition_assets(edition).doc_logo,
        colour=passing_shade(edition.colours.primary, [WHITE]),
        changed=content_date(),
        edition=edition.id,
    )


# The ui strings (data/ui/worksheets.yml) that downloaded documents show.
DOC_LABELS = ("doc.kind", "doc.step", "doc.purpose", "doc.instructions", "doc.tick_one",
              "doc.tick_any", "doc.scale", "doc.row", "doc.footer", "doc.options", "doc.logo_alt",
              "doc.page", "doc.cell", "doc.option")


def tx(data: Any, text: Any, lang: str) -> str:
    """Text in one language, with its typography here, as documents have no page hook."""
    return data.languages.of(lang).typeset_text(text(lang))


def _choices(data: Any, lang: str, options: Any, options_from: str | None) -> tuple[Choice, ...]:
    listed = [Choice(i.id, tx(data, i.label, lang)) for i in data_list(data, options_from)] if options_from else []
    return tuple(listed + [Choice(o.id, tx(data, o.label, lang)) for o in options])


def _field(data: Any, lang: str, f: Field) -> ViewField:
    rows: list[ViewRow] = []
    if f.rows_from:
        rows += [ViewRow(i.id, tx(data, i.label, lang), False) for i in data_list(data, f.rows_from)]
    rows += [ViewRow(r.id, tx(data, r.label, lang), False) for r in f.row_labels]
    rows += [ViewRow(str(n), str(n), True) for n in range(1, f.rows + 1)]
    if f.type == "rating":
        options = tuple(Choice(str(n), str(n)) for n in range(1, 6))
    else:
        options = _choices(data, lang, f.options, f.options_from)
    columns = tuple(
        ViewColumn(c.id, tx(data, c.label, lang), c.type,
                   tuple(Choice(str(n), str(n)) for n in range(1, 6)) if c.type == "rating"
                   else _choices(data, lang, c.options, c.options_from))
        for c in f.columns
    )
    return ViewField(
        id=f.id, type=f.type, label=tx(data, f.label, lang), help=tx(data, f.help, lang) if f.help else None,
        options=options, columns=columns, rows=tuple(rows),
        row_header=tx(data, f.row_header, lang) if f.row_header else None,
        low=tx(data, f.low or data.get("ui", "ws.rating.low"), lang) if f.type == "rating" else None,
        high=tx(data, f.high or data.get("ui", "ws.rating.high"), lang) if f.type == "rating" else None,
    )


def view(data: Any, sheet: Worksheet, lang: str, header: Header | None = None) -> SheetView:
    steps = [s for p in data.phases.phases for s in p.steps]
    step = next(s for s in steps if s.id == sheet.id)
    sections = tuple(
        ViewSection(s.id, tx(data, s.title, lang), tx(data, s.intro, lang) if s.intro else None, s.part, s.layout,
                    tuple(_field(data, lang, f) for f in s.fields))
        for s in sheet.sections
    )
    result = SheetView(
        id=sheet.id, lang=lang, locale=data.languages.of(lang).locale,
        number=step.number, total=len(steps), slug=step.slug,
        step_title=tx(data, step.title, lang), title=tx(data, sheet.title, lang), purpose=tx(data, sheet.purpose, lang),
        instructions=tuple(tx(data, i, lang) for i in sheet.instructions), sections=sections,
        header=header or header_for(lang),
        labels={key: tx(data, data.get("ui", f"ws.{key}"), lang) for key in DOC_LABELS},
    )
    names = result.names()
    if len(names) != len(set(names)):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"data/worksheets/{sheet.id}.yml: input names collide: {', '.join(dup)}")
    for f in (f for s in sections for f in s.fields):
        long = [n for n in f.names() if len(bookmark_name(n)) > BOOKMARK_MAX]
        if long:
            raise DataError(
                f"data/worksheets/{sheet.id}.yml: entry '{f.id}', field 'id': the answer place '{long[0]}' gets a name "
                f"of {len(bookmark_name(long[0]))} characters in the Word file, where {BOOKMARK_MAX} is "
                f"the most Word keeps (a hyphen counts two): shorten the field's, row's or column's id")
    return result
