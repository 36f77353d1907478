"""Where text lands on a PDF's pages, as poppler sees it (`pdftotext -bbox-layout`).

Each page gives its text lines inside the text area (the page less its margins, so the running
header and the page number are left out), with their box and the pdftotext block they belong
to. The fill of a page is how far down its text area the text reaches: a page whose last line
sits a fifth of the way down is 20 % full, whatever its width.
"""
from __future__ import annotations

import functools
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MM = 72 / 25.4
NS = {"x": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    text: str
    block: int  # index of its pdftotext block on the page


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    height: float
    lines: tuple[Line, ...]  # inside the text area, top to bottom

    def fill(self, top: float, bottom: float) -> float:
        """Share of the text area [top, height - bottom] (points) that the text reaches down to."""
        area = self.height - top - bottom
        return max((line.bottom - top for line in self.lines), default=0.0) / area

    def last_block(self) -> str:
        """The text of the last block of the page (the lines of its lowest pdftotext block)."""
        if not self.lines:
            return ""
        block = self.lines[-1].block
        return " ".join(line.text for line in self.lines if line.block == block)


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


@functools.lru_cache(maxsize=4)
def pages(path: Path, top_mm: float, bottom_mm: float) -> tuple[Page, ...]:
    """Every page's lines between the top and bottom margins (millimetres); read once per file."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True, recover=True))
    out = []
    for number, page in enumerate(root.iterfind(".//x:page", NS), 1):
        height = float(page.get("height"))
        lines = []
        for index, block in enumerate(page.iterfind(".//x:block", NS)):
            for line in block.iterfind("x:line", NS):
                top, bottom = float(line.get("yMin")), float(line.get("yMax"))
                centre = (top + bottom) / 2
                if top_mm * MM <= centre <= height - bottom_mm * MM:
                    words = " ".join(w.text or "" for w in line.iterfind("x:word", NS))
                    lines.append(Line(top, bottom, plain(words), index))
        lines.sort(key=lambda line: (line.bottom, line.top))
        out.append(Page(number, height, tuple(lines)))
    return tuple(out)
