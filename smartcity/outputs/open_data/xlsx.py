"""The tabular open data as XLSX (XlsxWriter): one workbook per file, a sheet per table of
the row model (table.py), the same columns as the CSV.

A spreadsheet opens it the same way in every locale, where a CSV depends on the list separator
(`;` in Belgium). Every text goes in with write_string, so "=…", "+…", "-…" or "@…" stays text
and never becomes a formula; numbers go in as numbers. The bytes follow from the content: the
creation date is the content's (worksheets/dates.py), and XlsxWriter stamps the zip entries
with a fixed date of its own.
"""
from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

import xlsxwriter

from smartcity.outputs.open_data.table import Sheet

MAX_CELL = 32_767  # characters in one cell, in Excel and LibreOffice
MIN_WIDTH, MAX_WIDTH = 6, 50  # column widths, in characters
LINE_HEIGHT, MAX_LINES = 15, 6  # row heights, in points (Calibri 11) and lines shown at most
SHEET_NAME_BANNED = set("[]:*?/\\")


@dataclass(frozen=True)
class Properties:
    title: str
    locale: str  # languages.yml `locale` of the edition's language (fr-BE)
    created: datetime
    comments: str = ""
    author: str = ""  # the edition's organisation, as in the worksheet documents


def _width(sheet: Sheet, index: int) -> float:
    longest = len(sheet.columns[index].name)
    for row in sheet.rows:
        cell = row[index]
        if cell is not None:
            longest = max(longest, *(len(line) for line in str(cell).split("\n")))
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


def _lines(row: tuple, widths: list[float]) -> int:
    """How many lines the row's tallest cell takes once wrapped at its column's width."""
    most = 1
    for cell, width in zip(row, widths):
        if isinstance(cell, str) and cell:
            most = max(most, sum(max(1, math.ceil(len(part) / max(1, width - 2))) for part in cell.split("\n")))
    return most


def _check_name(name: str, key: str) -> str:
    if not name or len(name) > 31 or set(name) & SHEET_NAME_BANNED or name.startswith("'"):
        raise ValueError(f"data/ui: 'data.sheet.{key}': a sheet name has 1 to 31 characters, "
                         f"none of [ ] : * ? / \\, and does not start with an apostrophe: {name!r}")
    return name


def _with_language(raw: bytes, locale: str) -> bytes:
    """XlsxWriter writes no dc:language: add it to docProps/core.xml, every other entry as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "docProps/core.xml":
                blob = blob.replace(b"</cp:coreProperties>",
                                    f"<dc:language>{escape(locale)}</dc:language></cp:coreProperties>".encode())
            target.writestr(info, blob)
    return out.getvalue()


def xlsx_bytes(sheets: list[tuple[str, Sheet]], props: Properties) -> bytes:
    """A workbook of `sheets` (name shown on the tab, table): header row bold and frozen, with a
    filter; columns as wide as their content, within bounds; texts as text, numbers as numbers."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True,
        # Belt and braces: write_string is used for every text anyway.
        "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    })
    book.set_properties({"title": props.title, "comments": props.comments, "created": props.created,
                         "author": props.author})
    head = book.add_format({"bold": True, "valign": "top", "bottom": 1})
    text = book.add_format({"valign": "top"})
    lines = book.add_format({"valign": "top", "text_wrap": True})
    for name, table in sheets:
        ws = book.add_worksheet(_check_name(name, table.key))
        widths = [_width(table, col) for col in range(len(table.columns))]
        for col, column in enumerate(table.columns):
            ws.write_string(0, col, column.name, head)
            ws.set_column(col, col, widths[col])
        for r, row in enumerate(table.rows, start=1):
            # Not every reader sizes a row to its wrapped text (LibreOffice keeps one line): give
            # the height, up to a few lines; the cell holds the whole text either way.
            if (tall := _lines(row, widths)) > 1:
                ws.set_row(r, LINE_HEIGHT * min(tall, MAX_LINES))
            for col, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, str):
                    if len(cell) > MAX_CELL:
                        raise ValueError(f"{table.key}: entry '{row[0]}', column '{table.columns[col].name}': "
                                         f"{len(cell)} characters, more than a spreadsheet cell holds ({MAX_CELL})")
                    ws.write_string(r, col, cell, lines if "\n" in cell else text)
                else:
                    ws.write_number(r, col, cell, text)
        ws.freeze_panes(1, 0)
        if table.columns:
            ws.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    book.close()
    return _with_language(buffer.getvalue(), props.locale)


def workbook(data: Any, lang: str, title_key: str, tables: list[Sheet], licence: dict[str, str],
             created: datetime, author: str = "") -> bytes:
    """A file of the language's site: sheet names, title and language in `lang`, the licence
    and the credit to the guide in its comments, as on the Data page."""
    comments = " ".join((data.t("data.licence", lang).replace("{licence}", licence[lang]),
                         data.t("data.credit", lang), data.t("casepage.source_guide", lang)))
    props = Properties(title=data.t(title_key, lang), locale=data.languages.of(lang).locale,
                       created=created, comments=comments, author=author)
    return xlsx_bytes([(data.t(f"data.sheet.{table.key}", lang), table) for table in tables], props)
