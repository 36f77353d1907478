"""Atomic builds: a failure at any stage leaves the previous site/ and its zip exactly as they were,
removes the half-built folder and says so (scripts/atomic.py, scripts/site.py build_all).
The real end-to-end check is in tests/scenarios/valfleuri/test_edition_build.py (a late zip failure)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scripts import build, site as site_module
from scripts.atomic import replacing


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


@pytest.fixture
def published(tmp_path: Path) -> Path:
    """A previous site: pages, a root page and its zip."""
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>root</p>", encoding="utf-8")
    (site / "smart-city-guide.zip").write_bytes(b"PK old zip")
    return site


def test_success_swaps_the_new_site_in(published):
    with replacing(published) as work:
        assert work.parent == published.parent and work != published and not any(work.iterdir())
        (work / "index.html").write_text("<p>new</p>", encoding="utf-8")
    assert (published / "index.html").read_text(encoding="utf-8") == "<p>new</p>"
    assert not (published / "en").exists()
    assert leftovers(published) == []


@pytest.mark.parametrize("error", [RuntimeError("late failure"), KeyboardInterrupt()])
def test_a_failure_leaves_the_previous_site_and_says_so(published, error):
    before = tree_hash(published)
    with pytest.raises(type(error)) as raised:
        with replacing(published) as work:
            (work / "index.html").write_text("<p>half</p>", encoding="utf-8")
            raise error
    assert tree_hash(published) == before
    assert leftovers(published) == [], "the temporary folder is removed"
    assert f"The previous site in {published} was left untouched." in raised.value.__notes__


def test_a_first_build_that_fails_leaves_nothing(tmp_path):
    target = tmp_path / "site"
    with pytest.raises(RuntimeError) as raised:
        with replacing(target):
            raise RuntimeError("boom")
    assert not target.exists() and leftovers(target) == []
    assert f"No site was written to {target}." in raised.value.__notes__


def test_folders_of_a_killed_build_are_removed(published):
    dead = published.with_name("site.tmp-999999999")  # no such process
    dead.mkdir()
    with replacing(published) as work:
        (work / "index.html").write_text("new", encoding="utf-8")
    assert leftovers(published) == []


def fake_language(lang: str, dirty: bool = False, site_dir: Path | None = None) -> None:
    (site_dir / lang).mkdir(parents=True, exist_ok=True)
    (site_dir / lang / "index.html").write_text(f"<p>{lang} new</p>", encoding="utf-8")


@pytest.mark.parametrize("stage", ["write_root", "make_zip", "build_language"])
def test_build_all_failing_at_a_late_stage_keeps_the_site(published, monkeypatch, capsys, stage):
    """`make build` with a tiny fake build whose zip, root page or language stage fails."""
    monkeypatch.setattr(site_module, "site_data", lambda: None)
    monkeypatch.setattr(site_module, "build_language", fake_language)
    monkeypatch.setattr(site_module, "write_root", lambda site: (site / "index.html").write_text("new"))

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site_module, stage, fail)
    before = tree_hash(published)
    assert build.main(["--site-dir", str(published), "--jobs", "1"]) == 1
    assert tree_hash(published) == before
    assert leftovers(published) == []
    err = capsys.readouterr().err
    assert "No space left on device" in err
    assert f"The previous site in {published} was left untouched." in err


def test_build_all_without_failure_replaces_the_site(published, monkeypatch):
    monkeypatch.setattr(site_module, "site_data", lambda: None)
    monkeypatch.setattr(site_module, "build_language", fake_language)
    monkeypatch.setattr(site_module, "write_root", lambda site: (site / "index.html").write_text("new"))
    monkeypatch.setattr(site_module, "make_zip", lambda site, name, folder: (site / name).write_bytes(b"PK new"))
    assert build.main(["--site-dir", str(published), "--jobs", "1"]) == 0
    assert (published / "index.html").read_text() == "new"
    assert (published / "smart-city-guide.zip").read_bytes() == b"PK new"
    assert leftovers(published) == []


def test_a_data_error_keeps_the_site_and_says_so(published, monkeypatch, capsys):
    from smartcity.model.loader import DataError

    def broken():
        raise DataError("data/cases/x.yml: entry 'x', field 'city': field required")

    monkeypatch.setattr(site_module, "site_data", broken)
    before = tree_hash(published)
    assert build.main(["--site-dir", str(published), "--jobs", "1"]) == 1
    assert tree_hash(published) == before and leftovers(published) == []
    err = capsys.readouterr().err
    assert "build failed: data/cases/x.yml: entry 'x', field 'city'" in err
    assert "was left untouched" in err
