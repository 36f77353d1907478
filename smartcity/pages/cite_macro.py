"""{{ cite("id") }} in Markdown prose: a citation marker for sources in data/references/.

A stand-in until the sources helper's macro lands (issue 19, part 2): same name, same call,
same marker (smartcity.render.cite), so pages need no change when it is replaced."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from smartcity.pages.registry import macro
from smartcity.render.cite import cite_marker


@macro("cite")
def render_cite(data: Any, ids: str | list[str]) -> Markup:
    """A marker naming one source id or several; an unknown id is a build error."""
    wanted = [ids] if isinstance(ids, str) else list(ids)
    for rid in wanted:
        data.get("reference", rid)
    return cite_marker(wanted)
