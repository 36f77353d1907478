"""What makes an edition itself: the id that keeps its readers' answers apart, and its address.

The reference edition is recognised by where its file lives (edition/reference/), never by a
value a fork would copy along with the file. Every other edition must have an id and a name
of its own, and a real address or none.
"""
from __future__ import annotations

from typing import Any, Optional

# Names reserved for examples and tests (RFC 2606 and RFC 6761): never a published site.
_RESERVED_DOMAINS = ("example.org", "example.com", "example.net")
_RESERVED_TLDS = ("example", "test", "invalid", "localhost")


def placeholder_host(host: Optional[str]) -> bool:
    host = (host or "").lower().rstrip(".")
    if any(host == d or host.endswith("." + d) for d in _RESERVED_DOMAINS):
        return True
    return host.rsplit(".", 1)[-1] in _RESERVED_TLDS


def real_site_url(edition: Any) -> Optional[str]:
    """Where the edition is published, or None: without site_url, or when it is under a name
    reserved for examples (the reference edition keeps one, as forks copy it)."""
    url = edition.site_url
    return None if url is None or placeholder_host(url.host) else str(url)


def identity_problems(edition: Any, reference: Any) -> list[tuple[str, str]]:
    """(field, problem) for an edition that is not the reference."""
    problems = []
    if edition.id == reference.id:
        changed = [code for code in edition.languages if code in reference.languages
                   and edition.name(code) != reference.name(code)]
        if changed:
            problems.append(("id", (
                f"'{edition.id}' is the reference edition's id, but this edition has a name of its own. "
                f"The id keeps each edition's saved answers apart in a reader's browser: two editions "
                f"with one id, opened on the same host, read and overwrite each other's answers. Choose "
                f"an id for your edition alone, such as your municipality's name in lowercase letters, "
                f"digits and hyphens (for example 'guide-val-fleuri'). If people have already filled in "
                f"worksheets under '{edition.id}', also write previous_ids: [{edition.id}] so that their "
                f"answers follow.")))
    if edition.id in edition.previous_ids:
        problems.append(("previous_ids", f"lists the edition's own id '{edition.id}': list only ids it "
                                         f"was published under before"))
    if edition.site_url is not None and placeholder_host(edition.site_url.host):
        problems.append(("site_url", (
            f"'{edition.site_url}' is an example address (example.org, example.com, example.net, or a "
            f"name ending in .example, .test, .invalid or localhost), not where your edition is "
            f"published. Give the site's real address, or leave site_url out: the build then leaves "
            f"out what needs a full address (the sitemap, canonical links, links to the site in the "
            f"PDFs and open data) and says so.")))
    return problems


def without_site_url_note(path: str) -> str:
    """Said once per build when the edition has no address (maintainers' console, English)."""
    return (f"{path}: no site_url, so the build leaves out the sitemap, canonical and alternate "
            f"links, the address in the documents' footer, links from the PDFs to the site and "
            f"the case addresses in the open data")
