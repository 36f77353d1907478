"""The reader's answers as the worksheet's own DOCX and ODT, made in headless Chromium from the
blank documents the build ships as script data (issue 18, part 1): the answers in place, as
text (markup, quotes, emoji, tabs, line breaks), rows added in the page, ticks; characters XML
cannot carry dropped and the reader told; the file opens in python-docx, odfpy and LibreOffice,
keeps the blank file's accessibility, and imports back into the page."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from tests.browser.test_office_import_browser import TEXT
from tests.browser.test_worksheets_browser import message, open_ws, stored
from tests.outputs.docx_checks import problems
from tests.outputs.libreoffice import convert_all
from tests.outputs.office_answers import read_docx, read_odt
from tests.outputs.pdf_readers import pdftotext

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("libreoffice")]
READ = {"docx": read_docx, "odt": read_odt}


def fill_page(page):
    page.fill("#sc-ws-p1-s1-strengths", f"{TEXT}\nsecond line\twith a tab")
    page.check("#sc-ws-p1-s1-departments-4")
    page.select_option("#sc-ws-p1-s1-benchmark_1_outcome", "failure")
    page.fill("#sc-ws-p1-s1-benchmark_1_city", "Ghent")
    page.click(".sc-ws__row-add >> nth=0")  # the first table with numbered rows, benchmark: a sixth row
    page.fill("#sc-ws-p1-s1-benchmark_6_city", "Malmö")
    page.wait_for_function("() => document.querySelector('.sc-ws__status').textContent.length > 0")


def download(page, fmt, tmp_path) -> Path:
    with page.expect_download() as info:
        page.click(f'[data-sc-action="download-{fmt}"]')
    path = tmp_path / f"mine.{fmt}"
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("fmt", sorted(READ))
def test_my_answers_as_a_document(page, server, data, tmp_path, fmt):
    open_ws(page, server)
    fill_page(page)
    download(page, fmt, tmp_path)
    page.fill("#sc-ws-p1-s1-benchmark_1_city", "Ghent")  # a second document from the same page
    path = download(page, fmt, tmp_path)
    assert page.text_content(".sc-ws__status") == message(data, "download_ready")
    identity, found = READ[fmt](path)
    assert identity["sc-worksheet"] == "p1-s1"
    assert found["strengths"] == [TEXT, "second line\twith a tab"]
    assert found["benchmark_1_city"] == ["Ghent"] and found["benchmark_6_city"] == ["Malmö"]
    assert found["benchmark_1_outcome"] == ["failure"]  # the option's label, in English
    assert found["departments_4"] is True and found["departments_3"] is False
    assert "benchmark_5_city" in found  # the page's five rows and its sixth
    if fmt == "docx":
        assert problems(path) == []  # no repair prompt: the proxies of docx_checks.py
        doc = Document(str(path))  # python-docx opens it; headings, language and header rows kept
        assert [p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")][:2] == ["Heading 1", "Heading 2"]
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
            ids = [e.get(f"{{{root.nsmap['w']}}}id") for e in root.iter(f"{{{root.nsmap['w']}}}bookmarkStart")]
            assert len(ids) == len(set(ids)), "bookmark ids repeat"
            controls = [e.get(f"{{{root.nsmap['w']}}}val") for e in root.iter(f"{{{root.nsmap['w']}}}id")]
            assert len(controls) == len(set(controls)), "content-control ids repeat"
            assert b"w:tblHeader" in z.read("word/document.xml") and b'w:lang w:val="en' in z.read("word/styles.xml")
    else:
        with zipfile.ZipFile(path) as z:
            assert z.infolist()[0].filename == "mimetype" and z.infolist()[0].compress_type == zipfile.ZIP_STORED
    [pdf] = convert_all([path], "pdf", tmp_path / "pdf")  # LibreOffice opens it cleanly
    text = pdftotext(pdf)
    assert "Malmö" in text and "second line" in text and "<script>" in text


@pytest.mark.parametrize("fmt", sorted(READ))
def test_my_document_imports_back_into_a_fresh_page(browser, server, tmp_path, fmt):
    first = browser.new_context()
    page = open_ws(first.new_page(), server)
    fill_page(page)
    path = download(page, fmt, tmp_path)
    typed = stored(page)
    first.close()
    other = browser.new_context()
    page = open_ws(other.new_page(), server)
    page.set_input_files(".sc-ws__file", str(path))
    page.click('[data-sc-import="go"]')
    page.wait_for_selector(".sc-ws__status:has-text('imported')")
    assert stored(page) == typed
    other.close()


def test_characters_a_document_cannot_hold_are_dropped_and_said(page, server, data, tmp_path):
    open_ws(page, server)
    page.fill("#sc-ws-p1-s1-strengths", "bell\u0007 and form feed\u000c here")
    page.wait_for_function("() => document.querySelector('.sc-ws__status').textContent.length > 0")
    path = download(page, "docx", tmp_path)
    assert page.text_content(".sc-ws__alert") == message(data, "download_dropped").replace("{n}", "2")
    assert read_docx(path)[1]["strengths"] == ["bell and form feed here"]
    assert stored(page)["strengths"] == "bell\u0007 and form feed\u000c here"
