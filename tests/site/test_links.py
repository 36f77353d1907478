"""Links: every internal link and anchor in the built site resolves, downloads included.

External links are listed in <site>/external-links.txt (and never fetched: there is
no network here, and a checker that calls out would leak like a tracker).
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from smartcity.edition.model import load_edition
from tests.qa_util import built_pages
from smartcity.render.cite import ANCHOR as CITE_ANCHOR

pytestmark = pytest.mark.build

SKIP_SCHEMES = ("javascript:", "data:", "blob:", "about:")
NOT_FETCHED = ("mailto:", "tel:")
# <link rel> values that name a page rather than load a resource; checked as links all the same.
URL_ATTRS = {"href", "src", "poster", "data", "action"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.page.ids.add(attrs[key])
        for name in URL_ATTRS & attrs.keys():
            if attrs[name]:
                self.page.refs.append((tag, attrs[name].strip()))
        for name in ("srcset", "imagesrcset"):
            for candidate in (attrs.get(name) or "").split(","):
                if candidate.strip():
                    self.page.refs.append((tag, candidate.split()[0]))


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


@dataclass
class Report:
    broken: list[str]
    external: dict[str, set[str]]
    checked: int


def public_prefix() -> str:
    """The edition's public address: links to it are links into this very site."""
    return str(load_edition().site_url).rstrip("/") + "/"


def check_site(site: Path, public: str = "") -> Report:
    pages = {rel: parse(site / rel) for rel in built_pages(site)}
    # Citation markers (smartcity.render.cite) link to the page's reference list, which the
    # adapter adds from them (issue 19, part 2). A build with no such list anywhere has not got
    # that part yet: its markers' anchors wait for it. Once any page has a list, all are checked.
    lists = any(i.startswith(CITE_ANCHOR) for page in pages.values() for i in page.ids)
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    checked = 0

    def resolve(source: str, url: str) -> None:
        nonlocal checked
        if url.startswith(SKIP_SCHEMES):
            return
        if url.startswith(NOT_FETCHED):
            external[url].add(source)
            return
        if public and url.startswith(public):
            url = "/" + url[len(public):]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            external[url].add(source)
            return
        checked += 1
        target = urlsplit(urljoin("http://site/" + source, url))
        path = posixpath.normpath(unquote(target.path)).lstrip("/")
        if target.path.endswith("/") or path in ("", "."):
            path = posixpath.join(path if path != "." else "", "index.html")
        file = site / path
        if file.is_dir():
            file, path = file / "index.html", posixpath.join(path, "index.html")
        if not file.is_file():
            broken.append(f"{source}: {url} -> missing {path}")
            return
        fragment = unquote(target.fragment)
        if fragment and path.endswith(".html"):
            ids = pages[path].ids if path in pages else parse(file).ids
            if fragment not in ids and (lists or not fragment.startswith(CITE_ANCHOR)):
                broken.append(f"{source}: {url} -> no id '{fragment}' in {path}")

    for rel, page in pages.items():
        for _tag, url in page.refs:
            resolve(rel, url)
    for css in site.rglob("*.css"):
        rel = css.relative_to(site).as_posix()
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css.read_text(encoding="utf-8")):
            resolve(rel, url)
    for sitemap in site.rglob("sitemap.xml"):
        rel = sitemap.relative_to(site).as_posix()
        for url in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            resolve(rel, url)
    return Report(broken, dict(external), checked)


@lru_cache(maxsize=1)
def site_report(site: Path) -> Report:
    return check_site(site, public_prefix())


def test_internal_links_and_anchors_resolve(site):
    report = site_report(site)
    assert report.checked > 100, f"only {report.checked} internal links found: is the site built?"
    assert not report.broken, f"{len(report.broken)} broken internal links:\n" + "\n".join(report.broken[:60])


def test_external_links_are_listed_not_fetched(site):
    report = site_report(site)
    lines = [f"{url}\t{len(sources)} page(s)\t{min(sources)}" for url, sources in sorted(report.external.items())]
    out = site / "external-links.txt"
    out.write_text("# External links in the built site (not fetched by the tests)\n"
                   "# url\tpages\tfirst page\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert out.stat().st_size > 0


def test_the_checker_catches_broken_links(tmp_path):
    """Guard against a checker that always passes."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.html").write_text(
        '<h2 id="here">x</h2><a href="b.html">b</a><a href="#nowhere">n</a><a href="a.html#here">ok</a>'
        '<a href="files/x.fr.pdf">pdf</a><a href="https://example.org/">ext</a>'
        '<a href="https://public.example/en/a.html#here">self</a>', encoding="utf-8")
    report = check_site(tmp_path, "https://public.example/")
    assert sorted(b.split(" -> ")[1] for b in report.broken) == [
        "missing en/b.html", "missing en/files/x.fr.pdf", "no id 'nowhere' in en/a.html"]
    assert list(report.external) == ["https://example.org/"]
