"""Facts for the accessibility and privacy statements, taken from the project itself:
the test tools' versions (package.json, installed packages), the edition's contact,
and what the answers store keeps (data/storage.yml) under the edition's storage
namespace. A statement that names its tools or its keys cannot drift from them."""
from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from smartcity.model.loader import ROOT
from smartcity.model.schemas.storage import NAMESPACE, PART
from smartcity.pages.registry import Ctx, macro
from smartcity.render.env import render


def tool_versions(root=ROOT) -> dict[str, str]:
    """Versions of the tools the quality gates run: npm pins and the installed theme."""
    pins = json.loads((root / "package.json").read_text(encoding="utf-8")).get("devDependencies", {})
    try:
        material = version("mkdocs-material")
    except PackageNotFoundError:  # pragma: no cover - the build cannot run without it
        material = "?"
    return {"axe": pins.get("axe-core", "?"), "vnu": pins.get("vnu-jar", "?"), "material": material}


def render_tools(data: Any, lang: str, versions: dict[str, str], here: str = "index.html") -> str:
    return render("qa_tools.html", data, lang, here, versions=versions)


@macro("qa_contact")
def render_contact(data: Any, lang: str, edition: Any, here: str = "index.html") -> str:
    """Who to contact about this edition (edition.yml, organisation)."""
    return render("qa_contact.html", data, lang, here, org=edition.organisation)


def storage_name(pattern: str, ns: str, words: dict[str, str]) -> str:
    """A name of data/storage.yml as the reader sees it: `{ns}` filled in, `{step}` as `<step>`."""
    return PART.sub(lambda m: ns if m[1] == NAMESPACE else f"<{words[m[1]]}>", pattern)


def storage_text(text: str, ns: str) -> str:
    """A text of data/storage.yml with the namespace filled in (inline Markdown, for `md`)."""
    return text.replace("{" + NAMESPACE + "}", ns)


def storage_places(data: Any, lang: str, ns: str) -> list[dict[str, Any]]:
    """The listing's tables: caption, whether an object store column shows, and rows."""
    facts = data.storage
    words = {key: word(lang) for key, word in facts.placeholders.items()}
    return [{
        "id": place.id,
        "title": storage_text(place.title(lang), ns),
        "stores": place.stores,
        "rows": [{
            "what": row.what(lang),
            "store": row.store,
            "names": [storage_name(name, ns, words) for name in row.names],
            "until": facts.until[row.until](lang),
        } for row in place.rows],
    } for place in facts.places]


def storage_note(note: Any, lang: str, ns: str) -> dict[str, str]:
    return {"id": note.id, "title": note.title(lang), "text": storage_text(note.text(lang), ns)}


def storage_notes(data: Any, lang: str, ns: str) -> list[dict[str, str]]:
    """The notes under the listing, the offline copy's last (it is shown with the zip too)."""
    return [storage_note(n, lang, ns) for n in (*data.storage.notes, data.storage.offline)]


@macro("qa_storage")
def render_storage(data: Any, lang: str, edition: Any, here: str = "index.html") -> str:
    """What the site keeps in the reader's browser, and how to remove it."""
    ns = edition.storage_namespace
    return render("qa_storage.html", data, lang, here, ns=ns,
                  places=storage_places(data, lang, ns), notes=storage_notes(data, lang, ns))


@macro
def qa_tools(ctx: Ctx) -> str:
    """The tools and versions behind the accessibility statement."""
    return render_tools(ctx.data, ctx.lang, tool_versions(), ctx.url)
