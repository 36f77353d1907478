"""A worksheet as a fillable, tagged PDF.

WeasyPrint turns every input of the HTML into an AcroForm field and, asked with
`pdf_tags`, writes the structure tree (no `pdf/ua-1` variant: it would claim PDF/UA, which
no validator here has checked). pypdf then finishes what WeasyPrint leaves out of the form
(pdf_form.py: appearances, radio groups, tooltips), and pikepdf of the tagging
(outputs/pdf_tagged.py: page margins as artifacts, XMP metadata).
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

import pikepdf
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from smartcity.render.env import render

from smartcity.outputs.pdf_tagged import finish, open_pdf, save
from smartcity.outputs.worksheets.pdf_form import finish_fields
from smartcity.outputs.worksheets.view import SheetView

CSS = Path(__file__).with_name("pdf.css")


def html_of(v: SheetView, fonts: dict[str, Path]) -> str:
    return render("worksheet_pdf.html", None, v.lang, "index.html", v=v,
                  fonts={k: p.as_uri() for k, p in fonts.items()}, css=CSS.read_text(encoding="utf-8"))


def write(v: SheetView, target: Path, fonts: dict[str, Path]) -> None:
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    config = FontConfiguration()
    raw = HTML(string=html_of(v, fonts), base_url=str(target.parent)).write_pdf(
        font_config=config, pdf_forms=True, pdf_tags=True, custom_metadata=True,
    )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    finish_fields(writer, v)
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    pdf = open_pdf(writer)
    finish(pdf, v.title, v.lang, v.header.organisation)
    for name, value in v.identity().items():  # what an import checks, as the office files say it
        pdf.docinfo[pikepdf.Name(f"/{name}")] = pikepdf.String(value)
    save(pdf, target)
