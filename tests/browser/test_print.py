"""Print: step pages print on A4, without navigation chrome, with the address of each link."""
from __future__ import annotations

import io

import pytest

from tests.conftest import need
from tests.browser.test_a11y import NO_SEARCH_WORKER
from tests.qa_util import step_pages

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".sc-step-nav"]


@pytest.fixture(scope="module")
def print_tab(browser):
    context = browser.new_context(locale="en-GB")
    context.add_init_script(script=NO_SEARCH_WORKER)  # search plays no part in print
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_step_pages_print_without_chrome_and_with_link_addresses(print_tab, server, site, lang):
    pages = step_pages(site, lang)
    need(bool(pages), "no step page built")
    for path in pages:
        print_tab.goto(server + path)
        print_tab.emulate_media(media="print")
        hidden = print_tab.evaluate(
            "sels => sels.filter(s => document.querySelector(s)).map(s => [s, getComputedStyle(document.querySelector(s)).display])",
            CHROME)
        shown = [s for s, display in hidden if display != "none"]
        assert not shown, f"{path}: navigation chrome printed: {shown}"
        after = print_tab.evaluate("""() => [...document.querySelectorAll('.md-content a[href]:not(.headerlink)')]
            .filter(a => !a.getAttribute('href').startsWith('#') && a.offsetParent !== null)
            .map(a => getComputedStyle(a, '::after').content)""")
        assert after, f"{path}: no link in the content"
        public = [c for c in after if "https://" in c or "http://" in c or "mailto" in c or "@" in c]
        assert len(public) == len(after), f"{path}: links printed without their address: {len(after) - len(public)} of {len(after)}"
        print_tab.emulate_media(media="screen")


def test_a_step_page_prints_on_a4_with_text_only(print_tab, server, site):
    from pypdf import PdfReader

    pages = step_pages(site, "en")
    need(bool(pages), "no step page built")
    path = max(pages, key=lambda p: (site / p).stat().st_size)
    print_tab.goto(server + path)
    title = print_tab.locator("article h1").first.inner_text().strip()
    footer = print_tab.locator(".md-copyright").first.inner_text().strip()
    print_tab.emulate_media(media="print")  # an earlier "screen" emulation would carry into pdf()
    pdf = PdfReader(io.BytesIO(print_tab.pdf(prefer_css_page_size=True, print_background=True)))
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert (round(width), round(height)) == tuple(round(x) for x in A4_POINTS), f"not A4: {width} x {height} pt"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert title.split()[0] in text
    assert footer[:30] not in text, "the site footer was printed"
    assert "https://" in text, "no link address printed"
    if 'id="sc-worksheet"' in (site / path).read_text(encoding="utf-8"):
        assert len(pdf.pages) >= 2, "the worksheet should start on a sheet of its own"
