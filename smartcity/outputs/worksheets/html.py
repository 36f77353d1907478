"""Pure renderers: the worksheet form in a step page, and the index of every worksheet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcity.render import fmt
from smartcity.render.dates import date_words
from smartcity.render.store_messages import STORE_MESSAGES
from smartcity.edition.model import Edition
from smartcity.render.env import relative, render

from smartcity.outputs.worksheets.build import Download
from smartcity.outputs.worksheets.dossier_view import MARKS, OPEN, STATES, DossierView, entry, place
from smartcity.outputs.worksheets.view import SheetView, bookmark_name

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


DOSSIER_MESSAGES = ("name_needed", "ready", "dropped", "failed", "saved")


def dossier_config(data: Any, lang: str, d: DossierView, items: list[Download], here: str) -> dict[str, Any]:
    """What sc-dossier.js needs: its strings, the templates (their script data sits beside
    each name), and for each worksheet in guide order its marks and its choices' words (a
    table's list answers are saved as values, and the document shows words)."""
    texts = {key: data.t(f"ws.dossier.msg.{key}", lang) for key in DOSSIER_MESSAGES}
    texts.update({key: data.t(f"ws.msg.{key}", lang) for key in STORE_MESSAGES + ("lost", "lost_restore", "lost_drop")})
    typeset = data.languages.of(lang).typeset_text
    return {
        "id": d.id,
        "msg": {k: typeset(t) for k, t in texts.items()},
        "templates": {i.fmt: relative(i.url, here) for i in items},
        "sheets": [{"id": v.id, "mark": bookmark_name(v.id), "entry": entry("ns", v.id),
                    "choices": {f"{f.id}_{c.id}": {o.value: o.label for o in c.options}
                                for s in v.sections for f in s.fields for c in f.columns if c.options}}
                   for v in d.sheets],
        "phases": [{"id": p.id, "items": [{"id": i.id, "unit": i.unit, "entries": {s: entry(s, i.id) for s in OPEN}}
                                          for i in p.items]} for p in d.phases],
        "marks": MARKS,
        "places": {"cover": {k: place(d.id, k) for k in ("municipality", "date")},
                   "status": {p.id: {s: place("status", p.id, s) for s in STATES} for p in d.phases}},
        "date": date_words(data, lang),
    }


def render_dossier(data: Any, lang: str, d: DossierView, items: list[Download], here: str, edition: Edition) -> str:
    """The dossier's cover form and buttons; the script builds the document."""
    return render("worksheet_dossier.html", data, lang, here, d=d, store=edition.store_attributes,
                  cfg=dossier_config(data, lang, d, items, here))
