"""The edition: one file (edition.yml) that names and brands a copy of the guide.

Every key is documented in edition.yml itself and on the page "Publish your own
edition". Paths (logo, favicon, local cases) are relative to the edition file.
A mistake stops the build with the file and the field: a missing file, a colour
that is not #rrggbb or lacks contrast, an unknown language or case id, an SVG
logo with nothing safe to draw, a documents logo resvg cannot draw.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import AnyHttpUrl, Field, PrivateAttr, StringConstraints, ValidationError, ValidationInfo, field_validator

from smartcity.edition import colour
from smartcity.edition.colours import Colours, field_error as _error
from smartcity.edition.identity import identity_problems
from smartcity.edition.legal import DEFAULT_REGION, Legal, Regions, apply_legal, local_folder
from smartcity.edition.images import ImageError, check_image, document_png
from smartcity.core.switches import data_root
from smartcity.model.loader import DATA_DIR, ROOT, DataError, _entry_and_field, _rel, read_languages, read_yaml
from smartcity.model.schemas.base import ByLanguage, Id, NonEmpty, Strict, declared
from smartcity.core.validation_words import plain

Lang = str  # checked against the data's languages.yml with a message that names the language


def _file(value: str, info: ValidationInfo, kinds: tuple[str, ...]) -> Path:
    """A path relative to the edition file, which must exist and be a safe image of one of `kinds`."""
    base: Path = (info.context or {}).get("base", ROOT)
    path = (base / value).resolve()
    if not path.is_file():
        raise _error(f"file '{value}' not found (looked for {path})")
    try:
        check_image(path, kinds)
    except ImageError as err:
        raise _error(f"'{value}': {err}") from None
    return path


class LangText(ByLanguage):
    """Edition text: written in the languages the edition offers (checked by Edition)."""

    REQUIRED: ClassVar[bool] = False
    __pydantic_extra__: dict[str, Optional[NonEmpty]] = Field(init=False)

    def __call__(self, lang: str) -> str:
        value = getattr(self, lang, None)
        if value is None:
            raise DataError(f"edition: no '{lang}' text")
        return value


class Organisation(Strict):
    name: LangText
    email: Optional[Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]] = None
    url: Optional[AnyHttpUrl] = None


class Cases(Strict):
    show: Union[Literal["all"], tuple[Id, ...]] = "all"
    local_dir: Optional[Path] = None

    @field_validator("local_dir")
    @classmethod
    def _folder(cls, value: Optional[Path], info: ValidationInfo) -> Optional[Path]:
        return local_folder(value, info)


class Edition(Strict):
    """Languages come first: the texts after them are checked for every language offered."""

    id: Id
    previous_ids: tuple[Id, ...] = ()       # ids it was published under: their answers and exports follow
    languages: tuple[Lang, ...]
    default_language: Lang
    name: LangText
    short_name: LangText
    organisation: Organisation
    logo: Path                              # in the site header, over the primary colour
    # On white paper (worksheets); defaults to logo. Checked even when absent: the logo must then be drawable.
    logo_documents: Optional[Path] = Field(default=None, validate_default=True)
    favicon: Optional[Path] = None
    colours: Colours
    site_url: Optional[AnyHttpUrl] = None  # without it, what needs a full address is left out
    footer: Optional[LangText] = None
    licence: LangText
    cases: Cases = Cases()
    region: Regions = (DEFAULT_REGION,)     # whose regional provisions and instruments the pages show
    legal: Legal = Legal()                  # the edition's own provisions (smartcity/edition/legal.py)
    _path: Optional[Path] = PrivateAttr(default=None)  # the file it was read from (load_edition)

    @field_validator("name", "short_name", "organisation", "footer", "licence")
    @classmethod
    def _every_language(cls, value: Any, info: ValidationInfo) -> Any:
        text = value.name if isinstance(value, Organisation) else value
        for code in info.data.get("languages") or ():
            if text is not None and getattr(text, code, None) is None:
                where = "name." if isinstance(value, Organisation) else ""
                raise _error(f"{where}{code} is missing: the edition offers {', '.join(info.data['languages'])}")
        return value

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: Path, info: ValidationInfo) -> Path:
        return _file(str(value), info, ("svg", "png"))

    @field_validator("logo_documents")
    @classmethod
    def _logo_documents(cls, value: Optional[Path], info: ValidationInfo) -> Optional[Path]:
        path = None if value is None else _file(str(value), info, ("svg", "png"))
        source = path or info.data.get("logo")
        if source is None:
            return None  # the logo itself is wrong, and said so
        try:
            document_png(source)
        except ImageError as err:
            if path:
                raise _error(f"'{value}' {err}") from None
            raise _error(f"not set, so the documents use the logo '{_rel(source)}', which {err}; or set "
                         f"logo_documents to an image that can") from None
        return path

    @field_validator("favicon")
    @classmethod
    def _favicon(cls, value: Optional[Path], info: ValidationInfo) -> Optional[Path]:
        return None if value is None else _file(str(value), info, ("svg", "png", "ico"))

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if not value:
            raise _error(f"offer at least one of {', '.join(declared(info) or ())}")
        for code in value:
            _known_language(code, info)
        if len(set(value)) != len(value):
            raise _error("a language is listed twice")
        return value

    @field_validator("default_language")
    @classmethod
    def _default(cls, value: str, info: ValidationInfo) -> str:
        _known_language(value, info)
        offered = info.data.get("languages") or ()
        if offered and value not in offered:
            raise _error(f"'{value}' is not among the languages offered ({', '.join(offered)})")
        return value

    @property
    def storage_namespace(self) -> str:
        """Name of the answers database and prefix of every localStorage key, so two editions
        on one host never share answers (data/storage.yml lists what lives under it)."""
        return namespace(self.id)

    @property
    def previous_namespaces(self) -> tuple[str, ...]:
        return tuple(namespace(old) for old in self.previous_ids)

    @property
    def store_attributes(self) -> dict[str, str]:
        """What tells the answers store (sc-store.js) where this edition's answers live, and
        which earlier ids' answers and export files are its own."""
        return {"data-sc-ns": self.storage_namespace, "data-sc-edition": self.id,
                "data-sc-previous": " ".join(self.previous_ids),
                "data-sc-previous-ns": " ".join(self.previous_namespaces)}

    @property
    def is_reference(self) -> bool:
        return self._path == REFERENCE.resolve()

    @property
    def favicon_path(self) -> Path:
        return self.favicon or self.logo

    @property
    def documents_logo_path(self) -> Path:
        return self.logo_documents or self.logo

    def shows(self, case_id: str) -> bool:
        return self.cases.show == "all" or case_id in self.cases.show


