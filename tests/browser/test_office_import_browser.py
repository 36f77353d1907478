"""A worksheet's DOCX or ODT filled in outside the browser, and saved again by LibreOffice,
imports back into its page in headless Chromium through the same preview and merge as a JSON
file (issue 18, part 3): text with markup, quotes and emoji, added paragraphs and tabs, a
list's answer typed as one of its choices, a "tick one" box, a table row copied in the
document (a new row, never a clash with the one it copies). A file of another worksheet, or a
document that is no worksheet of this guide, is refused with a message that says so."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.browser.test_worksheets_browser import DIAGNOSIS, message, open_ws, stored
from tests.outputs.libreoffice import convert_all
from tests.outputs.office_answers import copy_last_row, fill_docx, fill_odt

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("libreoffice")]
FILLS = {"docx": fill_docx, "odt": fill_odt}
SAVE_AS = {"docx": "docx:MS Word 2007 XML", "odt": "odt"}
TEXT = 'Port & «\u00a0Gand\u00a0» 🙂 "q" <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def _blank(site: Path, sheet: str, fmt: str, lang: str = "en") -> Path:
    return next((site / lang / "downloads" / "worksheets").glob(f"{sheet}-*.{lang}.{fmt}"))


def _answers(data) -> dict:
    """A choice column's answer typed as its option's label, in another case ("failure")."""
    return {"strengths": [TEXT, "second paragraph\tafter a tab"], "benchmark_1_city": ["Ghent"],
            "benchmark_1_outcome": ["  Failure "], "benchmark_2_outcome": ["somewhere else"], "departments_4": True}


@pytest.fixture(scope="module")
def resaved(site, data, tmp_path_factory):
    """fmt -> the p1-s1 file filled outside the browser and saved again by LibreOffice."""
    folder = tmp_path_factory.mktemp("office-import")
    out = {}
    for fmt, fill in FILLS.items():
        filled, copied = folder / f"p1-s1-filled.{fmt}", folder / f"p1-s1.{fmt}"
        fill(_blank(site, "p1-s1", fmt), filled, _answers(data))
        copy_last_row(filled, copied, fmt, "benchmark", ["Malmö", "Lund", "", "Mixed", "Start small"])
        filled = copied
        out[fmt] = convert_all([filled], SAVE_AS[fmt], folder / f"saved-{fmt}")[0]
    return out


@pytest.mark.parametrize("fmt", sorted(FILLS))
def test_an_office_file_imports_through_the_preview(page, server, data, resaved, fmt):
    open_ws(page, server)
    page.set_input_files(".sc-ws__file", str(resaved[fmt]))
    page.wait_for_selector('[data-sc-import="go"]')
    note = page.text_content(".sc-import__note")
    assert "benchmark_2_outcome" not in note and note.startswith("1 "), note  # the word that is no choice
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-ws__status:has-text('imported')")
    saved = stored(page)
    assert saved["strengths"] == f"{TEXT}\nsecond paragraph\tafter a tab"
    assert saved["benchmark_1_city"] == "Ghent" and saved["benchmark_1_outcome"] == "failure"
    assert saved["departments"] == "4" and "benchmark_2_outcome" not in saved
    # The row copied in the document is a row of its own after the five, its answers in place.
    assert saved["benchmark.rows"] == "1 2 3 4 5 6"
    assert (saved["benchmark_6_city"], saved["benchmark_6_outcome"], saved["benchmark_6_lesson"]) == ("Malmö", "mixed", "Start small")
    assert page.input_value("#sc-ws-p1-s1-benchmark_6_city") == "Malmö"
    assert page.input_value("#sc-ws-p1-s1-strengths") == saved["strengths"]
    assert page.is_checked("#sc-ws-p1-s1-departments-4")
    assert page.evaluate("window.__xss === undefined")


@pytest.mark.parametrize("fmt", [*sorted(FILLS), "pdf"])
def test_another_worksheets_file_is_refused(page, server, site, data, fmt):
    open_ws(page, server)
    page.set_input_files(".sc-ws__file", str(_blank(site, "p0-s1", fmt)))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == message(data, "import_office_other").replace("{sheet}", "p0-s1")
    assert stored(page) == {}


def test_a_document_that_is_no_worksheet_is_refused(page, server, data, tmp_path):
    path = tmp_path / "minutes.docx"
    doc = Document()
    doc.add_paragraph("Minutes of the council")
    doc.save(str(path))
    open_ws(page, server)
    page.set_input_files(".sc-ws__file", str(path))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == message(data, "import_office_foreign")


def _filled_pdf(site: Path, tmp_path: Path) -> Path:
    """The p1-s1 PDF filled as a PDF reader would: text, a list's choice, a "tick one"."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(_blank(site, "p1-s1", "pdf")))
    writer.update_page_form_field_values(None, {"strengths": f"{TEXT}\rsecond line", "benchmark_1_city": "Ghent",
                                                "benchmark_1_outcome": "failure", "departments": "/4"}, auto_regenerate=None)
    path = tmp_path / "p1-s1.pdf"
    writer.write(path)
    return path


def test_a_filled_pdf_imports_with_pdfjs(page, server, site, tmp_path):
    open_ws(page, server)
    page.set_input_files(".sc-ws__file", str(_filled_pdf(site, tmp_path)))
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-ws__status:has-text('imported')")
    saved = stored(page)
    assert saved["strengths"] == f"{TEXT}\nsecond line" and saved["departments"] == "4"
    assert saved["benchmark_1_city"] == "Ghent" and saved["benchmark_1_outcome"] == "failure"
    assert page.evaluate("window.__xss === undefined")


def test_from_file_the_page_says_a_pdf_cannot_be_read_and_points_to_the_office_files(browser, site, data, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "en" / DIAGNOSIS).as_uri())
    page.wait_for_selector(".sc-ws[data-sc-loaded]")
    page.set_input_files(".sc-ws__file", str(_filled_pdf(site, tmp_path)))
    page.wait_for_selector(".sc-ws__alert:not(:empty)")
    assert page.text_content(".sc-ws__alert") == message(data, "import_pdf_offline")
    context.close()
