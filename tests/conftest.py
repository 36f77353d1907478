"""Shared fixtures: the data, the built site, a local HTTP server and headless Chromium."""
from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from smartcity.mkdocs.macros import material_icons
from smartcity.render.icons import use_icons

use_icons(material_icons())  # as the adapter does before any page renders

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SC_SITE_DIR", ROOT / "site")).resolve()
CHROMIUM = os.environ.get("SC_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Chromium flags that keep it from calling home on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--metrics-recording-only",
]


def need(condition: bool, reason: str) -> None:
    """Skip locally when a prerequisite is missing; in CI a missing prerequisite is a failure."""
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def data():
    from smartcity.model.loader import load

    return load()


# make test-fast (SC_TEST_FAST=1) runs without a build: a test that reads site/ there would
# check a stale site. While a test runs, any opening or listing of site/ fails it.
FAST = os.environ.get("SC_TEST_FAST") == "1"
_in_test = [False]
_SITE_PREFIX = str(SITE) + os.sep


def _no_site(event: str, args: tuple) -> None:
    if _in_test[0] and event in ("open", "os.listdir", "os.scandir") and args:
        path = args[0]
        if isinstance(path, (str, os.PathLike)) and (os.fspath(path) + os.sep).startswith(_SITE_PREFIX):
            raise RuntimeError(f"{path}: this test reads the built site; mark it `build` (make test-fast has no site)")


if FAST:
    import sys

    sys.addaudithook(_no_site)


def pytest_collection_modifyitems(config, items):
    """Markers set by fixture: a test that takes the built site is a `build` test, whatever its
    module says, so make test-fast (-m "not browser and not build") leaves it out."""
    for item in items:
        if "site" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    _in_test[0] = FAST
    try:
        yield
    finally:
        _in_test[0] = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    _in_test[0] = FAST
    try:
        yield
    finally:
        _in_test[0] = False


@pytest.fixture(scope="session")
def site() -> Path:
    if FAST:
        pytest.fail("this test needs the built site: mark it `build` or `browser` (make test-fast has no site)")
    need((SITE / "index.html").is_file(), f"site not built in {SITE}: run `make build`")
    return SITE


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/, for tests that break one file on purpose."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def break_yaml(data_dir: Path, name: str, change) -> None:
    """Load one data file, let `change` mutate it, write it back: a malformed-data fixture."""
    import yaml

    path = data_dir / name
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def expect_data_error(data_dir: Path, *parts: str) -> None:
    """Loading `data_dir` must fail with a message holding every part (file, entry, field…)."""
    from smartcity.model.loader import DataError, load

    with pytest.raises(DataError) as err:
        load(data_dir)
    message = str(err.value)
    for part in parts:
        assert part in message, message


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """`folder` on http://127.0.0.1:<free port>/ while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site: Path):
    """The built site on http://127.0.0.1:<free port>/."""
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver per worker: a second sync driver in the same process refuses to start."""
    need(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) per test."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


BUNDLE_LINK = re.compile(r'(?:href|src)="[^"]*?(assets/(?:stylesheets|javascripts)/sc\.[0-9a-f]{8}\.min\.(css|js))"')


def bundles(lang_dir: Path, html: str) -> dict[str, str]:
    """The text of our CSS and JS bundles that a built page links (smartcity/outputs/bundle.py), by kind."""
    found = {kind: path for path, kind in BUNDLE_LINK.findall(html)}
    return {kind: (lang_dir / path).read_text(encoding="utf-8") for kind, path in found.items()}


def bundled(lang_dir: Path, html: str, kind: str) -> list[str]:
    """The names of the sources in the page's bundle of `kind`, in order (its header comment)."""
    text = bundles(lang_dir, html).get(kind, "")
    return [n.strip() for n in text[3:text.index(" */")].split(",")] if text.startswith("/* ") else []


