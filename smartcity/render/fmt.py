"""Numbers and figures written the way each language writes them."""
from __future__ import annotations

from typing import Any

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: French thousands separator


def number(data: Any, value: float | int, lang: str) -> str:
    """7500 -> '7 500' (fr, narrow nbsp) or '7,500' (en); 2.5 -> '2,5' or '2.5': the
    separators of the data's languages.yml.

    Years and other 4-digit codes are not numbers: pass them as int with unit 'year'.
    """
    negative = value < 0
    value = abs(value)
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value}".split(".")
    else:
        whole, frac = str(int(value)), ""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    numbers = data.languages.of(lang).numbers
    sep, dec = numbers.thousands, numbers.decimal
    text = sep.join(groups) + (dec + frac if frac else "")
    return ("\u2212" if negative else "") + text


def figure(data: Any, value: float | int, unit: str | None, lang: str, approx: bool = False) -> str:
    """A number with its unit, e.g. '70 %' / '70%', '€50 million' / '50 millions €'."""
    n = str(value) if unit == "year" else number(data, value, lang)
    text = data.units.root[unit](lang).replace("{n}", n) if unit else n
    if data.languages.of(lang).typography.rules:  # a figure never breaks where spacing rules apply
        text = text.replace(" ", NBSP)
    if approx:
        text = data.t("fig.about", lang).replace("{x}", text)
    return text