def namespace(edition_id: str) -> str:
    return f"sc:{edition_id}"


def _known_language(code: Any, info: ValidationInfo) -> None:
    known = declared(info) or ()
    if code not in known:
        raise _error(f"unknown language '{code}': this guide is written in {' and '.join(known)} "
                     f"(data/languages.yml)")


# The reference edition is recognised by where it lives, never by a value a fork would copy.
REFERENCE = ROOT / "edition" / "reference" / "edition.yml"
FORK = ROOT / "edition.yml"  # a fork's own file: upstream ships it without values and never changes it


def _languages_file(path: Path) -> Path:
    """An edition offers only languages its data root declares; the reference edition is the
    guide's, checked against the guide's data/ whatever root a build reads."""
    return (DATA_DIR if path == REFERENCE.resolve() else data_root()) / "languages.yml"


def edition_path() -> Path:
    """The file named by SC_EDITION (fixtures, forks' CI), else the root edition.yml once a fork
    has written values in it, else the reference edition."""
    chosen = os.environ.get("SC_EDITION")
    if chosen:
        return Path(chosen).resolve()
    return (FORK if FORK.is_file() and read_yaml(FORK) else REFERENCE).resolve()


_memo: dict[Path, tuple[tuple, Edition]] = {}


def _stamp(*paths: Optional[Path]) -> tuple:
    return tuple(p.stat().st_mtime_ns if p and p.exists() else None for p in paths)


def load_edition(path: Path | None = None) -> Edition:
    """Read and check the edition file; memoised until the file, its logo or its favicon changes."""
    path = (path or edition_path()).resolve()
    if not path.is_file():
        raise DataError(f"{path}: edition file is missing")
    known = _memo.get(path)
    if known:
        stamp, edition = known
        if stamp == _stamp(path, edition.logo, edition.logo_documents, edition.favicon, _languages_file(path)):
            return edition
    raw = read_yaml(path)
    try:
        edition = Edition.model_validate(raw, context={"base": path.parent,
                                                       "declared": read_languages(_languages_file(path).parent).codes})
    except ValidationError as err:
        raise DataError("\n".join(_describe(path, raw, err))) from None
    edition._path = path
    if not edition.is_reference:
        problems = identity_problems(edition, load_edition(REFERENCE))
        if problems:
            raise DataError("\n".join(f"{_rel(path)}: field '{field}': {text}" for field, text in problems))
    _memo[path] = (_stamp(path, edition.logo, edition.logo_documents, edition.favicon, _languages_file(path)), edition)
    return edition


def _describe(path: Path, raw: Any, err: ValidationError) -> list[str]:
    lines = []
    for problem in err.errors():
        _, field = _entry_and_field(raw, [p for p in problem["loc"] if p != "root"])
        lines.append(f"{_rel(path)}: field '{field or '(file)'}': {plain(problem)}")
    return lines


def extra_dirs(edition: Edition) -> dict[str, list[Path]]:
    """Data folders the edition adds to data/: its local cases, and its own provisions (read by
    apply_legal; listed here so a change to them reloads the data)."""
    found = {"cases": [edition.cases.local_dir], "legal": [edition.legal.local_dir]}
    return {name: dirs for name, dirs in found.items() if dirs[0]}


def apply(data: Any, edition: Edition, path: Path | None = None) -> Any:
    """Keep only the cases the edition shows (local cases always); every id it names must exist.
    Then the edition's region and own provisions (smartcity/edition/legal.py).

    Hidden cases stay in the id index, so data that refers to them still validates.
    """
    show = edition.cases.show
    if show != "all":
        known = data.index.get("case", {})
        for i, case_id in enumerate(show):
            if case_id not in known:
                where = _rel(path or edition_path())
                raise DataError(f"{where}: field 'cases.show[{i}]': unknown case id '{case_id}' "
                                f"(known: {', '.join(sorted(known))})")
    data.cases = [c for c in data.cases if getattr(c, "local", False) or edition.shows(c.id)]
    apply_legal(data, edition, _rel(path or edition_path()))
    return data
