"""Dates written the way each language writes them; the words come from data/ui/dates.yml."""
from __future__ import annotations

import datetime
from typing import Any


def format_date(data: Any, value: datetime.date, lang: str) -> str:
    """2016-06-17 -> '17 juin 2016' (fr) or '17 June 2016' (en); the 1st is '1er' in French."""
    day = data.t("date.day1", lang) if value.day == 1 else str(value.day)
    month = data.t(f"date.month.{value.month}", lang)
    return (data.t("date.format", lang)
            .replace("{d}", day).replace("{m}", month).replace("{y}", str(value.year)))


def date_words(data: Any, lang: str) -> dict[str, Any]:
    """The same words for a script that writes dates (sc-assessment-core.js dateParts)."""
    return {"format": data.t("date.format", lang), "day1": data.t("date.day1", lang),
            "months": [data.t(f"date.month.{m}", lang) for m in range(1, 13)]}
