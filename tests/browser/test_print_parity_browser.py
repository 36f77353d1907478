"""The print of a filled worksheet and its filled DOCX show the same sections, questions and
answers in the same order (issue 18, part 4): both read as a sequence of texts, the print in
Chromium's print media, the DOCX from its XML."""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from tests.browser.test_office_download_browser import download, fill_page
from tests.browser.test_worksheets_browser import open_ws

pytestmark = pytest.mark.browser
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PRINTED = """() => {
  const out = [], form = document.querySelector('.sc-ws__form');
  const shown = (e) => getComputedStyle(e).display !== 'none';
  form.querySelectorAll('.sc-ws__section-title, .sc-ws__label, input, textarea, select').forEach((e) => {
    if (!shown(e.closest('tr') || e)) return;
    if (e.matches('.sc-ws__section-title')) out.push(['section', e.textContent.trim()]);
    else if (e.matches('.sc-ws__label')) out.push(['question', e.textContent.trim()]);
    else if (e.type === 'checkbox' || e.type === 'radio') { if (e.checked) out.push(['answer', e.closest('label').textContent.trim()]); }
    else if (e.tagName === 'SELECT') { if (e.value) out.push(['answer', e.options[e.selectedIndex].text]); }
    else if (e.value) out.push(['answer', e.value]);
  });
  return out; }"""


def _w(tag):
    return f"{{{W}}}{tag}"


def _text(node) -> str:
    return "".join(t.text or "" if t.tag == _w("t") else "\t" for t in node.iter(_w("t"), _w("tab")))


def docx_sequence(path, skip: set[str]) -> list[list[str]]:
    """Sections (Heading 2), questions (Heading 3), then each answer where its place is."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(_w("body"))
    out, done_cells = [], set()
    for el in body.iter(_w("p")):
        style = el.find(f"{_w('pPr')}/{_w('pStyle')}")
        style = style.get(_w("val")) if style is not None else ""
        if style in ("Heading2", "Heading3") and _text(el) not in skip:
            out.append(["section" if style == "Heading2" else "question", _text(el).strip()])
        for mark in el.iter(_w("bookmarkStart")):
            sdt = mark.getnext()
            box = sdt.find(f".//{{{W14}}}checked") if sdt is not None else None
            if box is not None:
                if box.get(f"{{{W14}}}val") == "1":
                    label = next(sdt.itersiblings(_w("r")))  # the option's words follow its box
                    out.append(["answer", _text(label).strip()])
                continue
            cell = next(mark.iterancestors(_w("tc")))
            where = cell.getroottree().getpath(cell)  # lxml's proxies come and go: their id() does not hold
            if where in done_cells:
                continue
            done_cells.add(where)
            text = "\n".join(_text(p) for p in cell.iter(_w("p")))
            if text.strip():
                out.append(["answer", text.strip("\n")])
    return out


def test_print_and_docx_show_the_same_questions_and_answers_in_order(browser, server, data, tmp_path):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script("window.print = () => {};")
    page = open_ws(context.new_page(), server)
    fill_page(page)
    page.check("#sc-ws-p1-s1-departments-2")  # a "tick one": the last tick counts
    path = download(page, "docx", tmp_path)
    page.click('[data-sc-action="print"]')
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED)
    written = docx_sequence(path, skip={data.t("ws.doc.instructions", "en")})
    context.close()
    assert [kind for kind, _ in printed].count("answer") == 5
    assert written == printed, next((i, a, b) for i, (a, b) in enumerate(zip(written, printed)) if a != b)
