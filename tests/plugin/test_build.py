"""The built site: both languages complete, macros all rendered, switcher and sources sound."""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from smartcity.pages.nav import expected_pages
from tests.conftest import ROOT

LANGS = ("en", "fr")


def html_pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang).rglob("*.html"))


def rel_set(site: Path, lang: str) -> set[str]:
    return {str(p.relative_to(site / lang)) for p in html_pages(site, lang)}


class Refs(HTMLParser):
    """Collects (tag, attribute, value) for every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "srcset", "data", "action") and value:
                self.refs.append((tag, name, value))


def refs_of(path: Path) -> list[tuple[str, str, str]]:
    parser = Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refs


def test_root_offers_both_languages(site):
    root = (site / "index.html").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f'href="{lang}/index.html"' in root
        assert (site / lang / "index.html").is_file()
        assert (site / lang / "404.html").is_file(), f"{lang} has no 404 page"
    assert "navigator.languages" in root


def test_both_languages_have_the_same_pages(site):
    assert rel_set(site, "en") == rel_set(site, "fr")


def test_every_promised_page_exists_in_both_languages(data):
    for lang in LANGS:
        missing = [p for p in expected_pages(data) if not (ROOT / "docs" / lang / p).is_file()]
        assert not missing, f"docs/{lang} lacks {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_macro_left_unrendered(site, lang):
    leftovers = [str(p) for p in html_pages(site, lang) if re.search(r"\{\{|\{%", p.read_text(encoding="utf-8"))]
    assert not leftovers


def _units() -> list:
    from smartcity.edition.data import site_data
    from smartcity.model.traversal import ordered_units

    return [pytest.param(phase.slug, unit.slug, unit.id, id=unit.id) for phase, _, unit in ordered_units(site_data())]


ANATOMY = ("why", "todo", "questions", "pitfalls", "cases", "checklist", "worksheet")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("folder, slug, unit_id", _units())
def test_every_step_page_source_follows_the_anatomy(lang, folder, slug, unit_id):
    """Each step and part page: its id in front matter, the sections of the step-page anatomy in
    order, one-line macro calls for the cases, checklist, worksheet and step navigation, no Jinja
    logic, a readable length, and numbered lists that restart at 1 as Python-Markdown renders them."""
    text = (ROOT / "docs" / lang / folder / f"{slug}.md").read_text(encoding="utf-8")
    assert text.startswith(f"---\nstep: {unit_id}\n---\n{{{{ step_intro() }}}}")
    assert tuple(re.findall(r'\{\{ heading\("([a-z]+)"\) \}\}', text)) == ANATOMY
    assert re.search(r"\n\n\{\{ (cases|stats)\(.*\) \}\}\n", text.split('heading("cases")')[1])
    for call in (r"checklist\([^)]*\)", r"worksheet\(\)", r"step_nav\(\)"):
        assert re.search(rf"\n\n\{{\{{ {call} \}}\}}\n", text), call
    # The one Jinja tag a page may hold: a call block marking a passage about cases (smartcity/pages/case_mentions.py).
    marks = r'\{% call about_(?:cases|any_case)\("[a-z0-9-]+"(?:, "[a-z0-9-]+")*\) %\}|\{% endcall %\}'
    assert "{%" not in re.sub(marks, "", text), "pages call macros, they hold no Jinja loops"
    assert 100 <= text.count("\n") <= 200
    for block in re.split(r"\n\n(?=\S)(?!\d+\. )", text):
        numbers = [int(n) for n in re.findall(r"^(\d+)\. ", block, re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), numbers


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("folder, slug, unit_id", _units())
def test_every_step_page_carries_its_id_checklist_and_cases(site, data, lang, folder, slug, unit_id):
    """Each step and part page: its id once, its checklist items in data order (a step's page
    shows its parts' items too; a step with none of its own shows the step it depends on),
    a case or a figure from the guide, no macro call left."""
    from smartcity.pages.checklist import items_for

    html = (site / lang / folder / f"{slug}.html").read_text(encoding="utf-8")
    assert re.findall(r'data-sc-step="([^"]+)"', html) == [unit_id]
    shown = re.findall(r'data-sc-checklist="([^"]+)"', html)
    assert shown == [unit_id] if items_for(data, unit_id) else len(shown) == 1, shown
    expected = [i.id for i in items_for(data, shown[0])]
    assert expected and re.findall(r'data-sc-item="([^"]+)"', html) == expected
    assert "data-sc-case=" in html or 'class="sc-stat' in html, "no case study nor figure from the guide"
    assert not re.search(r"\{\{\s*[a-z_]+\(", html), "a macro call was left unrendered"


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_lands_on_the_same_page(site, lang):
    checked = 0
    for page in html_pages(site, lang):
        if page.name == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" hreflang="[a-z]{2}"[^>]*class="md-select__link"', text)
        assert len(links) == 2, f"{page}: switcher links {links}"
        for href in links:
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page}: {href} -> {target}"
            assert target.relative_to(site.resolve()).parts[1:] == page.relative_to(site / lang).parts
        checked += 1
    assert checked > 3


@pytest.mark.parametrize("lang", LANGS)
def test_no_resource_from_another_host(site, lang):
    offenders = []
    for page in [site / "index.html", *html_pages(site, lang)]:
        for tag, attr, value in refs_of(page):
            if tag in ("link", "script", "img", "iframe", "source", "video", "audio", "embed", "object"):
                host = urlsplit(value).netloc
                if host and not (tag == "link" and _is_metadata_link(page, value)):
                    offenders.append(f"{page.name}: <{tag} {attr}={value}>")
    assert not offenders, offenders[:10]


def _is_metadata_link(page: Path, href: str) -> bool:
    """rel=canonical / rel=alternate name the public address; browsers fetch nothing from them."""
    text = page.read_text(encoding="utf-8")
    pattern = r'<link rel="(?:canonical|alternate)"[^>]*href="' + re.escape(href) + '"'
    pattern2 = r'<link[^>]*href="' + re.escape(href) + r'"[^>]*rel="(?:canonical|alternate)"'
    return bool(re.search(pattern, text) or re.search(pattern2, text))


def test_nothing_copied_from_the_source():
    tool = ROOT.parent / "shared" / "tools" / "verbatim-check"
    if not tool.exists():
        pytest.skip("shared/tools/verbatim-check not present")
    result = subprocess.run([str(tool)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0 and last.startswith("verbatim-check: 0 run"), result.stdout[-3000:]
