"""The strategy dossier in one language: every worksheet in guide order, then the worksheets
not started and the self-assessment, as the template the page fills (sc-dossier.js).

The template holds everything; the page removes what does not apply. Bookmarks mark what it
may remove: a region (a worksheet, the list of those not started, a list of open items) runs
from the block holding its mark to the next region's; an entry (a line of a list) is the
paragraph holding its mark. Both office formats use the same names (MARKS, entry()).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartcity.model.traversal import locate, ordered_units
from smartcity.model.loader import DataError
from smartcity.outputs.worksheets.view import (BOOKMARK_MAX, DOC_LABELS, Header, SheetView, bookmark_name, fingerprint,
                                               footer, header_for, tx)

ID = "dossier"
STATES = ("done", "started", "todo")  # the self-assessment's (sc-assessment-core.js), done first
OPEN = ("started", "todo")
# Region marks besides the worksheets' own (their ids as bookmark names).
MARKS = {"not_started": "sc_not_started", "status": "sc_status", "started": "sc_started", "todo": "sc_todo",
         "open_none": "sc_open_none"}
LABELS = ("title", "subject", "municipality", "date", "contents", "not_started", "not_started_intro",
          "status_intro", "phase")


def entry(kind: str, id_: str) -> str:
    """The mark of one line of a list: `ns` (a worksheet not started), or an open item's state."""
    return f"{kind}_{bookmark_name(id_)}"


def filename(lang: str, fmt: str) -> str:
    """The template's name (dossier.fr.docx); only its script data (<name>.js) is published."""
    return f"{ID}.{lang}.{fmt}"


def place(*parts: str) -> str:
    """An answer place of the dossier's own (cover, counts): dotted, as the worksheets' are."""
    return ".".join(parts)


@dataclass(frozen=True)
class Item:
    id: str
    unit: str       # the step or part it belongs to: its key in the saved self-assessment
    text: str
    step: str       # "Step 3 · Diagnosis"


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class DossierView:
    lang: str
    locale: str
    header: Header
    labels: dict
    sheets: tuple[SheetView, ...]
    phases: tuple[Phase, ...]
    states: dict      # state -> its name (assess.msg.state_*)
    titles: dict      # assessment headings: the report's, by phase, open items, none open
    id: str = ID

    @property
    def title(self) -> str:
        return self.labels["dossier.title"]

    @property
    def subject(self) -> str:
        return self.labels["dossier.subject"]

    @property
    def purpose(self) -> str:
        return self.labels["dossier.subject"]

    def identity(self) -> dict[str, str]:
        """No `sc-worksheet`: a worksheet's import refuses the dossier as none of its files."""
        return {"sc-document": ID, "sc-language": self.lang, "sc-edition": self.header.edition}

    def footer(self) -> str:
        return footer(self.header, self.labels)

    def filename(self, fmt: str) -> str:
        return filename(self.lang, fmt)

    def fingerprint(self) -> str:
        return fingerprint(self)


def step_label(data: Any, lang: str, unit_id: str) -> str:
    _, step, _ = locate(data, unit_id)
    number = tx(data, data.get("ui", "assess.step"), lang).replace("{n}", str(step.number))
    return f"{number} · {tx(data, step.title, lang)}"


def dossier_view(data: Any, lang: str, sheets: list[SheetView], header: Header | None = None) -> DossierView:
    for item in data.checklist.items:
        longest = max((entry(state, item.id) for state in OPEN), key=len)
        if len(longest) > BOOKMARK_MAX:
            raise DataError(f"data/checklist.yml: entry '{item.id}', field 'id': the dossier marks it '{longest}', "
                            f"{len(longest)} characters, where {BOOKMARK_MAX} is the most Word keeps (a hyphen "
                            f"counts two): shorten the id")
    labels = {key: tx(data, data.get("ui", f"ws.{key}"), lang) for key in DOC_LABELS}
    labels.update({f"dossier.{key}": tx(data, data.get("ui", f"ws.dossier.{key}"), lang) for key in LABELS})
    phases = []
    for phase in data.phases.phases:
        units = {u.id for p, _, u in ordered_units(data) if p is phase}
        items = tuple(Item(i.id, i.step, tx(data, i.text, lang), step_label(data, lang, i.step))
                      for i in data.checklist.items if i.step in units)
        phases.append(Phase(phase.id, tx(data, phase.title, lang), items))
    return DossierView(
        lang=lang, locale=data.languages.of(lang).locale, header=header or header_for(lang), labels=labels,
        sheets=tuple(sorted(sheets, key=lambda v: v.number)), phases=tuple(phases),
        states={s: tx(data, data.get("ui", f"assess.msg.state_{s}"), lang) for s in STATES},
        titles={k: tx(data, data.get("ui", f"assess.{k}"), lang) for k in ("title", "phases", "open", "open.none")},
    )

