"""Building blocks shared by every data model: text in every declared language, strict entries, references."""
from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Iterable, Iterator, Optional

from pydantic import (
    BaseModel, ConfigDict, Field, SerializationInfo, StringConstraints, ValidationError, ValidationInfo,
    model_serializer, model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError


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


def declared(info: ValidationInfo | SerializationInfo) -> tuple[str, ...] | None:
    """The languages the data root declares (its languages.yml), as the loader passes them."""
    return (info.context or {}).get("declared")


def offered(info: ValidationInfo | SerializationInfo) -> tuple[str, ...]:
    """The languages a validation or a dump is for: its context's `languages`, else every
    declared one.

    The loader validates an edition's own files (its local cases) with the edition's
    languages; the data root's files are validated with every declared language. A dump
    with `context={"languages": ...}` keeps only those languages of every text.
    """
    context = info.context or {}
    return tuple(context.get("languages") or context.get("declared") or ())


def _error(code: str, message: str, value: Any) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", message, {"error": message}),
                            loc=(code,), input=value)


class ByLanguage(Strict):
    """Values keyed by language code, for the languages the data root declares: an unknown
    code is refused; with REQUIRED, every language of the validation (see `offered`) must
    be there. Declared languages left out read as EMPTY, so `text.en` stays an attribute.
    A subclass types its values with `__pydantic_extra__: dict[str, T]`; the fields it
    declares (e.g. `case`) are not languages."""

    model_config = ConfigDict(extra="allow")
    REQUIRED: ClassVar[bool] = True
    EMPTY: ClassVar[Any] = None

    @model_validator(mode="wrap")
    @classmethod
    def _languages(cls, value: Any, handler: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, dict):
            return handler(value)
        codes = declared(info)
        own = {key: item for key, item in value.items() if key in cls.model_fields}
        value = {key: item for key, item in value.items() if key not in own}
        if codes is None:  # built in code, not read from a data root: its keys are its languages
            codes = tuple(value)
        wanted = offered(info) or codes
        problems = [_error(code, f"'{code}' is not a declared language (languages.yml declares "
                                 f"{', '.join(codes)})", value[code]) for code in value if code not in codes]
        if cls.REQUIRED:
            listed = ", ".join(wanted[:-1]) + " and " + wanted[-1] if len(wanted) > 1 else wanted[0]
            whose = ("the edition offers " if "languages" in (info.context or {}) else
                     "the guide's data is written in ") + listed
            problems += [_error(code, f"is required: add it ({whose}, so every text needs its {code} version)",
                                value) for code in wanted if value.get(code) is None]
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, problems)
        return handler({**own, **{code: value.get(code, cls.EMPTY) for code in codes}})

    def __call__(self, lang: str) -> Any:
        return getattr(self, lang, self.EMPTY)


def _non_empty_strings(schema: dict[str, Any]) -> None:
    """A published text: a non-empty string per language (cases_schema names the languages)."""
    branch = schema.get("additionalProperties", {})
    schema["additionalProperties"] = next((b for b in branch.get("anyOf", ()) if b.get("type") == "string"), branch)


class Text(ByLanguage):
    """A user-facing string, in every language its file is written for (see `offered`)."""

    model_config = ConfigDict(json_schema_extra=_non_empty_strings)
    __pydantic_extra__: dict[str, Optional[NonEmpty]] = Field(init=False)

    @model_serializer(mode="wrap")
    def _only_offered(self, handler: Any, info: SerializationInfo):  # no return type: the schema stays the model's
        langs = offered(info)
        return {code: value for code, value in handler(self).items()
                if value is not None and (not langs or code in langs)}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, value in (self.__pydantic_extra__ or {}).items() if value is not None)

    def __call__(self, lang: str) -> str:
        value = getattr(self, lang, None)
        if value is None:
            raise ValueError(f"a text has no '{lang}' version: its file was written for other languages "
                             f"({', '.join(self.languages)})")
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
