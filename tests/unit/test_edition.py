"""The edition file: its model, its checks (each bad config stops the build with its field),
the derived palette, the credits no edition removes, and the offline zip."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from smartcity.edition import colour
from smartcity.edition.model import Edition, apply, load_edition
from smartcity.edition.assets import edition_assets, palette_css
from smartcity.pages.edition_pages import render_credits, render_edition_line, render_offline
from smartcity.model.loader import DataError, load
from scripts.offline import make_zip
from tests.conftest import ROOT, bundles

FIXTURE = ROOT / "tests" / "fixtures" / "edition-valfleuri"


def write_edition(folder: Path, **changes) -> Path:
    """A copy of the fixture edition in `folder`, with some keys changed (None removes a key)."""
    raw = yaml.safe_load((FIXTURE / "edition.yml").read_text(encoding="utf-8"))
    raw["logo"] = str(FIXTURE / "logo.png")
    raw["cases"]["local_dir"] = str(FIXTURE / "local" / "cases")
    raw["legal"]["local_dir"] = str(FIXTURE / "local" / "legal")
    for key, value in changes.items():
        target, *path = key.split(".")
        node = raw
        for part in [target, *path][:-1]:
            node = node[part]
        if value is None:
            node.pop([target, *path][-1], None)
        else:
            node[[target, *path][-1]] = value
    path = folder / "edition.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def build_fails(edition: Path, tmp_path: Path) -> str:
    """Run `make build`'s entry point on an edition; it must stop, and say why on stderr."""
    env = {**os.environ, "SC_EDITION": str(edition)}
    done = subprocess.run([sys.executable, "-m", "scripts.build", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    return done.stderr


# ---------------------------------------------------------------- the reference and the fixture

def test_reference_edition_is_one_valid_file():
    edition = load_edition(ROOT / "edition" / "reference" / "edition.yml")
    assert edition.languages == ("fr", "en") and edition.default_language == "fr"
    assert edition.logo == ROOT / "edition" / "reference" / "logo.svg"
    assert edition.storage_namespace == "sc:smart-city-guide"


def test_fixture_edition_loads_with_its_local_case():
    edition = load_edition(FIXTURE / "edition.yml")
    assert edition.languages == ("fr",) and edition.id == "val-fleuri"
    data = apply(load(extra_dirs={"cases": [edition.cases.local_dir]}, languages=edition.languages), edition)
    ids = [c.id for c in data.cases]
    assert sorted(ids) == ["bologna", "chicago", "santander", "val-fleuri-parking"]
    assert data.get("case", "malmo")  # hidden cases stay known, so data that cites them validates


def test_hidden_cases_leave_explicit_lists_too():
    from smartcity.pages.cases import select_cases

    edition = load_edition(FIXTURE / "edition.yml")
    data = apply(load(extra_dirs={"cases": [edition.cases.local_dir]}, languages=edition.languages), edition)
    assert [c.id for c in select_cases(data, ids=["malmo", "santander"])] == ["santander"]
    assert [c.id for c in select_cases(data, step="p2-s3")][0] == "val-fleuri-parking"  # local first
    with pytest.raises(DataError, match="unknown case id 'atlantis'"):
        select_cases(data, ids=["atlantis"])


def test_every_offered_language_needs_its_texts(tmp_path):
    path = write_edition(tmp_path, languages=["fr", "en"])
    with pytest.raises(DataError, match=r"field 'name': en is missing"):
        load_edition(path)


# ---------------------------------------------------------------- each bad config stops the build

def test_missing_logo_stops_the_build(tmp_path):
    err = build_fails(write_edition(tmp_path, logo="edition/nowhere.png"), tmp_path)
    assert "field 'logo': file 'edition/nowhere.png' not found" in err


def test_bad_colour_stops_the_build(tmp_path):
    err = build_fails(write_edition(tmp_path, **{"colours.accent": "vert sapin"}), tmp_path)
    assert "field 'colours.accent': 'vert sapin' is not a colour: write it as #rrggbb" in err


def test_unknown_language_stops_the_build(tmp_path):
    err = build_fails(write_edition(tmp_path, languages=["fr", "de"]), tmp_path)
    assert "field 'languages': unknown language 'de': this guide is written in fr and en" in err


def test_unknown_case_id_stops_the_build(tmp_path):
    err = build_fails(write_edition(tmp_path, **{"cases.show": ["chicago", "atlantis"]}), tmp_path)
    assert "field 'cases.show[1]': unknown case id 'atlantis'" in err


def test_low_contrast_primary_stops_the_build_with_ratio_and_a_shade_that_passes(tmp_path):
    err = build_fails(write_edition(tmp_path, **{"colours.primary": "#4a90d9"}), tmp_path)
    assert "field 'colours.primary': #4a90d9 behind the header text #ffffff has a contrast ratio of 3.34:1" in err
    assert "below the 4.5:1 that WCAG AA requires" in err
    shade = err.split("that passes is ")[1].split(" ")[0]
    assert colour.contrast(shade, "#ffffff") >= 4.5 and shade != "#000000"


def test_svg_logo_with_nothing_safe_to_draw_stops_the_build(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert("x")</script></svg>')
    err = build_fails(write_edition(tmp_path, logo=str(logo)), tmp_path)
    assert f"field 'logo': '{logo}': has nothing left to draw once what a logo may not contain is removed " \
           f"(removed: <script>)" in err


# ---------------------------------------------------------------- colours

@pytest.mark.parametrize("primary", ["#0b5563", "#1f5130", "#003399", "#6b0f1a", "#333333", "#7a4f00"])
def test_derived_text_colours_reach_aa_in_both_schemes(primary):
    p = colour.palette(primary, "#8a1c5b")
    light, dark = p["default"], p["slate"]
    assert colour.contrast(light["--md-typeset-a-color"], "#ffffff") >= 4.5
    assert colour.contrast(light["--md-typeset-a-color"], light["--sc-primary-light"]) >= 4.5
    assert colour.contrast(dark["--md-typeset-a-color"], colour.SLATE_BG) >= 4.5
    assert colour.contrast(dark["--md-typeset-a-color"], dark["--sc-primary-light"]) >= 4.5
    assert colour.contrast(dark["--md-accent-fg-color"], colour.SLATE_BG) >= 4.5


def test_contrast_matches_wcag():
    assert round(colour.contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(colour.contrast("#767676", "#ffffff"), 2) == 4.54
    assert colour.normalise("#ABC") == "#aabbcc"
    with pytest.raises(ValueError):
        colour.normalise("rgb(1,2,3)")


def test_light_header_text_asks_for_a_lighter_primary(tmp_path):
    path = write_edition(tmp_path, colours={"primary": "#1f5130", "accent": "#8a1c5b", "header_text": "#000000"})
    with pytest.raises(DataError, match=r"field 'colours.primary': .* a lighter shade"):
        load_edition(path)


def test_palette_css_is_written_only_when_it_changes(tmp_path):
    edition = load_edition(FIXTURE / "edition.yml")
    first = edition_assets(edition, cache=tmp_path)
    css = first.files[first.css]
    stamp = css.stat().st_mtime_ns
    edition_assets(edition, cache=tmp_path)
    assert css.stat().st_mtime_ns == stamp
    text = css.read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1f5130" in text and '[data-md-color-scheme="slate"]' in text
    assert "#0b5563" not in palette_css(edition)
    assert first.doc_logo.read_bytes().startswith(b"\x89PNG")


# ---------------------------------------------------------------- what pages show

def test_credits_keep_the_source_and_project_whatever_the_edition(data):
    for path in (ROOT / "edition" / "reference" / "edition.yml", FIXTURE / "edition.yml"):
        edition = load_edition(path)
        html = render_credits(data, edition, "fr", "about/index.html")
        assert "Guide pratique de la Smart City" in html and "Smart City Institute" in html and "2017" in html
        assert data.credits.project.name("fr").lower() in html.lower()
        assert edition.organisation.name("fr") in html
    # The attribution is data, not edition: an edition file cannot even hold it.
    assert "credits" not in Edition.model_fields and "attribution" not in Edition.model_fields


def test_edition_line_names_the_publisher_and_contact(data):
    edition = load_edition(FIXTURE / "edition.yml")
    html = render_edition_line(data, edition, "fr")
    assert "Guide Smart City de Val-Fleuri" in html
    assert '<a href="https://www.val-fleuri.example/">Commune de Val-Fleuri</a>' in html
    assert 'href="mailto:smartcity@val-fleuri.example"' in html


def test_offline_link_points_to_the_zip_at_the_site_root(data):
    edition = load_edition(ROOT / "edition" / "reference" / "edition.yml")
    assert 'href="../../smart-city-guide.zip"' in render_offline(data, edition, "en", "about/publish.html")
    assert 'href="../smart-city-guide.zip"' in render_offline(data, edition, "en", "index.html")


# ---------------------------------------------------------------- offline zip

def test_zip_holds_the_site_in_one_folder_and_never_itself(tmp_path):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "index.html").write_text("root", encoding="utf-8")
    (site / "fr" / "index.html").write_text("fr", encoding="utf-8")
    (site / "old.zip").write_bytes(b"x")
    made = make_zip(site, "old.zip", "my-town")
    first = made.read_bytes()
    names = zipfile.ZipFile(made).namelist()
    assert names == ["my-town/fr/index.html", "my-town/index.html"]
    assert make_zip(site, "old.zip", "my-town").read_bytes() == first  # reproducible


# ---------------------------------------------------------------- the reference site (make build)

def test_credits_macro_is_on_the_credits_page_in_both_languages():
    for lang in ("fr", "en"):
        text = (ROOT / "docs" / lang / "about" / "index.md").read_text(encoding="utf-8")
        assert "\n{{ credits() }}\n" in text, lang
        assert "\n{{ offline_download() }}\n" in (ROOT / "docs" / lang / "about" / "publish.md").read_text(encoding="utf-8")


@pytest.mark.build
def test_reference_site_is_branded_by_its_edition_file(site):
    edition = load_edition(ROOT / "edition" / "reference" / "edition.yml")
    archive = site / f"{edition.id}.zip"
    assert archive.is_file(), "make build writes the offline zip at the site's root"
    names = zipfile.ZipFile(archive).namelist()
    assert f"{edition.id}/index.html" in names and f"{edition.id}/en/index.html" in names
    assert not any(n.endswith(".zip") for n in names)
    for lang in edition.languages:
        publish = (site / lang / "about" / "publish.html").read_text(encoding="utf-8")
        assert f'href="../../{edition.id}.zip"' in publish
        about = (site / lang / "about" / "index.html").read_text(encoding="utf-8")
        assert 'id="sc-credits"' in about and "Smart City Institute" in about
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert f"--md-primary-fg-color:{edition.colours.primary}" in bundles(site / lang, home)["css"]
        assert 'class="sc-edition-line"' in home and 'class="md-copyright sc-footer"' in home


@pytest.mark.parametrize("key, value, says", [
    ("id", "Val_Fleuri", "field 'id': expected lowercase letters, digits and hyphens, starting and ending with a "
                         "letter or a digit (for example val-fleuri), not 'Val_Fleuri'"),
    ("organisation.email", "smartcity-at-val-fleuri", "field 'organisation.email': expected an email address such "
                                                      "as smartcity@commune.be, not 'smartcity-at-val-fleuri'"),
    ("site_url", "guide.val-fleuri.be", "field 'site_url': expected a full web address starting with https:// or "
                                        "http:// (for example https://guide.commune.be/), not 'guide.val-fleuri.be'"),
    ("colour", "#123456", "field 'colour': is not a field this file knows: check its spelling or remove it"),
    ("licence", None, "field 'licence': is required: add it"),
])
def test_edition_messages_say_what_is_expected_in_words(tmp_path, key, value, says):
    """Never a regular expression or a library's own wording (issue 15)."""
    with pytest.raises(DataError) as err:
        load_edition(write_edition(tmp_path, **{key: value}))
    message = str(err.value)
    assert says in message and str(tmp_path / "edition.yml") in message
    assert "^" not in message and "pattern" not in message and "Input should" not in message
