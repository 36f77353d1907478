"""The sources the guide cites (data/references/<id>.yml): one file per source, cited by id.

Cases, figures, legal provisions and annexes name the sources of what they state
(`ReferenceRef`); pages list them as references at their end. A source nothing cites is an
error of the data (tests/data/test_references.py), so the list stays the one the pages need."""
from __future__ import annotations

import datetime
from typing import Literal, Optional

from pydantic import AnyHttpUrl, field_validator

from smartcity.model.schemas.base import Id, NonEmpty, Source, Strict, Text, ref

ReferenceRef = ref("reference")

# What a source is, so a page can group them and a reader knows what the link opens:
# the guide itself, a legal text (EU or Belgian), official guidance or a programme page of a
# public body, a report or study, a journal article, official statistics, another body's website.
Kind = Literal["guide", "law", "guidance", "programme", "report", "article", "statistics", "website"]


class Reference(Strict):
    id: Id
    kind: Kind
    title: Text  # the title in each language; an official text's own title where it has one
    publisher: Text
    year: int
    # The page a reader opens: EUR-Lex, the Belgian official journal, the publisher's page.
    # https where the publisher offers it; a few project sites of 2017 still answer on http only.
    url: AnyHttpUrl
    reference: Optional[NonEmpty] = None  # the official reference: CELEX number, Moniteur belge date, report number
    eli: Optional[AnyHttpUrl] = None  # the European Legislation Identifier URI, where the text has one
    checked: datetime.date  # when the URL and what we cite from it were last checked
    note: Optional[Text] = None  # what this source supports, where its title alone does not say

    @field_validator("year")
    @classmethod
    def _year(cls, value: int) -> int:
        if not 1900 <= value <= datetime.date.today().year:
            raise ValueError(f"{value} is not a publication year")
        return value


SOURCES = [Source("references", "references/*.yml", Reference, kind="reference", many=True)]