def search_for(tab, text: str, timeout: float = 90_000) -> None:
    """Type a query into Material's search box and wait for its first result.

    Material reads the box on keyup, on focus and once when its index is ready;
    a bare `fill` after the index is ready is never read, so a key is pressed.
    The index is built on first use: slow on a busy 2-core runner, hence the wait.
    """
    box = tab.locator(".md-search__input")
    box.focus()
    box.fill(text)
    box.press("End")
    tab.wait_for_selector(".md-search-result__item", timeout=timeout)


def run_axe(tab, selector: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the page and return its violations."""
    need(AXE.is_file(), "axe-core missing: run `npm ci`")
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    context = selector or "document"
    result = tab.evaluate(
        f"async (opts) => await axe.run({context if selector is None else json.dumps(selector)}, opts)",
        options,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


def store_read(tab, section: str, entry: str) -> dict:
    """What the answers store holds for one entry, once the page's writes have landed."""
    return tab.evaluate("async ([s, id]) => { await scStore.ready; await scStore.idle(); return scStore.read(s, id); }",
                        [section, entry])


def wait_stored(tab, section: str, entry: str, name: str, value, timeout: float = 10_000) -> None:
    """Wait until the store holds `value` for field `name` (the form saves after a pause).

    Polls inside the page: Playwright's wait_for_function does not await a promise, so an
    async predicate would pass at once."""
    found = tab.evaluate(
        """async ([s, id, n, v, ms]) => {
          const end = Date.now() + ms, want = JSON.stringify(v);
          let got;
          do {
            got = JSON.stringify((await scStore.read(s, id))[n]);
            if (got === want) return null;
            await new Promise((r) => setTimeout(r, 50));
          } while (Date.now() < end);
          return got === undefined ? "nothing" : got;
        }""",
        [section, entry, name, value, timeout])
    assert found is None, f"{section}/{entry}/{name}: store holds {found}, not {value!r} after {timeout / 1000:g} s"


def shared_build(name: str, edition: Path, **env: str) -> Path:
    """Build a fixture edition once per test run, whichever worker asks first; the others wait
    for it and share the result (pytest-xdist gives every worker the run's id). Read-only for
    the tests that take it. `env` adds build switches; {dir} in a value is the build's folder."""
    import fcntl
    import subprocess
    import sys
    import tempfile
    import time

    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"solo-{os.getpid()}"
    runs = Path(tempfile.gettempdir()) / "sc-fixture-sites"
    for old in runs.glob("*") if runs.is_dir() else ():
        if old.name != run and time.time() - old.stat().st_mtime > 86_400:  # earlier runs' sites
            shutil.rmtree(old, ignore_errors=True)
    folder = runs / run / name
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        failed = folder / "failed.txt"
        if failed.exists():
            pytest.fail(f"the {name} fixture edition did not build:\n{failed.read_text()[-3000:]}")
        if not (folder / "done").exists():
            values = {k: v.replace("{dir}", str(folder)) for k, v in env.items()}
            done = subprocess.run([sys.executable, "-m", "scripts.build", "--site-dir", str(folder / "site")],
                                  cwd=ROOT, env={**os.environ, "SC_EDITION": str(edition), **values},
                                  capture_output=True, text=True, timeout=1500)
            if done.returncode != 0:
                failed.write_text(done.stderr, encoding="utf-8")
                pytest.fail(f"the {name} fixture edition did not build:\n{done.stderr[-3000:]}")
            (folder / "done").write_text("ok", encoding="utf-8")
    return folder / "site"


def valfleuri_site() -> Path:
    """The Val-Fleuri fixture edition (tests/fixtures/edition-valfleuri), built once per run. Its
    worksheets have a cache of their own, so its documents never evict the reference's."""
    return shared_build("valfleuri", ROOT / "tests" / "fixtures" / "edition-valfleuri" / "edition.yml",
                        SC_WORKSHEETS_CACHE=str(ROOT / ".cache" / "worksheets-fixture-val-fleuri"),
                        SC_GUIDE_PDF_HTML="{dir}/guide-{lang}.html")  # the guide PDF's print page

