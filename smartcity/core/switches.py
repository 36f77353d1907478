"""Build switches read from the environment, in one place."""
from __future__ import annotations

import os


def downloads_enabled() -> bool:
    """False with SC_DOWNLOADS=0: the build makes no worksheet document and no guide PDF.

    Pages still link to them. Only `make bench` uses it, to measure what they cost.
    """
    return os.environ.get("SC_DOWNLOADS", "1") != "0"
