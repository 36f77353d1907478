"""Pure renderers: the worksheet form in a step page, and the index of every worksheet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcity.render import fmt
from smartcity.render.store_messages import STORE_MESSAGES
from smartcity.edition.model import Edition
from smartcity.render.env import relative, render

from smartcity.outputs.worksheets.build import Download
from smartcity.outputs.worksheets.view import SheetView

# The script's messages (data/ui/worksheets.yml, ws.msg.*), rendered into the page as JSON.
MESSAGES = ("saved", "restored",
            "last_saved", "never_saved", "last_exported", "never_exported", "persist_granted", "persist_denied",
            "remind", "remind_dismiss", "lost", "lost_restore", "lost_drop",
            "row_add", "row_remove", "row_removed", "row_added", "confirm_clear", "cleared",
            "import_office_foreign", "import_office_other", "import_skipped", "import_pdf_offline",  # sc-office.js's
            "download_ready", "download_dropped", "download_failed") + STORE_MESSAGES


@dataclass(frozen=True)
class Link:
    fmt: str
    href: str
    mime: str
    size_text: str


def kilobytes(size: int) -> int:
    return max(1, round(size / 1024))


def links(data: Any, lang: str, items: list[Download], here: str) -> list[Link]:
    return [Link(d.fmt, relative(d.url, here), d.mime, fmt.figure(data, kilobytes(d.size), "kb", lang))
            for d in items]


def messages(data: Any, lang: str) -> dict[str, str]:
    texts = {key: data.t(f"ws.msg.{key}", lang) for key in MESSAGES}
    typeset = data.languages.of(lang).typeset_text
    return {k: typeset(t) for k, t in texts.items()}


def render_form(data: Any, lang: str, v: SheetView, here: str, items: list[Download],
                edition: Edition, part: str | None = None) -> str:
    """The worksheet as a form; on a part page (p2-s2a…) only the sections of that part."""
    sections = [s for s in v.sections if part is None or s.part == part]
    if not sections:
        raise ValueError(f"data/worksheets/{v.id}.yml: no section has `part: {part}`")
    return render("worksheet_form.html", data, lang, here, v=v, sections=sections, part=part,
                  downloads=links(data, lang, items, here), store=edition.store_attributes, messages=messages(data, lang))


def render_index(data: Any, lang: str, views: list[SheetView], items: dict[str, list[Download]],
                 here: str) -> str:
    """Every worksheet with its step and its downloads (format and size)."""
    rows = [(v, links(data, lang, items.get(v.id, []), here)) for v in views]
    return render("worksheet_index.html", data, lang, here, rows=rows)
