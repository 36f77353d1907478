"""Search in a real browser: French queries typed without accents, plurals and singulars.

The French build appends overrides/assets/javascripts/lunr/sc-fold-fr.js to
Material's lunr.fr.min.js (smartcity/mkdocs/bundle_hooks.py); it folds accents, elisions and simple plurals on both sides of the index.
Each query names the page that must come first (or in the top three): the
title boost makes those rankings stable as the content grows.
"""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("search")]

FR = [
    ("strategie de communication", "phase-1/p1-s4-communication-strategy.html", 1),
    ("volonte politique", "phase-0/p0-s1-political-will.html", 1),
    ("equipe transversale", "phase-0/p0-s3-cross-functional-team.html", 1),
    ("satisfaction des citoyens", "phase-3/p3-s2-citizen-satisfaction.html", 1),
    ("financements participatifs", "phase-2/p2-s2c-financing.html", 1),
    ("marches publics", "phase-2/p2-s2d-legal-framework.html", 1),
    ("marche public", "phase-2/p2-s2d-legal-framework.html", 1),
    ("indicateurs", "phase-1/p1-s3-evaluation-method.html", 3),
    ("indicateur", "phase-1/p1-s3-evaluation-method.html", 3),
    ("echelle de participation", "phase-0/p0-s5-openness-and-participation.html", 1),
    ("evaluation", "phase-1/p1-s3-evaluation-method.html", 1),
    ("diagnostic", "phase-1/p1-s1-diagnosis.html", 1),
    ("elus", "phase-0/p0-s1-political-will.html", 3),
    ("cadre juridique", "phase-2/p2-s2d-legal-framework.html", 3),
    ("gouvernance", "introduction/six-dimensions.html", 3),
]
EN = [
    ("political will", "phase-0/p0-s1-political-will.html", 1),
    ("cross-functional team", "phase-0/p0-s3-cross-functional-team.html", 1),
    ("citizen satisfaction", "phase-3/p3-s2-citizen-satisfaction.html", 1),
    ("crowdfunding", "phase-2/p2-s2c-financing.html", 1),
    ("public procurement", "phase-2/p2-s2d-legal-framework.html", 1),
    ("diagnosis", "phase-1/p1-s1-diagnosis.html", 1),
    ("indicators", "phase-1/p1-s3-evaluation-method.html", 3),
]


class Search:
    """One tab per language with the search box open; the index loads once."""

    def __init__(self, browser, server: str, lang: str):
        self.lang = lang
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.tab = self.context.new_page()
        self.tab.goto(f"{server}{lang}/index.html")
        self.tab.click("input.md-search__input")

    def _type(self, text: str) -> None:
        self.tab.fill("input.md-search__input", text)
        self.tab.press("input.md-search__input", "End")  # Material listens to key events

    def query(self, text: str) -> list[str]:
        """Pages (paths under the language root) in the order the results list them."""
        self._type("")
        self.tab.wait_for_function("!document.querySelector('.md-search-result__list li')")
        self._type(text)
        self.tab.wait_for_selector(".md-search-result__list li", timeout=15000)
        hrefs = self.tab.eval_on_selector_all(
            "li.md-search-result__item", "items => items.map(i => i.querySelector('a').href)")
        return [h.split("?")[0].split(f"/{self.lang}/", 1)[1] for h in hrefs]

    def marks(self) -> list[str]:
        return self.tab.eval_on_selector_all(".md-search-result__list mark", "ms => ms.map(m => m.textContent)")


@pytest.fixture(scope="module")
def search(browser, server):
    tabs: dict[str, Search] = {}

    def get(lang: str) -> Search:
        if lang not in tabs:
            tabs[lang] = Search(browser, server, lang)
        return tabs[lang]

    yield get
    for tab in tabs.values():
        tab.context.close()


@pytest.mark.parametrize("query, expected, top", FR, ids=[q for q, _, _ in FR])
def test_french_query_finds_its_page(search, query, expected, top):
    found = search("fr").query(query)
    assert expected in found[:top], f"{query!r}: {expected} not in the top {top} of {found[:5]}"


@pytest.mark.parametrize("query, expected, top", EN, ids=[q for q, _, _ in EN])
def test_english_query_finds_its_page(search, query, expected, top):
    found = search("en").query(query)
    assert expected in found[:top], f"{query!r}: {expected} not in the top {top} of {found[:5]}"


@pytest.mark.parametrize("plain, accented", [
    ("strategie", "stratégie"), ("benevole", "bénévole"), ("donnees", "données"), ("reseau", "réseau"),
])
def test_accents_do_not_matter(search, plain, accented):
    fr = search("fr")
    with_accents = fr.query(accented)
    assert with_accents and fr.query(plain) == with_accents


@pytest.mark.parametrize("plural, singular", [
    ("strategies", "strategie"), ("benevoles", "benevole"), ("reseaux", "reseau"), ("citoyens", "citoyen"),
])
def test_plurals_find_singulars(search, plural, singular):
    fr = search("fr")
    assert fr.query(plural) == fr.query(singular)


def test_results_mark_the_accented_words(search):
    fr = search("fr")
    fr.query("benevole")
    marks = [m.lower() for m in fr.marks()]
    assert marks and all("bénévole" in m for m in marks), marks


def test_stop_words_alone_find_nothing(search):
    """ "de la" matched every word starting with "de" or "la" before stop words were left out."""
    fr = search("fr")
    fr.query("gouvernance")
    fr._type("")
    fr.tab.wait_for_function("!document.querySelector('.md-search-result__list li')")
    idle = fr.tab.text_content(".md-search-result__meta")
    fr._type("de la")
    fr.tab.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t", arg=idle)
    assert fr.tab.query_selector_all(".md-search-result__list li") == []


def test_the_page_marks_what_the_search_matched(page, server):
    """Following a result for "benevoles" marks "bénévoles" on the page (sc-search.js)."""
    page.goto(f"{server}fr/phase-2/p2-s2a-resources.html?h=benevole")
    page.wait_for_selector("article mark[data-md-highlight]")
    marked = page.eval_on_selector_all("article mark[data-md-highlight]", "ms => ms.map(m => m.textContent)")
    assert any(m.lower().startswith("bénévole") for m in marked), marked
