"""Build switches read from the environment, in one place."""
from __future__ import annotations

import os
from pathlib import Path

PRODUCT_DATA = Path(__file__).resolve().parents[2] / "data"


def downloads_enabled() -> bool:
    """False with SC_DOWNLOADS=0: the build makes no worksheet document and no guide PDF.

    Pages still link to them. Only `make bench` uses it, to measure what they cost.
    """
    return os.environ.get("SC_DOWNLOADS", "1") != "0"


def data_root() -> Path:
    """The data root a build reads: SC_DATA_ROOT (a test's small site in another language),
    else the guide's data/."""
    chosen = os.environ.get("SC_DATA_ROOT")
    return Path(chosen).resolve() if chosen else PRODUCT_DATA
