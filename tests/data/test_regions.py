"""Regions (issue 19, part 4): provisions tagged by region, an edition's region choosing the
legal page's provisions and the regional instruments prose names, and an edition's own
provisions added or replacing the guide's. Expected names and ids are read from data."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from smartcity.edition.legal import DEFAULT_REGION, known_regions
from smartcity.edition.model import REFERENCE, Edition, apply, extra_dirs, load_edition
from smartcity.model.loader import DataError, load
from smartcity.pages.legal import render_legal_provisions, select_provisions
from smartcity.pages.regions import render_instrument, render_region_names
from tests.conftest import ROOT
from tests.unit.test_edition import FIXTURE, write_edition

LEGAL = "phase-2/p2-s2d-legal-framework.html"
RAW = yaml.safe_load((ROOT / "data" / "legal.yml").read_text(encoding="utf-8"))
REGION_OF = {c["id"]: c.get("region") for c in RAW["contexts"]}


def _applied(edition: Edition) -> object:
    return apply(load(extra_dirs=extra_dirs(edition), languages=edition.languages), edition, edition._path)


def _with_region(tmp_path: Path, region, legal_dir: object = None) -> Edition:
    path = write_edition(tmp_path, region=region, legal=None if legal_dir is None else {"local_dir": str(legal_dir)})
    return load_edition(path)


def test_every_provision_has_sources_and_every_region_fills_every_instrument():
    data = load()
    for prov in data.legal.provisions:
        assert prov.sources, prov.id
        for rid in prov.sources:
            assert data.get("reference", rid)
    regions = known_regions(data)
    assert DEFAULT_REGION in regions and len(regions) >= 3
    for inst in data.legal.instruments:
        covered = [REGION_OF[data.get("legal-provision", pid).context] for pid in inst.provisions]
        assert sorted(covered) == regions, inst.id  # one provision per region, none missing


def test_a_provision_without_sources_is_refused(data_copy):
    raw = yaml.safe_load((data_copy / "legal.yml").read_text(encoding="utf-8"))
    raw["provisions"][0].pop("sources")
    (data_copy / "legal.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"legal.yml: entry 'be-public-procurement', field 'sources'"):
        load(data_copy)


def test_the_default_region_is_wallonia_and_the_reference_page_is_unchanged():
    assert load_edition(REFERENCE).region == (DEFAULT_REGION,)
    raw = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    raw.pop("region")
    assert Edition.model_validate(raw, context={"base": REFERENCE.parent, "declared": ("fr", "en")}).region \
        == (DEFAULT_REGION,)
    data = apply(load(), load_edition(REFERENCE))
    # the legal page's cards before regions existed, in their order
    assert [p.id for p in select_provisions(data)] == ["be-public-procurement", "eu-esa-2010", "be-wal-codt",
                                                       "eu-gdpr"]


@pytest.mark.parametrize("region", sorted({r for r in REGION_OF.values() if r}))
def test_each_region_shows_the_eu_and_belgian_provisions_and_its_own(tmp_path, region):
    data = _applied(_with_region(tmp_path, region))
    contexts = {p.context for p in data.legal.provisions}
    assert {c for c in contexts if REGION_OF[c]} == {c for c, r in REGION_OF.items() if r == region}
    assert {c for c, r in REGION_OF.items() if r is None} <= contexts
    html = render_legal_provisions(data, "fr", LEGAL, select_provisions(data, ["planning"]))
    planning = [p for p in load().legal.provisions if p.area == "planning" and REGION_OF[p.context] == region]
    assert [p.id for p in planning] == re.findall(r'data-sc-legal="([a-z0-9-]+)"', html)
    assert 'data-sc-cite="' in html  # every card cites its sources
    for lang in ("fr", "en"):
        for role in ("strategic-plan", "planning-code"):
            prov = next(p for p in load().legal.provisions
                        if p.id in load().get("legal-instrument", role).provisions and REGION_OF[p.context] == region)
            text = render_instrument(data, lang, role, LEGAL)
            assert f'data-sc-instrument="{prov.id}"' in text and (prov.short or prov.title)(lang) in text
            assert "\n" not in text  # it sits inside a sentence or a table cell


def test_two_regions_show_both(tmp_path):
    edition = _with_region(tmp_path, ["wallonia", "flanders"])
    data = _applied(edition)
    text = render_instrument(data, "en", "strategic-plan", LEGAL)
    assert re.findall(r'data-sc-instrument="([a-z-]+)"', text) == ["be-wal-pst", "be-vla-meerjarenplan"]
    names = [c["title"]["fr"] for c in RAW["contexts"] if c.get("region") in ("wallonia", "flanders")]
    assert render_region_names(data, "fr", LEGAL, edition) == ", ".join(names)


@pytest.mark.parametrize("region,field", [("wallony", "region"), (["wallonia", "bruxelles"], "region[1]")])
def test_an_unknown_region_names_the_file_and_field(tmp_path, region, field):
    edition = _with_region(tmp_path, region)
    with pytest.raises(DataError, match=rf"edition.yml: field '{re.escape(field)}': unknown region"):
        _applied(edition)


def test_the_fixture_edition_adds_and_replaces_provisions():
    edition = load_edition(FIXTURE / "edition.yml")
    data = _applied(edition)
    own = yaml.safe_load((FIXTURE / "local" / "legal" / "val-fleuri.yml").read_text(encoding="utf-8"))
    ids = [p.id for p in data.legal.provisions]
    for prov in own["provisions"]:
        assert ids.count(prov["id"]) == 1
        assert data.get("legal-provision", prov["id"]).title("fr") == prov["title"]["fr"]
    replaced = [p for p in own["provisions"] if any(q["id"] == p["id"] for q in RAW["provisions"])]
    assert len(replaced) == 1 and replaced[0]["short"]["fr"] in render_instrument(data, "fr", "strategic-plan", LEGAL)
    assert data.get("reference", own["references"][0]["id"])  # its own source is citable
    assert load().get("legal-provision", replaced[0]["id"]).title("fr") != replaced[0]["title"]["fr"]


def _own_file(tmp_path: Path, change) -> Path:
    folder = tmp_path / "legal"
    folder.mkdir()
    raw = yaml.safe_load((FIXTURE / "local" / "legal" / "val-fleuri.yml").read_text(encoding="utf-8"))
    change(raw)
    (folder / "mine.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize("change,message", [
    (lambda raw: raw["provisions"][0].update(context="val-fleury"),
     r"legal/mine.yml: entry 'val-fleuri-street-furniture', field 'context': unknown legal-context id 'val-fleury'"),
    (lambda raw: raw["provisions"][0].update(sources=["nowhere"]),
     r"legal/mine.yml: entry 'val-fleuri-street-furniture', field 'sources\[0\]': unknown reference id 'nowhere'"),
    (lambda raw: raw["provisions"][0].pop("sources"),
     r"legal/mine.yml: entry 'val-fleuri-street-furniture', field 'sources'"),
    (lambda raw: raw["provisions"][1].update(area="magic"),
     r"legal/mine.yml: entry 'be-bru-pcd', field 'area'"),
    (lambda raw: raw["contexts"][0].update(id="be-bru"),
     r"legal/mine.yml: entry 'be-bru', field 'id': the guide already has this legal-context id"),
])
def test_a_bad_own_provision_names_file_entry_and_field(tmp_path, change, message):
    edition = _with_region(tmp_path, "brussels", _own_file(tmp_path, change))
    with pytest.raises(DataError, match=message):
        _applied(edition)


def test_a_stray_file_in_the_own_folder_stops_the_build(tmp_path):
    folder = _own_file(tmp_path, lambda raw: None)
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match=r"legal/notes.txt: not a YAML file; this folder holds files of provisions"):
        _applied(_with_region(tmp_path, "brussels", folder))


def test_regional_glossary_terms_follow_the_region(tmp_path):
    tmp_path.joinpath("brussels").mkdir(); tmp_path.joinpath("flanders").mkdir()
    raw = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    regional = {t["id"]: t["region"] for t in raw["terms"] if t.get("region")}
    assert regional and set(regional.values()) <= set(known_regions(load()))
    walloon = apply(load(), load_edition(REFERENCE))
    assert set(regional) <= {t.id for t in walloon.glossary.terms}
    for region in sorted(set(known_regions(load())) - {DEFAULT_REGION}):
        data = _applied(_with_region(tmp_path / region, region))
        shown = {t.id for t in data.glossary.terms}
        assert shown.isdisjoint({tid for tid, r in regional.items() if r != region}), region
        assert all(data.get("term", tid) for tid in regional)  # still known to the index


def test_worksheet_labels_name_no_regional_instrument():
    """The worksheets are the same files for every region: they name the role, not the text."""
    names = {p.short(lang) for p in load().legal.provisions if p.area in ("strategy", "planning") and p.short
             for lang in ("fr", "en")}
    def strings(node):
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return [node] if isinstance(node, str) else []

    for path in sorted((ROOT / "data" / "worksheets").glob("*.yml")):
        text = " ".join(strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)], path.name


@pytest.mark.parametrize("region", sorted({r for r in REGION_OF.values() if r}))
def test_regional_items_of_what_applies_follow_the_region(tmp_path, region):
    """A regional programme (an ERDF programme) shows in its region's editions only; the
    EU and Belgian items show in every edition."""
    every = load().applies.items
    assert any(i.region for i in every), "the data has regional items"
    shown = {i.id for i in _applied(_with_region(tmp_path, region)).applies.items}
    assert shown == {i.id for i in every if i.region in (None, region)}


def test_an_item_of_an_unknown_region_names_the_entry_and_field(tmp_path, data_copy):
    path = data_copy / "applies_2026.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["items"][0]["region"] = "wallony"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    edition = _with_region(tmp_path, "wallonia")
    with pytest.raises(DataError, match=r"applies_2026.yml: entry '[a-z0-9-]+', field 'region': unknown region "
                                        r"'wallony'"):
        apply(load(data_copy), edition, edition._path)
