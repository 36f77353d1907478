"""The office documents' budgets for `make bench` (issue 18), on the p1-s1 worksheet of a
served site in headless Chromium: the time to make a filled DOCX (from the click to the
download, the first time, the reader script and the blank document loading with it; then
generation alone), and the weight of what loads on demand: the office code, and each
worksheet's blank document as script data."""
from __future__ import annotations

import gzip
import time
from pathlib import Path
from statistics import median

PAGE = "en/phase-1/p1-s1-diagnosis.html"
MAKE = """async () => {
  const link = document.querySelector('.sc-ws__downloads a[data-sc-format="docx"]'), form = document.querySelector('.sc-ws__form');
  const start = performance.now();
  await scOffice.write('docx', link.getAttribute('href'), form);
  return performance.now() - start; }"""


def filled_docx(browser, base: str, runs: int = 5) -> dict:
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(base + PAGE)
        tab.wait_for_selector(".sc-ws[data-sc-loaded]")
        # Every long answer a paragraph of 600 characters and a second line: a worksheet in full.
        tab.evaluate("""() => document.querySelectorAll('.sc-ws__form textarea').forEach((t, i) => {
          t.value = `Réponse ${i} : ` + 'diagnostic partagé, '.repeat(30) + '\\nsuite'; t.dispatchEvent(new Event('input', { bubbles: true })); })""")
        start = time.perf_counter()
        with tab.expect_download():
            tab.click('[data-sc-action="download-docx"]')
        first = (time.perf_counter() - start) * 1000
        warm = [tab.evaluate(MAKE) for _ in range(runs)]
        return {"first_click_to_download_ms": round(first), "generate_median_ms": round(median(warm)),
                "generate_all_ms": [round(t) for t in warm]}
    finally:
        context.close()


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def on_demand_weights(site: Path, lang: str = "en") -> dict:
    """gzip bytes: the office code (its chunk, fflate included, and the import's), and the
    largest blank document a worksheet ships as script data."""
    scripts = site / lang / "assets" / "javascripts"
    code = {p.name: _gz(p) for name in ("sc-office", "sc-import") for p in scripts.glob(f"{name}.*.min.js")}
    templates = {p.name: _gz(p) for p in (site / lang / "downloads" / "worksheets").glob("*.js")}
    largest = max(templates, key=templates.get)
    return {"code": code, "code_gzip": sum(code.values()), "template_max": largest, "template_max_gzip": templates[largest]}
