"""Renderers for reflection 3: financing options (table or cards) and business models."""
from __future__ import annotations

from typing import Any

from smartcity.model.traversal import shows
from smartcity.model.schemas.financing import FAMILIES
from smartcity.pages.registry import macro
from smartcity.render.env import render, step_url


def select_options(data: Any, family: str | None = None) -> list[Any]:
    """Options of one family (classic, alternative) or all of them, in data order."""
    if family is not None and family not in FAMILIES:
        raise ValueError(f"financing family '{family}' is not one of {', '.join(FAMILIES)}")
    return [o for o in data.financing.options if family is None or o.family == family]


@macro("financing_options")
def render_financing_options(data: Any, lang: str, here: str, family: str | None = None,
                             layout: str = "table") -> str:
    """Financing options: {{ financing_options(family="classic") }}, layout "table" or "cards"."""
    if layout not in ("table", "cards"):
        raise ValueError(f"financing_options layout '{layout}' is not one of table, cards")
    families = [family] if family else list(FAMILIES)
    groups = [(f, select_options(data, f)) for f in families]
    return render(f"fin_options_{layout}.html", data, lang, here, groups=groups)


def case_anchor(data: Any, case_id: str) -> str | None:
    """Where a case's card lives: its first step page, at the card's anchor."""
    case = data.get("case", case_id)
    if not case.steps or case not in data.cases:  # the edition may hide it (edition.yml cases.show)
        return None
    return f"{step_url(data, case.steps[0])}#sc-case-{case.id}"


def shown_examples(data: Any, model: Any) -> list[Any]:
    """A business model's examples, without those of cases the edition hides."""
    return [ex for ex in model.examples if shows(data, ex.case)]


@macro("business_models")
def render_business_models(data: Any, lang: str, here: str) -> str:
    """The three families of business model, each with its examples and headline figures."""
    return render("fin_business_models.html", data, lang, here,
                  models=data.financing.business_models,
                  examples_of=lambda model: shown_examples(data, model),
                  case_of=lambda case_id: data.get("case", case_id),
                  figure_of=lambda fig_id: data.get("figure", fig_id),
                  anchor=lambda case_id: case_anchor(data, case_id))
