"""Search engines: a description on every page, a sitemap per language naming each page's
translations (hreflang) by absolute URL."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from lxml import html as lhtml

from smartcity.edition.model import load_edition

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("fr", "en")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_own_description(lang, data):
    """Step pages and phase overviews take their summary from data; the others say it in front matter."""
    docs = ROOT / "docs" / lang
    phases = {f"{p.slug}/index.md" for p in data.phases.phases}
    missing = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        meta = front_matter(path)
        if not (meta.get("description") or meta.get("step") or rel in phases):
            missing.append(rel)
    assert not missing, f"docs/{lang}: no `description:` in {missing}"


def built_pages(site: Path, lang: str) -> list[Path]:
    return [p for p in sorted((site / lang).rglob("*.html"))
            if p.name != "404.html" and "downloads" not in p.parts and "assets" not in p.parts]


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_have_a_description_and_no_relative_alternates(site, lang, data):
    """Material's alternates are relative (search engines reject them) and its script fetches the
    sitemap of each one, so pages carry none: the sitemap names the translations."""
    generic = data.t("site.description", lang)
    for path in built_pages(site, lang):
        rel = path.relative_to(site / lang).as_posix()
        head = lhtml.parse(str(path)).getroot().find("head")
        descriptions = head.xpath("meta[@name='description']/@content")
        assert len(descriptions) == 1 and descriptions[0].strip(), f"{lang}/{rel}: no description"
        if rel != "index.html":
            assert descriptions[0] != generic, f"{lang}/{rel}: only the site's description"
        assert not head.xpath("link[@rel='alternate'][@hreflang]"), f"{lang}/{rel}: hreflang link in the page"


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_sitemap_per_language_with_absolute_translations(site, lang):
    root = str(load_edition().site_url).rstrip("/") + "/"
    tree = ET.parse(site / lang / "sitemap.xml")
    urls = list(tree.iter(f"{SITEMAP}url"))
    assert urls
    listed = set()
    for url in urls:
        loc = url.find(f"{SITEMAP}loc").text
        assert loc.startswith(f"{root}{lang}/"), loc
        rel = loc[len(root) + len(lang) + 1:]
        assert (site / lang / rel).is_file(), f"sitemap lists {loc}, which is not built"
        listed.add(rel)
        alternates = {a.get("hreflang"): a.get("href") for a in url.iter(f"{XHTML}link")}
        assert alternates == {**{code: f"{root}{code}/{rel}" for code in LANGS}, "x-default": root}, loc
        for code in LANGS:
            assert (site / code / rel).is_file(), f"{loc}: its {code} translation does not exist"
    pages = {p.relative_to(site / lang).as_posix() for p in built_pages(site, lang)}
    assert pages <= listed, f"not in the sitemap: {sorted(pages - listed)[:5]}"
