"""What applies in 2026 (data/applies_2026.yml): the texts that have come to apply since the
2017 guide, each dated by when it applies, not when it was adopted, with its status on the
date it was checked and the sources that say so.

An item with a `region` (a regional ERDF programme) is shown by that region's editions only.

`for_municipalities` is null where no source says what a text means for a municipality: the
page then says only that, rather than guess. `pages` names the pages that show the item, by
their path under docs/<lang>/ without `.md` (the same in every language)."""
from __future__ import annotations

import datetime
from typing import ClassVar, Literal, Optional, Union

from pydantic import Field, model_validator

from smartcity.model.schemas.base import Id, NonEmpty, Source, Strict, Text
from smartcity.model.schemas.references import ReferenceRef

STATUSES = ("in-force", "applicable-from", "amended", "amendment-adopted", "proposal-to-amend", "proposal-to-repeal")
CONTEXTS = ("eu", "be")


class Stage(Strict):
    """One dated step of a text that applies in stages."""

    date: datetime.date
    what: Text


class Status(Strict):
    value: Literal["in-force", "applicable-from", "amended", "amendment-adopted", "proposal-to-amend", "proposal-to-repeal"]
    as_of: datetime.date
    sources: tuple[ReferenceRef, ...] = Field(min_length=1)


class Item(Strict):
    id: Id
    context: Literal["eu", "be"]
    title: Text
    sources: tuple[ReferenceRef, ...] = Field(min_length=1)
    # null: no source consulted gives the date (a programme's start); the page says only that
    applies_from: Union[datetime.date, tuple[Stage, ...], None]
    status: Status
    who: Text
    for_municipalities: Optional[Text]  # null: no source says; the page says only that
    pages: tuple[NonEmpty, ...] = Field(min_length=1)
    # A regional programme or text: shown by the editions of that region only (edition.yml
    # `region`; the ids are the regions of data/legal.yml's contexts). None: every edition.
    region: Optional[Id] = None

    @model_validator(mode="after")
    def _stages(self) -> "Item":
        # The loader cannot name the entry of an entry-level error, so the message does.
        if isinstance(self.applies_from, tuple):
            if not self.applies_from:
                raise ValueError(f"item '{self.id}': applies_from lists no stage")
            dates = [stage.date for stage in self.applies_from]
            if dates != sorted(dates):
                raise ValueError(f"item '{self.id}': applies_from stages must be in date order")
        return self

    @property
    def first_date(self) -> datetime.date:
        """The date the text first applies: what the block sorts by (an undated item last)."""
        if self.applies_from is None:
            return datetime.date.max
        return self.applies_from[0].date if isinstance(self.applies_from, tuple) else self.applies_from


class AppliesFile(Strict):
    title: Text        # the block's heading; `{date}` stands for `checked`, written per language
    checked: datetime.date
    items: tuple[Item, ...]

    ID_KINDS: ClassVar[dict[str, str]] = {"items": "applies-item"}

    @model_validator(mode="after")
    def _checked(self) -> "AppliesFile":
        late = [i.id for i in self.items if i.status.as_of > self.checked]
        if late:
            raise ValueError(f"items {', '.join(late)}: status as_of is after the block's checked date")
        return self


SOURCES = [Source("applies", "applies_2026.yml", AppliesFile)]
