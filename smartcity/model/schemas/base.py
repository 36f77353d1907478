"""Building blocks shared by every data model: bilingual text, strict entries, references."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Iterable, Iterator, Optional

from pydantic import (
    BaseModel, ConfigDict, Field, SerializationInfo, StringConstraints, ValidationInfo, field_validator,
    model_serializer,
)

from smartcity.core.lang import LANGS  # noqa: F401 - declared once in core, used by every model


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    """Unknown keys are errors, and nothing is mutated after validation.

    A file model declares which of its lists hold entries with ids, and of which kind, in
    ID_KINDS ({field: kind}); the loader indexes them through ids(). A model whose ids are
    nested deeper writes its own ids()."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ID_KINDS: ClassVar[dict[str, str]] = {}

    def ids(self) -> Iterator[tuple[str, str, object]]:
        for field, kind in self.ID_KINDS.items():
            for entry in getattr(self, field):
                yield kind, entry.id, entry


def offered(info: ValidationInfo | SerializationInfo) -> tuple[str, ...]:
    """The languages a validation or a dump is for: its context's `languages`, else both.

    The loader validates an edition's own files (its local cases) with the edition's
    languages; the guide's data/ is validated without, so it needs both. A dump with
    `context={"languages": ...}` keeps only those languages of every text.
    """
    return tuple((info.context or {}).get("languages", LANGS))


def _every_language_required(schema: dict[str, Any]) -> None:
    """The published schema of a text: a non-empty string per language, all required
    (library_export keeps the edition's languages only)."""
    for prop in schema["properties"].values():
        branch = next((b for b in prop.pop("anyOf", ()) if b.get("type") == "string"), {})
        prop.pop("default", None)
        prop.update(branch)
    schema["required"] = list(schema["properties"])


class Text(Strict):
    """A user-facing string, in every language its file is written for (see `offered`)."""

    model_config = ConfigDict(json_schema_extra=_every_language_required)

    fr: Optional[NonEmpty] = Field(default=None, validate_default=True)
    en: Optional[NonEmpty] = Field(default=None, validate_default=True)

    @field_validator("fr", "en")
    @classmethod
    def _offered(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        langs = offered(info)
        if value is None and info.field_name in langs:
            whose = ("the edition offers " + " and ".join(langs) if info.context and "languages" in info.context
                     else "the guide's data is written in " + " and ".join(LANGS))
            raise ValueError(f"is required: add it ({whose}, so every text needs its {info.field_name} version)")
        return value

    @model_serializer(mode="wrap")
    def _only_offered(self, handler: Any, info: SerializationInfo):  # no return type: the schema stays the model's
        langs = offered(info)
        return {code: value for code, value in handler(self).items() if value is not None and code in langs}

    def __call__(self, lang: str) -> str:
        value = getattr(self, lang)
        if value is None:
            raise ValueError(f"a text has no '{lang}' version: its file was written for another language "
                             f"({', '.join(c for c in LANGS if getattr(self, c))})")
        return value


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
