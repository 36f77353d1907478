"""Facts for the accessibility and privacy statements, taken from the project itself:
the test tools' versions (package.json, installed packages), the edition's contact
and storage namespace. A statement that names its tools cannot drift from them."""
from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .edition import load_edition
from .loader import ROOT
from .registry import Ctx, macro
from .render import render


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


def render_contact(data: Any, lang: str, edition: Any, here: str = "index.html") -> str:
    return render("qa_contact.html", data, lang, here, org=edition.organisation)


def render_storage(data: Any, lang: str, edition: Any, here: str = "index.html") -> str:
    return render("qa_storage.html", data, lang, here, ns=edition.storage_namespace)


@macro
def qa_tools(ctx: Ctx) -> str:
    """The tools and versions behind the accessibility statement."""
    return render_tools(ctx.data, ctx.lang, tool_versions(), ctx.url)


@macro
def qa_contact(ctx: Ctx) -> str:
    """Who to contact about this edition (edition.yml, organisation)."""
    return render_contact(ctx.data, ctx.lang, load_edition(), ctx.url)


@macro
def qa_storage(ctx: Ctx) -> str:
    """What the site keeps in the reader's browser, and how to remove it."""
    return render_storage(ctx.data, ctx.lang, load_edition(), ctx.url)
