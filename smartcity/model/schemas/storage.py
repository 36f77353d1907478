"""What the answers store keeps in the reader's browser (data/storage.yml), for the privacy
statement's listing and the offline download's browser note.

Names are patterns: `{ns}` stands for the edition's storage namespace, filled in when the
listing is rendered, and `{step}`, `{field}`… for a part the reader reads as a word of their
language (`placeholders`). A pattern naming an unknown part stops the build.
"""
from __future__ import annotations

import re
from typing import Optional

from pydantic import model_validator

from smartcity.model.schemas.base import Id, NonEmpty, Source, Strict, Text

PART = re.compile(r"\{([a-z_]+)\}")
NAMESPACE = "ns"


class StorageRow(Strict):
    id: Id
    what: Text
    store: Optional[NonEmpty] = None  # the IndexedDB object store, when the place has stores
    names: list[NonEmpty]
    until: Id  # a key of `until`


class StoragePlace(Strict):
    id: Id
    title: Text  # the table's caption; may name {ns}
    stores: bool = False  # whether the table shows an object store column
    rows: list[StorageRow]

    @model_validator(mode="after")
    def _stores(self) -> "StoragePlace":
        for row in self.rows:
            if bool(row.store) != self.stores:
                wanted = "needs" if self.stores else "takes no"
                raise ValueError(f"row '{row.id}' {wanted} a 'store' (place '{self.id}' has stores: {self.stores})")
        return self


class StorageNote(Strict):
    id: Id
    title: Text
    text: Text  # may name {ns}


class Storage(Strict):
    placeholders: dict[str, Text]
    until: dict[str, Text]
    places: list[StoragePlace]
    notes: list[StorageNote]
    offline: StorageNote  # shown in the listing and where the offline zip is offered

    @model_validator(mode="after")
    def _references(self) -> "Storage":
        for place in self.places:
            for row in place.rows:
                if row.until not in self.until:
                    raise ValueError(f"row '{row.id}': unknown 'until' '{row.until}' (known: {', '.join(self.until)})")
                for name in row.names:
                    for part in PART.findall(name):
                        if part != NAMESPACE and part not in self.placeholders:
                            raise ValueError(f"row '{row.id}': name '{name}' has an unknown part '{{{part}}}'")
        return self


SOURCES = [Source("storage", "storage.yml", Storage)]
