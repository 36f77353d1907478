"""What the edition shows in pages: the home page's edition line, the credits box,
the offline download link, and the strings of the footer partial.

The credit to the source guide and to this project comes from data/credits.yml,
never from the edition file, so no edition can drop it.
"""
from __future__ import annotations

import posixpath
from typing import Any, Callable, Optional

from smartcity.pages.case_mentions import HIDDEN, source_page
from smartcity.edition.model import Edition
from smartcity.model.loader import DataError
from smartcity.pages.qa import storage_note
from smartcity.pages.registry import Ctx, macro
from smartcity.render.dates import format_date
from smartcity.render.env import relative, render


def zip_name(edition: Edition) -> str:
    """The offline copy of the whole site, at the site's root (beside index.html)."""
    return f"{edition.id}.zip"


def attribution(data: Any, lang: str) -> dict[str, str]:
    """The two credit sentences, as plain text (the footer escapes them)."""
    c = data.credits
    return {
        "based_on": data.t("edition.credit.based_on", lang).replace("{title}", c.source.title)
        .replace("{publisher}", c.source.publisher(lang)).replace("{year}", str(c.source.year)),
        "project": data.t("edition.credit.project", lang).replace("{project}", c.project.name(lang)),
        "project_url": str(c.project.url) if c.project.url else "",
    }


def footer_strings(data: Any, edition: Edition, lang: str) -> dict[str, str]:
    """Everything the footer partial (overrides/partials/copyright.html) prints, in one language."""
    org = edition.organisation
    return {
        "label": data.t("edition.footer.label", lang),
        "text": edition.footer(lang) if edition.footer else "",
        "organisation": org.name(lang),
        "url": str(org.url) if org.url else "",
        "email": org.email or "",
        "contact": data.t("edition.contact", lang),
        "website": data.t("edition.website", lang),
        "licence": edition.licence(lang),
        "credits": data.t("edition.credit.more", lang),
        **attribution(data, lang),
    }


@macro("edition_line")
def render_edition_line(data: Any, edition: Edition, lang: str, here: str = "index.html") -> str:
    """The edition's name and publisher, with a link to its contact: {{ edition_line() }}."""
    return render("edition_line.html", data, lang, here, edition=edition)


@macro("credits")
def render_credits(data: Any, edition: Edition, lang: str, here: str = "index.html") -> str:
    """The attribution every edition keeps (source guide, this project) and this edition's publisher."""
    return render("edition_credits.html", data, lang, here, edition=edition, credits=data.credits)


@macro("edition_checked")
def render_checked(data: Any, lang: str, here: str = "index.html") -> str:
    """How the edition was checked and when, from data/credits.yml `checked`: {{ edition_checked() }}."""
    checked = data.credits.checked
    if checked is None:
        raise DataError("data/credits.yml: field 'checked': edition_checked() needs the date and the "
                        "account of the edition's check")
    text = checked.how(lang).replace("{date}", format_date(data, checked.date, lang))
    return render("edition_checked.html", data, lang, here, text=text)


@macro("offline_download")
def render_offline(data: Any, edition: Edition, lang: str, here: str = "index.html") -> str:
    """Link to the zip of the whole site that `make build` writes, for an intranet or a USB stick."""
    name = zip_name(edition)
    # The zip sits at the site's root, one level above the language's root.
    href = relative(posixpath.join("..", name), here) if "/" in here else posixpath.join("..", name)
    # Which browsers the copy suits: the same words as in the privacy statement's listing.
    note = storage_note(data.storage.offline, lang, edition.storage_namespace)
    return render("edition_offline.html", data, lang, here, href=href, file=name, folder=edition.id, note=note)


@macro
def if_languages(ctx: Ctx, caller: Optional[Callable[[], str]] = None) -> str:
    """A passage about the other language (the switcher, a partner reading it): kept only while
    the edition offers more than one. {% call if_languages() %} … {% endcall %}"""
    if caller is None:
        raise DataError(f"{source_page(ctx)}: if_languages() is a block: write "
                        "{% call if_languages() %} … {% endcall %}")
    return str(caller()).strip("\n") if len(ctx.edition.languages) > 1 else HIDDEN
