"""Regional instruments in prose: {{ instrument("strategic-plan") }} names the edition's region's
text (the PST in Wallonia, the PCD in Brussels, the meerjarenplan in Flanders), linked to its
official source and cited; {{ region_names() }} names the edition's regions. The page's prose
stays the same for every region."""
from __future__ import annotations

from typing import Any

from smartcity.core.yaml_files import DataError
from smartcity.pages.registry import macro
from smartcity.render.env import render

FORMS = ("short", "title", "summary")


def instrument_provisions(data: Any, role: str) -> list[Any]:
    """The provisions that fill `role` for the edition's regions (data.legal holds only
    those, once the edition is applied), one per region, in the instrument's order."""
    instrument = data.get("legal-instrument", role)
    shown = {p.id: p for p in data.legal.provisions}
    found = [shown[pid] for pid in instrument.provisions if pid in shown]
    contexts = [p.context for p in found]
    if len(set(contexts)) != len(contexts):
        raise DataError(f"data/legal.yml: entry '{role}', field 'provisions': two provisions of one "
                        f"legal context ({', '.join(contexts)}); an instrument has one per region")
    if not found:
        raise DataError(f"data/legal.yml: entry '{role}', field 'provisions': none belongs to the "
                        f"edition's region; add that region's provision to the instrument")
    return found


def _link(provision: Any, data: Any) -> str | None:
    """The first source that is the text itself or its official page, not the guide."""
    for rid in provision.sources:
        ref = data.get("reference", rid)
        if ref.kind != "guide":
            return str(ref.url)
    return None


@macro("instrument")
def render_instrument(data: Any, lang: str, role: str, here: str, form: str = "short") -> str:
    """Inline: the short name (PST), the title or the summary of the region's instrument."""
    if form not in FORMS:
        raise ValueError(f"instrument form '{form}' is not one of {', '.join(FORMS)}")
    items = [(p, _link(p, data), data.get("legal-context", p.context)) for p in instrument_provisions(data, role)]
    return render("legal_instrument.html", data, lang, here, items=items, form=form).strip()


@macro("region_names")
def render_region_names(data: Any, lang: str, here: str, edition: Any) -> str:
    """The edition's regions, by their contexts' names: « Wallonie », « Wallonie, Flandre »."""
    by_region = {c.region: c for c in data.legal.contexts if c.region}
    contexts = [by_region[r] for r in edition.region if r in by_region]
    return render("legal_regions.html", data, lang, here, contexts=contexts).strip()
