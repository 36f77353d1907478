"""A worksheet as a fillable PDF: WeasyPrint turns every input of the HTML into an AcroForm field.

Choices and ratings are one checkbox per option: WeasyPrint's radio groups
give their kids names of their own, which some readers treat as extra fields.
"""
from __future__ import annotations

import logging
from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from smartcity.render.env import render

from smartcity.outputs.worksheets.view import SheetView

CSS = Path(__file__).with_name("pdf.css")


def html_of(v: SheetView, fonts: dict[str, Path]) -> str:
    return render("worksheet_pdf.html", None, v.lang, "index.html", v=v,
                  fonts={k: p.as_uri() for k, p in fonts.items()}, css=CSS.read_text(encoding="utf-8"))


def write(v: SheetView, target: Path, fonts: dict[str, Path]) -> None:
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    config = FontConfiguration()
    HTML(string=html_of(v, fonts), base_url=str(target.parent)).write_pdf(
        target, font_config=config, pdf_forms=True, custom_metadata=True,
    )
