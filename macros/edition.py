"""The edition: one file (edition.yml) that names and brands a copy of the guide."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Optional

from pydantic import AnyHttpUrl, StringConstraints, model_validator
from typing import Annotated

from .loader import ROOT, DataError, _validate, read_yaml
from .models.base import Id, NonEmpty, Strict, Text

Lang = Literal["fr", "en"]


class Organisation(Strict):
    name: Text
    email: Optional[Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]] = None
    url: Optional[AnyHttpUrl] = None


class Edition(Strict):
    id: Id
    name: Text
    short_name: Text
    organisation: Organisation
    languages: tuple[Lang, ...]
    default_language: Lang
    site_url: AnyHttpUrl
    footer: Optional[Text] = None
    licence: Text

    @model_validator(mode="after")
    def _default_offered(self) -> "Edition":
        if not self.languages:
            raise ValueError("languages: offer at least one of fr, en")
        if self.default_language not in self.languages:
            raise ValueError(f"default_language '{self.default_language}' is not among languages {list(self.languages)}")
        return self

    @property
    def storage_namespace(self) -> str:
        """Prefix of every localStorage key, so two editions on one host never share answers."""
        return f"sc:{self.id}"


def edition_path() -> Path:
    """edition.yml at the root, or the file named by SC_EDITION (fixtures, forks' CI)."""
    return Path(os.environ.get("SC_EDITION", ROOT / "edition.yml")).resolve()


def load_edition(path: Path | None = None) -> Edition:
    path = path or edition_path()
    if not path.is_file():
        raise DataError(f"{path}: edition file is missing")
    value = _validate(path, read_yaml(path), Edition)
    assert isinstance(value, Edition)
    return value
