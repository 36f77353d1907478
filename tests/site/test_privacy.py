"""Privacy: no request leaves for another host, no cookie, nothing stored but what we say.

Two halves: a static scan of every built file that could make a browser fetch
something, and a crawl of every page in Chromium that records each request.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smartcity.edition.model import load_edition
from tests.conftest import search_for
from tests.qa_util import LOCAL_HOSTS, built_pages, is_local, page_params, step_pages

FETCHING = {  # tag -> attributes whose URL the browser loads by itself
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",), "input": ("src",), "link": ("href", "imagesrcset"),
}
# <link rel> values that name a page; browsers fetch nothing from them.
METADATA_RELS = {"canonical", "alternate", "next", "prev", "author", "license", "help", "search", "sitemap"}
CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?:)?//([^/'\")\s]+)", re.I)
# Material's storage keys (scoped by path) for reader preferences it offers here.
MATERIAL_KEYS = re.compile(r"(^|\.)__(palette|tabs)$")


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) <= METADATA_RELS and attrs.get("rel"):
            return
        for name in FETCHING.get(tag, ()):
            for url in re.split(r",\s*", attrs.get(name) or ""):
                url = url.strip().split(" ")[0]
                if url and not is_local(url):
                    self.found.append(f"<{tag} {name}={url}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            url = (attrs.get("content") or "").partition("url=")[2]
            if url and not is_local(url):
                self.found.append(f"<meta refresh {url}>")
        for host in CSS_URL.findall(attrs.get("style") or ""):
            self.found.append(f"style attribute: //{host[1]}")
        if tag in ("pre", "div", "code") and "mermaid" in (attrs.get("class") or "").split():
            # Material loads Mermaid from a CDN as soon as it sees such a block.
            self.found.append("mermaid diagram block (Material fetches mermaid from unpkg.com)")
        if attrs.get("data-md-component") == "source":
            self.found.append("repository widget (Material calls the GitHub API)")
        self.in_style = tag == "style"

    def handle_data(self, data):
        if self.in_style:
            self.found += [f"<style>: //{m[1]}" for m in CSS_URL.findall(data)]

    def handle_endtag(self, tag):
        self.in_style = False


# XML namespace names our scripts use to read and write SVG and office files: identifiers that
# are never fetched (the office import and download, sc-office*.js).
NAMESPACES = ("http://www.w3.org/", "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
              "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
              "http://schemas.microsoft.com/office/word/2010/wordml")


def static_offenders(site: Path) -> list[str]:
    found = []
    for rel in built_pages(site):
        parser = _Fetches()
        parser.feed((site / rel).read_text(encoding="utf-8"))
        found += [f"{rel}: {item}" for item in parser.found]
    for css in site.rglob("*.css"):
        for _scheme, host in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if host not in LOCAL_HOSTS:
                found.append(f"{css.relative_to(site)}: url(//{host})")
    # Our own scripts may not name another host at all (Material's bundle names some
    # for features this site does not switch on; the crawl below would catch them).
    for js in site.rglob("sc-*.js"):
        for url in re.findall(r"https?://[^\s'\"`)]+", js.read_text(encoding="utf-8")):
            if not is_local(url) and not url.startswith(NAMESPACES):
                found.append(f"{js.relative_to(site)}: {url}")
    return found


@pytest.mark.build
def test_no_built_file_loads_from_another_host(site):
    offenders = static_offenders(site)
    assert not offenders, f"{len(offenders)} third-party resources:\n" + "\n".join(offenders[:40])


def test_the_static_scan_catches_third_party_resources(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.example/css"><link rel="canonical" href="https://me.example/">'
        '<img srcset="x.png 1x, https://cdn.example/y.png 2x"><pre class="mermaid">graph</pre>'
        '<p style="background:url(//track.example/p.gif)">x</p>', encoding="utf-8")
    (tmp_path / "b.css").write_text("@import 'https://fonts.example/a.css'; a{background:url(img.png)}", encoding="utf-8")
    found = "\n".join(static_offenders(tmp_path))
    for needle in ("fonts.example/css", "cdn.example", "mermaid", "track.example", "b.css: url(//fonts.example)"):
        assert needle in found
    assert "me.example" not in found


# ---- the crawl -------------------------------------------------------------------------------

class Recorder:
    def __init__(self) -> None:
        self.requests: list[str] = []

    def __call__(self, request) -> None:
        self.requests.append(request.url)

    def foreign(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


@pytest.fixture(scope="module")
def crawl(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    recorder = Recorder()
    context.on("request", recorder)
    tab = context.new_page()
    yield context, tab, recorder
    context.close()


def storage_keys(tab) -> list[str]:
    return tab.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")


@pytest.mark.browser
@pytest.mark.parametrize("path", page_params())
def test_page_makes_no_third_party_request_and_sets_no_cookie(crawl, server, site, path):
    context, tab, recorder = crawl
    recorder.requests.clear()
    tab.goto(server + path, wait_until="load")
    tab.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    assert recorder.requests, "the recorder saw nothing: it is not attached"
    assert not recorder.foreign(), f"{path} asked other hosts: {recorder.foreign()}"
    assert context.cookies() == [], f"{path} set cookies: {context.cookies()}"
    assert tab.evaluate("() => document.cookie") == ""


@pytest.mark.browser
def test_reading_searching_and_answering_store_only_what_the_statement_says(browser, server, site):
    """A reader's session: search, switch palette and language, type into a worksheet."""
    namespace = load_edition().storage_namespace
    context = browser.new_context(locale="fr-BE")
    recorder = Recorder()
    context.on("request", recorder)
    tab = context.new_page()
    try:
        tab.goto(f"{server}fr/index.html")
        search_for(tab, "commune")
        tab.goto(f"{server}fr/index.html")
        toggle = tab.locator("form[data-md-component=palette] label:visible")
        if toggle.count():
            toggle.first.click()
        steps = step_pages(site, "fr")
        if steps:
            tab.goto(server + steps[0])
            fields = tab.locator("article input[type=text]:visible, article textarea:visible")
            if fields.count():
                fields.first.fill("Notre réponse")
                fields.first.blur()
            with tab.expect_navigation():
                tab.locator("a.md-select__link[hreflang=en]").first.dispatch_event("click")
        keys = storage_keys(tab)
        unexpected = [k for k in keys if not (k.startswith(namespace) or MATERIAL_KEYS.search(k))]
        assert not unexpected, f"undocumented storage keys: {unexpected}"
        databases = tab.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
        assert databases == [namespace], f"undocumented databases: {databases}"
        assert not recorder.foreign(), recorder.foreign()
        assert context.cookies() == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_crawl_catches_a_third_party_request(browser, server, site):
    """Guard: a page that asks another host must be caught. The request is stopped before it leaves."""
    context = browser.new_context()
    recorder = Recorder()
    context.on("request", recorder)
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    tab = context.new_page()
    try:
        tab.goto(f"{server}en/index.html")
        tab.evaluate("() => new Promise(r => { const i = new Image(); i.onerror = i.onload = r; i.src = 'https://tracker.example/p.gif'; })")
        assert "https://tracker.example/p.gif" in recorder.foreign()
    finally:
        context.close()


@pytest.mark.build
def test_every_page_is_crawled(site):
    assert {p.values[0] for p in page_params()} == set(built_pages(site))
