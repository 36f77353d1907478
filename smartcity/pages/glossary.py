"""The glossary page: every term as a definition list, in the page language's alphabetical order."""
from __future__ import annotations

import unicodedata
from typing import Any

from smartcity.model.traversal import shows
from smartcity.pages.registry import macro
from smartcity.render.env import relative, render


def term_title(data: Any, term: Any, lang: str) -> str:
    return term.term(lang) if term.term else data.get("dimension", term.dimension).title(lang)


def term_definition(data: Any, term: Any, lang: str) -> str:
    text = term.definition(lang) if term.definition else data.get("dimension", term.dimension).description(lang)
    if term.example and shows(data, term.example.case):
        text += " " + term.example.text(lang)
    return text


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case (Économie files under E)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def page_label(data: Any, path: str, lang: str) -> str:
    """The title of a non-step page a term points to: ui key glossary.page.<path with dots>."""
    return data.t("glossary.page." + path.removesuffix(".md").replace("/", "."), lang)


def entries(data: Any, lang: str) -> list[dict[str, Any]]:
    """The terms as the page shows them: resolved title and definition, sorted, with their letter."""
    terms = data.glossary.terms if data.glossary else ()
    out = []
    for term in terms:
        title = term_title(data, term, lang)
        out.append({
            "term": term, "title": title, "definition": term_definition(data, term, lang),
            "letter": sort_key(title)[:1].upper(),
            "see": [(t, term_title(data, t, lang)) for t in (data.get("term", i) for i in term.see)],
            "page": page_label(data, term.page, lang) if term.page else None,
        })
    return sorted(out, key=lambda e: sort_key(e["title"]))


@macro("glossary")
def render_glossary(data: Any, lang: str, here: str) -> str:
    """Every glossary term with its definition, an anchor per term (#term-<id>) and related links."""
    items = entries(data, lang)
    letters = list(dict.fromkeys(e["letter"] for e in items))
    page_link = lambda path: relative(path.removesuffix(".md") + ".html", here)  # noqa: E731
    return render("glossary.html", data, lang, here, items=items, letters=letters, page_link=page_link)
