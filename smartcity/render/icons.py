"""Icons inlined as SVG (no font, no request), from the theme's icon set. The set's folder is
named by the adapter (smartcity/mkdocs: Material's .icons), so rendering imports no theme."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

_folder: list[Path] = []


def use_icons(folder: Path) -> None:
    if _folder[:1] != [folder]:
        _folder[:] = [folder]
        _read.cache_clear()


@lru_cache(maxsize=128)
def _read(name: str) -> str:
    if not _folder:
        raise RuntimeError("no icon set: the adapter names its folder with use_icons() before rendering")
    path = _folder[0] / f"{name}.svg"
    if ".." in name or not path.is_file():
        raise ValueError(f"unknown icon '{name}' (no {path.name} in the theme's icon set)")
    return path.read_text(encoding="utf-8")


def icon_svg(name: str) -> Markup:
    """An icon such as 'material/leaf' as inline SVG, hidden from screen readers."""
    return Markup(_read(name).replace("<svg ", '<svg class="sc-icon" aria-hidden="true" focusable="false" ', 1))


def icon_drawing(name: str) -> Markup:
    """The drawing of an icon (24 × 24), to place with a transform inside an SVG."""
    return Markup(re.sub(r"^<svg[^>]*>|</svg>\s*$", "", _read(name).strip()))
