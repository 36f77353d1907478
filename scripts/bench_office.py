"""The office documents' budgets for `make bench` (issue 18), on the p1-s1 worksheet of a
served site in headless Chromium: the time to make a filled DOCX (from the click to the
download, the first time, the reader script and the blank document loading with it; then
generation alone), the time to make the strategy dossier of all 15 worksheets, and the
weight of what loads on demand: the office code, and each worksheet's blank document as
script data."""
from __future__ import annotations

import gzip
import time
from pathlib import Path
from statistics import median

from smartcity.outputs.worksheets.dossier_view import ID as DOSSIER

PAGE = "en/phase-1/p1-s1-diagnosis.html"
MAKE = """async () => {
  const link = document.querySelector('.sc-ws__downloads a[data-sc-format="docx"]'), form = document.querySelector('.sc-ws__form');
  const start = performance.now();
  await scOffice.write('docx', link.getAttribute('href'), form);
  return performance.now() - start; }"""


def _first_docx(browser, base: str) -> tuple[float, object, object]:
    """One first click, in a fresh context (nothing cached): its time, the tab and its context."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(base + PAGE)
    tab.wait_for_selector(".sc-ws[data-sc-loaded]")
    # Every long answer a paragraph of 600 characters and a second line: a worksheet in full.
    tab.evaluate("""() => document.querySelectorAll('.sc-ws__form textarea').forEach((t, i) => {
      t.value = `Réponse ${i} : ` + 'diagnostic partagé, '.repeat(30) + '\\nsuite'; t.dispatchEvent(new Event('input', { bubbles: true })); })""")
    start = time.perf_counter()
    with tab.expect_download():
        tab.click('[data-sc-action="download-docx"]')
    return (time.perf_counter() - start) * 1000, tab, context


def filled_docx(browser, base: str, runs: int = 5, firsts: int = 5) -> dict:
    """The first click is timed in `firsts` fresh contexts and its median kept: one sample of
    a click that loads scripts varies by a third from run to run on the same machine."""
    times, tab, context = [], None, None
    try:
        for i in range(firsts):
            ms, tab, ctx = _first_docx(browser, base)
            times.append(ms)
            if i < firsts - 1:
                ctx.close()
            else:
                context = ctx
        warm = [tab.evaluate(MAKE) for _ in range(runs)]
        return {"first_click_to_download_ms": round(median(times)), "first_click_all_ms": [round(t) for t in times],
                "generate_median_ms": round(median(warm)), "generate_all_ms": [round(t) for t in warm]}
    finally:
        if context is not None:
            context.close()


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def on_demand_weights(site: Path, lang: str = "en") -> dict:
    """gzip bytes: the office code (its chunk, fflate included, the import's and the
    dossier's), the largest blank document a worksheet ships as script data, and the
    dossier's templates (all 15 worksheets in one, so not held to a worksheet's budget)."""
    scripts = site / lang / "assets" / "javascripts"
    code = {p.name: _gz(p) for name in ("sc-office", "sc-import", "sc-dossier", "sc-dossier-core")
            for p in scripts.glob(f"{name}.*.min.js")}
    found = {p.name: _gz(p) for p in (site / lang / "downloads" / "worksheets").glob("*.js")}
    templates = {name: size for name, size in found.items() if not name.startswith(f"{DOSSIER}.")}
    largest = max(templates, key=templates.get)
    dossier = {name: size for name, size in found.items() if name.startswith(f"{DOSSIER}.")}
    return {"code": code, "code_gzip": sum(code.values()), "template_max": largest, "template_max_gzip": templates[largest],
            "dossier_templates_gzip": dossier}


DOSSIER_PAGE = "en/resources/worksheets.html"


def full_values(v) -> dict:
    """Every question of a worksheet answered, as the page saves it; each text a paragraph of
    600 characters and a second line, as in filled_docx."""
    long = "diagnostic partagé, " * 30 + "\nsuite"
    out: dict = {}
    for f in (f for s in v.sections for f in s.fields):
        if f.type == "table":
            out.update({f.cell_name(r, c): c.options[-1].value if c.options else long for r in f.rows for c in f.columns})
        elif f.type in ("short", "long"):
            out[f.name] = long
        elif f.type == "checklist":
            out.update({f.option_name(o): True for o in f.options})
        else:
            out[f.name] = f.options[0].value
    return out


def full_dossier(browser, base: str, runs: int = 3) -> dict:
    """The dossier of all 15 worksheets, each answered in full, and every checklist point in
    progress: from the click to the download, the first time (office code, rules and template
    loading with it), then again."""
    from smartcity.edition.data import site_data
    from smartcity.outputs.worksheets.load import load_cached
    from smartcity.outputs.worksheets.view import view

    data = site_data()
    sheets = {s.id: full_values(view(data, s, "en")) for s in load_cached(data).values()}
    context = browser.new_context(accept_downloads=True)
    try:
        tab = context.new_page()
        tab.goto(base + DOSSIER_PAGE)
        tab.wait_for_selector("[data-sc-dossier][data-sc-loaded]")
        tab.evaluate("async (sheets) => { for (const id of Object.keys(sheets)) await scStore.write('worksheets', id, sheets[id]); }", sheets)
        tab.evaluate("async (items) => { for (const [id, unit] of items) await scStore.write('checklist', unit, {[id]: 'started'}); }",
                     [[i.id, i.step] for i in data.checklist.items])
        tab.fill("#sc-dossier-municipality", "Liège")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            with tab.expect_download():
                tab.click('[data-sc-action="dossier-docx"]')
            times.append((time.perf_counter() - start) * 1000)
        return {"sheets": len(sheets), "first_click_to_download_ms": round(times[0]),
                "again_median_ms": round(median(times[1:])), "all_ms": [round(t) for t in times]}
    finally:
        context.close()
