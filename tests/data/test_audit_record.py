"""The content audit's record (audit/pages.yml) against git: a page changed in one language is
changed in every language, and every changed page says what was done to it. Content checked in
data files (cases, figures, tool lists) is recorded under `data`, by file."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from smartcity.model.loader import read_languages

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "audit" / "pages.yml"
ACTIONS = {"sourced", "removed", "rewritten", "updated"}


@pytest.fixture(scope="module")
def record() -> dict:
    return yaml.safe_load(RECORD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def languages() -> tuple[str, ...]:
    return tuple(entry.code for entry in read_languages().languages)


def _changed_pages(base: str, lang: str) -> set[str]:
    """Pages under docs/<lang>/ that differ from `base`, committed or not."""
    prefix = f"docs/{lang}/"
    out = subprocess.run(["git", "diff", "--name-only", base, "--", prefix], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--", prefix], cwd=ROOT,
                               check=True, capture_output=True, text=True).stdout
    return {line[len(prefix):] for line in (out + untracked).splitlines() if line.endswith(".md")}


def _changed_data(base: str) -> set[str]:
    out = subprocess.run(["git", "diff", "--name-only", base, "--", "data/"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return set(out.splitlines())


def _entries(record: dict, languages: tuple[str, ...]):
    for page, entries in record["pages"].items():
        assert any((ROOT / "docs" / lang / page).is_file() for lang in languages), f"{page}: no such page"
        yield page, entries
    for path, entries in (record.get("data") or {}).items():
        assert path.startswith("data/") and (ROOT / path).is_file(), f"{path}: no such data file"
        yield path, entries


def test_entries_are_well_formed(record, languages):
    assert set(record) <= {"base", "pages", "data"} and {"base", "pages"} <= set(record)
    for page, entries in _entries(record, languages):
        assert entries, f"{page}: an entry lists what was done"
        for entry in entries:
            assert entry["action"] in ACTIONS, f"{page}: action {entry['action']!r}"
            assert str(entry.get("note", "")).strip(), f"{page}: every entry says what changed"
            assert entry.get("only") in (None, *languages), f"{page}: only {entry.get('only')!r}"


def test_every_changed_page_changed_in_every_language_and_is_recorded(record, languages):
    base = record["base"]
    known = subprocess.run(["git", "cat-file", "-e", f"{base}^{{commit}}"], cwd=ROOT, capture_output=True)
    assert known.returncode == 0, f"audit/pages.yml: base {base} is not a commit of this repository"
    changed = {lang: _changed_pages(base, lang) for lang in languages}
    for page in set().union(*changed.values()):
        entries = record["pages"].get(page)
        assert entries, f"{page} changed since {base[:7]}: add what was done to audit/pages.yml"
        only = {entry.get("only") for entry in entries} - {None}
        changed_in = {lang for lang in languages if page in changed[lang]}
        missing = sorted(lang for lang in languages if lang not in changed_in
                         and (ROOT / "docs" / lang / page).is_file())
        # `only: <lang>` records a change that concerns one language alone (a typo, a translation slip).
        assert not missing or changed_in <= only, (
            f"{page} changed in {', '.join(sorted(changed_in))} but not in {', '.join(missing)}:"
            " change every language, or record `only: <lang>` and why")


def test_recorded_pages_did_change(record, languages):
    changed = set().union(*(_changed_pages(record["base"], lang) for lang in languages))
    stale = sorted(set(record["pages"]) - changed)
    stale += sorted(set(record.get("data") or {}) - _changed_data(record["base"]))
    assert not stale, f"audit/pages.yml records changes that git does not show: {stale}"
