"""The answers store's budgets for `make bench` (issue 14), measured in headless Chromium on
the p1-s1 worksheet of a served site: a very long answer across a reload, two tabs typing in
turn, and the time from the last keystroke to "saved" (write committed, indicator updated)."""
from __future__ import annotations

import time
from statistics import median

PAGE = "en/phase-1/p1-s1-diagnosis.html"
READ = "async ([s, id]) => { await scStore.ready; await scStore.idle(); return scStore.read(s, id); }"
# Time from a keystroke to the status saying saved with the value in the store, in the page.
SAVED_AFTER = """([sel, text]) => { window.scBenchSaved = new Promise((done) => {
  const field = document.querySelector(sel), status = document.querySelector('.sc-ws__status');
  const saved = JSON.parse(document.querySelector('.sc-ws__i18n').textContent).saved;
  let start = 0;
  field.addEventListener('keydown', () => { start = performance.now(); }, { capture: true });
  const watch = new MutationObserver(async () => {
    if (!start || !status.textContent.startsWith(saved)) return;
    const stored = (await scStore.read('worksheets', 'p1-s1'))[field.name];
    if (stored === field.value && field.value.endsWith(text)) { watch.disconnect(); done(performance.now() - start); }
  });
  watch.observe(status, { childList: true, characterData: true, subtree: true });
}); }"""


def _open(context, base: str):
    tab = context.new_page()
    tab.goto(base + PAGE)
    tab.wait_for_selector(".sc-ws[data-sc-loaded]")
    return tab


def long_answer(context, base: str, size: int = 1_000_000) -> dict:
    """A `size`-character answer, and a short one beside it, both still there after a reload."""
    tab = _open(context, base)
    text = ("Diagnostic partagé, ligne %07d.\n" * (size // 32 + 1))[:size]
    tab.evaluate("([t]) => { const f = document.querySelector('#sc-ws-p1-s1-strengths'); f.value = t;"
                 " f.dispatchEvent(new Event('input', { bubbles: true })); }", [text])
    tab.fill("#sc-ws-p1-s1-weaknesses", "short")
    start = time.perf_counter()
    tab.wait_for_function("() => document.querySelector('.sc-ws__status').textContent !== ''")
    tab.evaluate(READ, ["worksheets", "p1-s1"])
    tab.reload()
    tab.wait_for_selector(".sc-ws[data-sc-loaded]")
    kept = tab.input_value("#sc-ws-p1-s1-strengths") == text and tab.input_value("#sc-ws-p1-s1-weaknesses") == "short"
    out = {"chars": size, "survives_reload": kept, "save_and_reload_s": round(time.perf_counter() - start, 2)}
    tab.close()
    return out


def two_tabs(context, base: str, seconds: float = 60) -> dict:
    """Two tabs type in turn, each in its own fields, for `seconds`; then a third tab and both
    typists must show every field's last text. Lost fields: those that do not."""
    a, b = _open(context, base), _open(context, base)
    names = a.eval_on_selector_all(".sc-ws__form textarea", "els => els.map(e => e.id)")[:12]
    mine = {id(a): names[0::2], id(b): names[1::2]}
    expected: dict[str, str] = {}
    end, turn = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        tab = (a, b)[turn % 2]
        field = mine[id(tab)][(turn // 2) % len(mine[id(tab)])]
        word = f" w{turn}"
        tab.click(f"#{field}")
        tab.keyboard.press("Control+End")  # a click in wrapped text puts the caret mid-text
        tab.keyboard.type(word, delay=15)
        expected[field] = expected.get(field, "") + word
        turn += 1
    for tab in (a, b):
        tab.wait_for_timeout(400)
        tab.evaluate(READ, ["worksheets", "p1-s1"])
    a.wait_for_timeout(300)
    third = _open(context, base)
    lost = sorted({f for f, v in expected.items() for tab in (a, b, third) if tab.input_value(f"#{f}") != v})
    for tab in (a, b, third):
        tab.close()
    return {"seconds": seconds, "turns": turn, "fields": len(expected), "lost_fields": len(lost), "lost": lost}


def keystroke_to_saved(context, base: str, samples: int = 15) -> dict:
    """Milliseconds from the last keystroke of a word to "saved", debounce included."""
    tab = _open(context, base)
    times = []
    for i in range(samples):
        word = f" mot{i}"
        tab.click("#sc-ws-p1-s1-strengths")
        tab.keyboard.press("Control+End")
        tab.keyboard.type(word[:-1], delay=20)
        tab.evaluate(SAVED_AFTER, ["#sc-ws-p1-s1-strengths", word])
        tab.keyboard.press(word[-1])
        times.append(tab.evaluate("() => window.scBenchSaved"))
        tab.wait_for_timeout(100)
    tab.close()
    return {"samples": samples, "median_ms": round(median(times)), "max_ms": round(max(times)),
            "all_ms": [round(t) for t in times]}


def store_budgets(browser, base: str, seconds: float = 60) -> dict:
    out = {}
    for name, measure in (("long_answer", long_answer), ("two_tabs", lambda c, u: two_tabs(c, u, seconds)),
                          ("keystroke_to_saved", keystroke_to_saved)):
        context = browser.new_context()
        try:
            out[name] = measure(context, base)
        finally:
            context.close()
    return out
