"""The edition's law: its region (edition.yml `region`) and its own provisions (`legal.local_dir`).

The guide's data/legal.yml holds the EU, Belgian and every region's provisions. An edition
shows the EU and Belgian ones and those of its region (or regions); its own folder adds
provisions, or replaces the guide's one with the same id, without editing upstream data.
Mistakes stop the build with the file, the entry and the field.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from smartcity.edition.colours import field_error as _error
from smartcity.model.loader import ROOT, DataError, _rel, _validate, local_files, read_languages, read_yaml
from smartcity.model.schemas.base import Id, Strict, iter_refs
from smartcity.model.schemas.legal import OwnLegalFile

# The region of the reference edition, and of every edition that does not name one: the
# guide was written for Walloon municipalities.
DEFAULT_REGION = "wallonia"


def _as_tuple(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


# `region: brussels` or `region: [wallonia, brussels]`; the ids are checked against the data's
# regional contexts once the data is loaded (apply_legal), like the case ids of `cases.show`.
Regions = Annotated[tuple[Id, ...], BeforeValidator(_as_tuple), Field(min_length=1)]


def local_folder(value: Optional[Path], info: ValidationInfo) -> Optional[Path]:
    """An edition's own folder (local cases, own provisions), relative to the edition file."""
    if value is None:
        return None
    path = ((info.context or {}).get("base", ROOT) / value).resolve()
    if not path.is_dir():
        raise _error(f"folder '{value}' not found (looked for {path})")
    return path

class Legal(Strict):
    local_dir: Optional[Path] = None  # one or more provisions per file, like data/legal.yml's

    @field_validator("local_dir")
    @classmethod
    def _folder(cls, value: Optional[Path], info: ValidationInfo) -> Optional[Path]:
        return local_folder(value, info)


def known_regions(data: Any) -> list[str]:
    return sorted({c.region for c in data.legal.contexts if c.region})


def _check_regions(data: Any, edition: Any, where: str) -> None:
    known = known_regions(data)
    for i, region in enumerate(edition.region):
        if region not in known:
            field = "region" if len(edition.region) == 1 else f"region[{i}]"
            raise DataError(f"{where}: field '{field}': unknown region '{region}' "
                            f"(known: {', '.join(known)}, from the contexts of data/legal.yml)")


def _entries(value: Any) -> list[tuple[str, Any]]:
    return ([("legal-context", c) for c in value.contexts] + [("reference", r) for r in value.references]
            + [("legal-provision", p) for p in value.provisions])


def _own(data: Any, edition: Any) -> tuple[list[Any], list[Any]]:
    """The edition's own contexts and sources (registered in the index) and provisions (with
    their file), each checked against the data's ids."""
    folder = edition.legal.local_dir
    if folder is None:
        return [], []
    declared = read_languages(data.root).codes
    contexts: list[Any] = []
    provisions: list[Any] = []
    seen: dict[tuple[str, str], str] = {}
    for path in local_files(folder, "files of provisions (a `provisions:` list in each),"):
        value = _validate(path, read_yaml(path), OwnLegalFile, edition.languages, declared)
        for kind, entry in _entries(value):
            if (kind, entry.id) in seen:
                raise DataError(f"{_rel(path)}: entry '{entry.id}', field 'id': {kind} id also given in "
                                f"{seen[(kind, entry.id)]}")
            if kind != "legal-provision" and entry.id in data.index.get(kind, {}):
                raise DataError(f"{_rel(path)}: entry '{entry.id}', field 'id': the guide already has "
                                f"this {kind} id; use it, or give yours another id")
            seen[(kind, entry.id)] = _rel(path)
        for kind, entry in _entries(value):
            if kind == "reference":
                data.index.setdefault("reference", {})[entry.id] = entry
                data.origin[("reference", entry.id)] = _rel(path)
        known = {kind: set(data.index.get(kind, {})) for kind in ("legal-context", "reference")}
        known["legal-context"] |= {i for k, i in seen if k == "legal-context"}
        for entry, field, kind, target in iter_refs(value):
            if target not in known.get(kind, ()):
                raise DataError(f"{_rel(path)}: entry '{entry}', field '{field}': unknown {kind} id "
                                f"'{target}' (known: {', '.join(sorted(known.get(kind, ())))})")
        contexts += value.contexts
        provisions += [(p, path) for p in value.provisions]
    return contexts, provisions


def apply_legal(data: Any, edition: Any, where: str) -> None:
    """Merge the edition's own provisions into data.legal, then keep the provisions of the EU,
    Belgium, the edition's own contexts and the edition's regions. Provisions left out stay in
    the id index, so data that names them still validates."""
    if not data.holds("legal"):  # a smaller data root without legal provisions
        return
    _check_regions(data, edition, where)
    contexts, own = _own(data, edition)
    legal = data.legal
    index = data.index.setdefault("legal-provision", {})
    provisions = list(legal.provisions)
    for prov, path in own:
        at = next((i for i, p in enumerate(provisions) if p.id == prov.id), None)
        if at is None:
            provisions.append(prov)
        else:
            provisions[at] = prov
        index[prov.id] = prov
        data.origin[("legal-provision", prov.id)] = _rel(path)
    for ctx in contexts:
        data.index.setdefault("legal-context", {})[ctx.id] = ctx
    every = (*legal.contexts, *contexts)
    shown = {c.id for c in every if c.region is None or c.region in edition.region}
    data.legal = legal.model_copy(update={"contexts": every,
                                          "provisions": tuple(p for p in provisions if p.context in shown)})
    _regional_terms(data, edition)
    _regional_applies(data, edition)


def _regional_applies(data: Any, edition: Any) -> None:
    """A regional item of "What applies in 2026" is shown in its region's editions only; a
    region the data does not know stops the build, naming the entry."""
    applies = getattr(data, "applies", None) if "applies" in data.source_values() else None
    if applies is None:
        return
    known = known_regions(data)
    for item in applies.items:
        if item.region is not None and item.region not in known:
            raise DataError(f"{_rel(data.root / 'applies_2026.yml')}: entry '{item.id}', field 'region': unknown region "
                            f"'{item.region}' (known: {', '.join(known)}, from the contexts of data/legal.yml)")
    items = tuple(i for i in applies.items if i.region is None or i.region in edition.region)
    data.applies = applies.model_copy(update={"items": items})


def _regional_terms(data: Any, edition: Any) -> None:
    """A glossary term of a regional instrument (PST, CoDT) is shown, and gives its tooltip, in
    its region's editions only; it stays in the id index."""
    glossary = getattr(data, "glossary", None) if "glossary" in data.source_values() else None
    if glossary is not None:
        terms = tuple(t for t in glossary.terms if t.region is None or t.region in edition.region)
        data.glossary = glossary.model_copy(update={"terms": terms})
