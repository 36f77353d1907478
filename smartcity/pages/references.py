"""The sources of a page: the `cite()` macro for prose, and the numbered references at the
end of each page, collected from the citation markers of its HTML (smartcity/render/cite.py).

Pure functions of the data and the page's HTML: the MkDocs adapter only hands the page over
(smartcity/mkdocs/references_hooks.py), so the list is the same in a test, on the site and in
the guide PDF, which assembles the pages' finished content."""
from __future__ import annotations

import re
from typing import Any, Iterable

from markupsafe import Markup, escape

from smartcity.model.loader import DataError
from smartcity.pages.case_mentions import source_page
from smartcity.pages.nav import expected_pages
from smartcity.pages.registry import Ctx, macro
from smartcity.render.cite import ANCHOR, ATTRIBUTE, cite_marker
from smartcity.render.dates import format_date
from smartcity.render.env import render

# A marker as cite_marker writes it; Markdown and the typography pass keep it as it is.
MARKER = re.compile(rf'<sup class="sc-cite" {ATTRIBUTE}="([^"]*)">.*?</sup>', re.S)
GUIDE = "guide"  # the kind of source every page drawn from the guide credits (data/references/)
STEP_NAV = '<nav class="sc-step-nav"'  # a step's last block (step_nav.html): the sources go above it


def known_references(data: Any) -> dict[str, Any]:
    """Every source of the data root, by id (none for a data root without data/references/)."""
    return data.index.get("reference", {})


@macro
def cite(ctx: Ctx, *ids: str) -> Markup:
    """A citation marker in prose: {{ cite("gdpr") }}, {{ cite("gdpr", "edpb-anonymisation") }}.
    An unknown id stops the build, naming the page and the id."""
    if not ids:
        raise DataError(f"{source_page(ctx)}: cite() names no source: give it one or more ids of data/references/")
    known = known_references(ctx.data)
    for ref in ids:
        if ref not in known:
            raise DataError(f"{source_page(ctx)}: cite(): unknown reference id '{ref}' "
                            f"(known: {', '.join(sorted(known)) or 'none'}; add data/references/{ref}.yml)")
    return cite_marker(ids)


def cited_ids(html: str) -> list[str]:
    """The ids the page's markers cite, in order of first citation."""
    found = (ref for m in MARKER.finditer(html) for ref in m.group(1).split())
    return list(dict.fromkeys(found))


def guide_ids(data: Any) -> list[str]:
    """The sources of kind `guide`: the original guide, which every page drawn from it credits."""
    return [ref for ref, entry in known_references(data).items() if entry.kind == GUIDE]


def draws_on_guide(data: Any, page: str) -> bool:
    """A page of the guide (data/nav.yml) that is not one of the edition's own (`own:`), which
    are about this web edition itself. Generated pages (the cases) cite by their markers."""
    return page in expected_pages(data) and page not in data.nav.own


def page_sources(data: Any, html: str, page: str) -> list[str]:
    """The page's sources in the order they are numbered: the guide first where the page draws
    on it (all of it does, so it is cited before any marker), then by first citation."""
    known = known_references(data)
    credited = guide_ids(data) if draws_on_guide(data, page) else []
    ids = list(dict.fromkeys([*credited, *cited_ids(html)]))
    unknown = [ref for ref in ids if ref not in known]
    if unknown:
        raise DataError(f"{page}: cites unknown reference id {', '.join(map(repr, unknown))} "
                        f"(known: {', '.join(sorted(known)) or 'none'})")
    return ids


def number_markers(data: Any, lang: str, html: str, order: Iterable[str]) -> str:
    """Each marker shows the numbers of its sources, each linked to its entry in the list."""
    numbers = {ref: n for n, ref in enumerate(order, 1)}
    label = data.t("refs.marker", lang)

    def numbered(m: re.Match) -> str:
        refs = list(dict.fromkeys(m.group(1).split()))
        links = ", ".join(f'<a href="#{ANCHOR}{escape(ref)}" aria-label="{escape(label.replace("{n}", str(numbers[ref])))}">'
                          f"{numbers[ref]}</a>" for ref in refs)
        # Out of the search index: "[1]" is no word to find the page by.
        return f'<sup class="sc-cite" {ATTRIBUTE}="{escape(" ".join(refs))}" data-search-exclude>[{links}]</sup>'
    return MARKER.sub(numbered, html)


def render_references(data: Any, lang: str, ids: Iterable[str], here: str = "index.html") -> str:
    """The numbered list of the page's sources: title linked to the source, publisher, year,
    official reference, ELI link, and the date it was checked, in the page's language."""
    known = known_references(data)
    entries = [{"ref": known[ref], "checked": format_date(data, known[ref].checked, lang)} for ref in ids]
    if not entries:
        return ""
    return render("references.html", data, lang, here, entries=entries, anchor=ANCHOR)


def finish_page(data: Any, lang: str, html: str, page: str, here: str = "index.html") -> str:
    """The page's HTML with its markers numbered and its references appended."""
    ids = page_sources(data, html, page)
    if not ids:
        return html
    html = number_markers(data, lang, html, ids)
    at = html.rfind(STEP_NAV)
    at = at if at >= 0 else len(html)
    return html[:at] + render_references(data, lang, ids, here) + html[at:]
