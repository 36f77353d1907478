"""Column widths of a worksheet table in the office documents (DOCX and ODT).

The row-label column is narrow for numbers, wider for labels; the others share what is left,
but none is narrower than its header's longest word, or LibreOffice breaks that word in two
("Responsab-le"). Word lays the DOCX out in Calibri; LibreOffice, without Calibri, in a wide
sans such as DejaVu Sans, so a word is measured as that font's bold sets it.
"""
from __future__ import annotations

NUMBER_MM, LABEL_MM = 10, 36  # the row-label column: numbers, or labels
CHAR_MM = 1.95  # the widest a bold 8 pt character averages, in DejaVu Sans Bold
PAD_MM = 4.5    # the cell's padding on both sides, and a little slack


def _need(head: str) -> float:
    return max((len(word) for word in head.split()), default=1) * CHAR_MM + PAD_MM


def widths(numbered: bool, heads: list[str], total_mm: float) -> list[float]:
    """The widths in mm of the row-label column then of one column per header, summing to total_mm."""
    first = NUMBER_MM if numbered else LABEL_MM
    rest, needs = total_mm - first, [_need(h) for h in heads]
    if sum(needs) >= rest:  # no room for all: each in proportion to what it needs
        return [first] + [rest * n / sum(needs) for n in needs]
    fixed: dict[int, float] = {}
    while True:  # equal shares, except the columns a share is too narrow for
        free = [i for i in range(len(heads)) if i not in fixed]
        share = (rest - sum(fixed.values())) / len(free)
        short = [i for i in free if needs[i] > share]
        if not short:
            return [first] + [fixed.get(i, share) for i in range(len(heads))]
        fixed.update({i: needs[i] for i in short})
