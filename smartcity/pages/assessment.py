"""The self-assessment: every checklist item marked not started, in progress or done.

The HTML works without JavaScript: the summary is `hidden` and the checklists stay plain
lists. sc-assessment.js adds the controls and fills the summary; the answers live in
scStore's "checklist" section (id = the item's step or part, key = the item id), so the
full checklist and every step page share them. Everything the script shows comes from
here: the strings (data/ui/assessment.yml), the items in data order and the labels.
"""
from __future__ import annotations

from typing import Any

from smartcity.model.traversal import full_checklist_groups
from smartcity.pages.registry import Ctx, macro
from smartcity.render.store_messages import STORE_MESSAGES
from smartcity.render.env import render
from smartcity.render.dates import date_words

STATES = ("todo", "started", "done")
# Strings of the script: assess.msg.* plus the worksheets' storage and import messages,
# since the export file and its errors are the same.
MESSAGES = ("total", "group", "step", "percent", "date", "ask", "link_applied", "link_kept",
            "link_same", "link_bad", "link_copied", "link_manual", "confirm_clear", "cleared") + tuple(f"state_{s}" for s in STATES)
FULL_PAGE = "resources/checklist.html"


def messages(data: Any, lang: str) -> dict[str, str]:
    texts = {k: data.t(f"assess.msg.{k}", lang) for k in MESSAGES}
    texts.update({k: data.t(f"ws.msg.{k}", lang) for k in STORE_MESSAGES})
    typeset = data.languages.of(lang).typeset_text
    return {k: typeset(v) for k, v in texts.items()}


def config(data: Any, lang: str) -> dict[str, Any]:
    """What the script needs on any page with a checklist. `items` keeps data order: the
    shared link encodes the states in that order."""
    return {
        "msg": messages(data, lang),
        "items": [[item.id, item.step] for item in data.checklist.items],
        "date": date_words(data, lang),
    }


@macro("assessment")
def render_assessment(data: Any, lang: str, here: str, edition: Any) -> str:
    """The summary of the full checklist page: totals, progress by phase and by step, the
    open items (every item rendered, the script hides those that are done), the actions.
    Put {{ assessment() }} before {{ full_checklist() }} on the checklist page."""
    return render("assess_summary.html", data, lang, here, groups=full_checklist_groups(data), cfg=config(data, lang),
                  store=edition.store_attributes, edition_name=edition.name(lang),
                  total=len(data.checklist.items), full_page=FULL_PAGE)


def render_assess_step(data: Any, lang: str, here: str, edition: Any, items: list[Any]) -> str:
    """What follows a step's checklist: the script's strings and the step's own progress line."""
    return render("assess_step.html", data, lang, here, items=items, cfg=config(data, lang),
                  store=edition.store_attributes, full_page=FULL_PAGE)


def step_addon(ctx: Ctx, items: list[Any]) -> str:
    """Called by checklist(): the step page's checklist joins the self-assessment."""
    return render_assess_step(ctx.data, ctx.lang, ctx.url, ctx.edition, items)
