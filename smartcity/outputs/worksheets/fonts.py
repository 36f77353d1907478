"""The PDF's fonts: DejaVu Sans cut down to the Latin characters the guide's languages use.

WeasyPrint subsets the fonts of ordinary text, but embeds whole any font that a
form field uses, since a reader needs every glyph a person may type. DejaVu
Sans whole weighs about 700 KB; cut to Latin (Western and Central European
letters, punctuation, €) it is about 25 KB, so a worksheet stays far under 80 KB.

The cut keeps no ligatures ("liga"): a ligature glyph has no character of its own in
the cut font, so readers extracting the text of a whole-embedded font lost "fi" and "fl"
("ré exions"). Kerning and accents (ccmp, mark) stay.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from smartcity.model.loader import DataError

FAMILY = "DejaVu Sans"
STYLES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FOLDERS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
           Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]
UNICODES = [
    *range(0x20, 0x7F), *range(0xA0, 0x180),      # Basic Latin, Latin-1, Latin Extended-A
    0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E,
    0x2022, 0x2026, 0x202F, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122, 0x2192, 0x2610, 0x2611,
    0x2082,                                        # subscript 2 (CO₂)
]
FEATURES = ["kern", "ccmp", "locl", "mark", "mkmk"]


def _fc_match(pattern: str) -> Path | None:
    if not shutil.which("fc-match"):
        return None
    out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False).stdout
    path = Path(out.strip())
    return path if path.suffix.lower() in (".ttf", ".otf") and path.is_file() else None


def _find(filename: str) -> Path:
    """DejaVu Sans where Debian puts it; else whatever sans-serif fontconfig offers."""
    for folder in FOLDERS:
        hits = sorted(folder.rglob(filename)) if folder.is_dir() else []
        if hits:
            return hits[0]
    bold = "Bold" in filename
    for pattern in (f"{FAMILY}:bold" if bold else FAMILY, "sans-serif:bold" if bold else "sans-serif"):
        found = _fc_match(pattern)
        if found:
            return found
    raise DataError(f"font {filename} not found: install Debian's fonts-dejavu-core (`make test` does)")


def subset_fonts(folder: Path) -> dict[str, Path]:
    """The two cut-down fonts, made once into `folder` and reused while the originals are unchanged."""
    folder.mkdir(parents=True, exist_ok=True)
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    out: dict[str, Path] = {}
    for style, filename in STYLES.items():
        source = _find(filename)
        stamp = hashlib.sha256(source.read_bytes() + repr((UNICODES, FEATURES)).encode()).hexdigest()[:12]
        target = folder / f"sc-{style}-{stamp}.ttf"
        if not target.exists():
            options = subset.Options()
            options.hinting = False
            options.layout_features = list(FEATURES)
            options.drop_tables += ["FFTM"]
            options.notdef_outline = True
            font = TTFont(source)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=UNICODES)
            subsetter.subset(font)
            # Builds side by side (the two languages, on a cold cache) make the same font: each
            # writes its own file, and the last rename wins with the same bytes.
            tmp = target.with_name(f".{target.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
            font.save(tmp)
            tmp.replace(target)
        out[style] = target
    return out
