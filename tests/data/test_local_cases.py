"""An edition's local cases folder: .yml and .yaml are read, hidden and editor files are skipped
with a warning that does not fail a strict build, anything else stops the build with its name."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.utils import CountHandler

from smartcity.model.loader import DataError, load, load_cached, local_files
from tests.conftest import ROOT

CASE = ROOT / "tests" / "fixtures" / "edition-valfleuri" / "local" / "cases" / "val-fleuri-parking.yml"
FR = ("fr",)  # the fixture edition's language: its case is written in French only


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "cases"
    target.mkdir()
    return target


def test_yaml_and_yml_files_are_both_read(folder):
    shutil.copyfile(CASE, folder / "val-fleuri-parking.yaml")
    text = CASE.read_text(encoding="utf-8").replace("val-fleuri-parking", "val-fleuri-lights")
    (folder / "val-fleuri-lights.YML").write_text(text, encoding="utf-8")
    assert [p.name for p in local_files(folder)] == ["val-fleuri-lights.YML", "val-fleuri-parking.yaml"]
    data = load(extra_dirs={"cases": [folder]}, languages=FR)
    assert data.get("case", "val-fleuri-parking").local and data.get("case", "val-fleuri-lights")


@pytest.mark.parametrize("name", [".DS_Store", ".val-fleuri-parking.yml.swp", "val-fleuri-parking.yml~",
                                  "notes.swo", "x.swp", ".hidden.yml"])
def test_hidden_and_editor_files_are_skipped_and_named_in_a_warning(folder, caplog, name):
    shutil.copyfile(CASE, folder / "val-fleuri-parking.yml")
    (folder / name).write_bytes(b"\x00 not yaml")
    with caplog.at_level(logging.WARNING, logger="smartcity.data"):
        assert [p.name for p in local_files(folder)] == ["val-fleuri-parking.yml"]
    assert any(name in r.getMessage() and "ignored" in r.getMessage() for r in caplog.records), caplog.text


def test_the_warning_does_not_count_in_a_strict_mkdocs_build(folder):
    """MkDocs' strict mode counts warnings with a handler on the 'mkdocs' logger only."""
    (folder / ".DS_Store").write_bytes(b"")
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        local_files(folder)
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    assert counter.get_counts() == []


@pytest.mark.parametrize("name", ["val-fleuri-parking.json", "README.md", "photo.jpg", "case.yml.bak"])
def test_any_other_file_stops_the_build_with_its_name(folder, name):
    (folder / name).write_text("{}", encoding="utf-8")
    with pytest.raises(DataError) as err:
        local_files(folder)
    message = str(err.value)
    assert f"{folder / name}: not a YAML file" in message
    assert "ending in .yml or .yaml" in message


def test_a_subfolder_stops_the_build_with_its_name(folder):
    (folder / "images").mkdir()
    with pytest.raises(DataError, match=r"images: a folder; this folder holds one case per file"):
        local_files(folder)


def test_the_cache_sees_a_new_yaml_file_and_a_stray_file(folder):
    shutil.copyfile(CASE, folder / "val-fleuri-parking.yml")
    first = load_cached(extra_dirs={"cases": [folder]}, languages=FR)
    assert "val-fleuri-lights" not in first.index["case"]
    text = CASE.read_text(encoding="utf-8").replace("val-fleuri-parking", "val-fleuri-lights")
    (folder / "val-fleuri-lights.yaml").write_text(text, encoding="utf-8")
    assert "val-fleuri-lights" in load_cached(extra_dirs={"cases": [folder]}, languages=FR).index["case"]
    (folder / "notes.txt").write_text("to do", encoding="utf-8")
    with pytest.raises(DataError, match="notes.txt: not a YAML file"):
        load_cached(extra_dirs={"cases": [folder]}, languages=FR)
