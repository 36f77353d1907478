"""The site's data as the edition makes it: the guide's data, the edition's local cases (their
texts in its languages only), and only the cases it shows."""
from __future__ import annotations

from smartcity.edition.model import apply, edition_path, extra_dirs, load_edition
from smartcity.core.switches import data_root
from smartcity.model.loader import Data, load_cached
from smartcity.model.reads import paused

_applied: dict[tuple[int, int], Data] = {}


def site_data() -> Data:
    """Loaded once per data and edition state; the edition's choice applied once to that load."""
    with paused():  # loading and applying the edition are every reader's, recorded as no one's
        edition = load_edition()
        data = load_cached(data_root(), extra_dirs(edition), edition.languages)
        key = (id(data), id(edition))
        if key not in _applied:
            _applied.clear()
            apply(data, edition, edition_path())
            _applied[key] = data
    return data
