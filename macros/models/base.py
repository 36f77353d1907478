"""Building blocks shared by every data model: bilingual text, strict entries, references."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any, Iterable, Iterator

from pydantic import BaseModel, ConfigDict, StringConstraints

LANGS = ("fr", "en")

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    """Unknown keys are errors, and nothing is mutated after validation."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A user-facing string, always in both languages."""

    fr: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Ref:
    """Marks a string field as the id of an entry of another kind (step, case…)."""

    kind: str


def ref(kind: str) -> Any:
    return Annotated[str, Ref(kind)]


StepRef = ref("step")
PhaseRef = ref("phase")
CaseRef = ref("case")
DimensionRef = ref("dimension")


@dataclass(frozen=True)
class Source:
    """One kind of data file: where it lives and the model that validates it.

    `pattern` is relative to data/. With `many=True` it is a glob and every
    matching file holds one entry whose `id` belongs to `kind`. Otherwise the
    file is one document; its model may yield ids through an `ids()` method.
    """

    name: str
    pattern: str
    model: type[BaseModel]
    kind: str | None = None
    many: bool = False
    optional: bool = False


def ref_kind(annotation: Any) -> str | None:
    """The Ref kind hidden anywhere in a type annotation, if any."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta.kind
    for arg in typing.get_args(annotation):
        kind = ref_kind(arg)
        if kind:
            return kind
    return None


def iter_refs(obj: Any, entry: str | None = None, path: tuple = ()) -> Iterator[tuple[str | None, str, str, str]]:
    """Yield (entry id, field, kind, value) for every reference in a validated tree.

    The entry is the innermost object with an `id`; the field is relative to it.
    """
    if isinstance(obj, BaseModel):
        own = getattr(obj, "id", None)
        if isinstance(own, str):
            entry, path = own, ()
        for name, field in type(obj).model_fields.items():
            value = getattr(obj, name)
            kind = ref_kind(field.annotation) or next(
                (m.kind for m in field.metadata if isinstance(m, Ref)), None
            )
            if kind is None:
                yield from iter_refs(value, entry, path + (name,))
            elif isinstance(value, (list, tuple)):
                for i, item in enumerate(value):
                    yield entry, ".".join(path + (f"{name}[{i}]",)), kind, item
            elif value is not None:
                yield entry, ".".join(path + (name,)), kind, value
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_refs(item, entry, path[:-1] + (f"{path[-1]}[{i}]",) if path else (f"[{i}]",))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from iter_refs(item, entry, path + (str(key),))


def entries_with_ids(items: Iterable[Any], kind: str) -> Iterator[tuple[str, str, Any]]:
    for item in items:
        yield kind, item.id, item
