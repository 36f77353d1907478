"""Citation markers: the one way rendered HTML says which sources (data/references/) a
statement rests on. A marker is a `data-sc-cite` attribute listing reference ids; the page's
references at its end are collected from the markers in its HTML, numbered in order of first
citation, so a renderer needs no page state and works the same outside MkDocs."""
from __future__ import annotations

from html import escape
from typing import Iterable

from markupsafe import Markup

ATTRIBUTE = "data-sc-cite"
ANCHOR = "sc-ref-"  # the id of a reference's entry in the list: sc-ref-<reference id>


def cite_marker(ids: Iterable[str]) -> Markup:
    """A superscript link to the first source, naming all of them. Until the page's list
    numbers it, the marker shows the ids themselves, so a page without the list still says
    where its facts come from."""
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return Markup("")
    listed = " ".join(ids)
    return Markup(f'<sup class="sc-cite" {ATTRIBUTE}="{escape(listed)}">'
                  f'<a href="#{ANCHOR}{escape(ids[0])}">[{escape(", ".join(ids))}]</a></sup>')
