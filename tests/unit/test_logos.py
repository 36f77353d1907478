"""Edition logos are re-drawn from an allow-list: each hostile SVG of tests/fixtures/hostile-svg/
comes out as a static drawing (or is refused when nothing safe is left), raster images are
encoded again, reference logos look the same, and a built edition publishes none of the attack."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import resvg_py
import tinycss2
from lxml import etree
from PIL import Image, ImageChops, PngImagePlugin

from smartcity.edition.model import load_edition
from smartcity.edition.assets import edition_assets
from smartcity.edition.images import ImageError, published
from smartcity.model.loader import DataError
from smartcity.edition.svg_clean import ATTRIBUTES, ELEMENTS, PROPERTIES, SVG, SvgRefused, clean_svg
from tests.conftest import ROOT
from tests.unit.test_edition import write_edition

CORPUS = ROOT / "tests" / "fixtures" / "hostile-svg"
HOSTILE = sorted(CORPUS.glob("*.svg"))
REFUSED = {  # nothing safe to draw is left of these, and the message says what to change
    "billion-laughs": "declares or uses entities",
    "xxe-system-entity": "declares or uses entities",
    "root-not-svg-namespace": "its root element is <svg> of namespace http://www.w3.org/1999/xhtml",
    "root-without-namespace": "its root element is <svg> of namespace (none)",
    "root-upper-case": "its root element is <SVG>",
    "use-bomb": "draws more than 20000 shapes",
    "nothing-drawable": "has nothing left to draw",
}
LOCAL_URL = re.compile(r"url\(#[A-Za-z_][\w.-]*\)")
# Words of an attack, read case-insensitively once whitespace is gone: every hostile file calls
# evil() and fetches from evil.example, so a trace of either is a leak.
TRACES = ("evil", "script", "javascript", "data:", "http", "//", "expression", "behavior", "binding",
          "@import", "\\", "onload", "onclick", "xhtml", "foreignobject", "passwd", "lol")


def check_output(svg: bytes) -> None:
    """An independent reading of the published SVG: only the allow-list, no URL, no code."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(svg, parser)
    assert root.tag == f"{{{SVG}}}svg"
    assert root.getroottree().docinfo.doctype == ""
    flat = re.sub(r"\s+", "", svg.decode("utf-8").replace(f'xmlns="{SVG}"', "")).lower()
    for trace in TRACES:
        assert trace not in flat, f"{trace!r} left in {svg[:400]!r}"
    for node in root.iter():
        assert isinstance(node.tag, str), f"not an element: {node!r}"  # no comment, PI or entity
        qname = etree.QName(node)
        assert qname.namespace == SVG and qname.localname in ELEMENTS, node.tag
        for attr, value in node.attrib.items():
            name = etree.QName(attr)
            assert name.namespace in (None, "http://www.w3.org/XML/1998/namespace"), attr
            assert name.localname in ATTRIBUTES | {"href", "style", "space"}, attr
            if name.localname == "href":
                assert re.fullmatch(r"#[A-Za-z_][\w.-]*", value), value
            if name.localname == "style":
                for decl in tinycss2.parse_blocks_contents(value, skip_whitespace=True):
                    assert decl.type == "declaration" and decl.lower_name in PROPERTIES, value
            assert "url(" not in LOCAL_URL.sub("", value), value
            assert ":" not in value or name.localname == "style", value


def test_the_corpus_covers_each_attack_and_says_what_it_tries():
    assert len(HOSTILE) >= 30
    for path in HOSTILE:
        assert path.read_text(encoding="utf-8").startswith("<!-- Tries: "), path.name


@pytest.mark.parametrize("path", [p for p in HOSTILE if p.stem not in REFUSED], ids=lambda p: p.stem)
def test_hostile_svg_comes_out_as_a_static_drawing(path):
    cleaned = clean_svg(path.read_bytes())
    check_output(cleaned.svg)
    assert cleaned.dropped, "something was left out, and the editor is told what"
    assert cleaned.svg != path.read_bytes()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_svg_with_nothing_safe_to_draw_is_refused(name):
    with pytest.raises(SvgRefused, match=re.escape(REFUSED[name])):
        clean_svg((CORPUS / f"{name}.svg").read_bytes())


def test_a_refused_logo_names_the_edition_file_the_field_and_what_to_change(tmp_path):
    logo = tmp_path / "favicon.svg"
    logo.write_bytes((CORPUS / "root-not-svg-namespace.svg").read_bytes())
    with pytest.raises(DataError) as err:
        load_edition(write_edition(tmp_path, favicon=str(logo)))
    message = str(err.value)
    assert f"edition.yml: field 'favicon': '{logo}': its root element is <svg> of namespace" in message
    assert 'the file must start with <svg xmlns="http://www.w3.org/2000/svg">' in message


# ---------------------------------------------------------------- what honest logos keep

def pixels(svg: bytes, height: int = 96) -> Image.Image:
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), height=height))
    return Image.open(io.BytesIO(png)).convert("RGBA")


def same_drawing(a: bytes, b: bytes) -> bool:
    first, second = pixels(a), pixels(b)
    if first.size != second.size:
        return False
    return all(high <= 1 for _low, high in ImageChops.difference(first, second).getextrema())


# An exported logo as drawing programs write it: a stylesheet of classes, gradients that inherit
# their stops, clip paths, a symbol drawn twice, text and metadata.
EXPORTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"
     viewBox="0 0 120 60" width="120" height="60">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <style>.st0{fill:#1f5130} .st1{fill:url(#b);stroke:#8a1c5b;stroke-width:2} #t{font-size:12px}</style>
  <defs>
    <linearGradient id="a"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#1f5130"/></linearGradient>
    <linearGradient id="b" xlink:href="#a" x1="0" x2="1"/>
    <clipPath id="c"><circle cx="30" cy="30" r="25"/></clipPath>
    <symbol id="s" viewBox="0 0 10 10"><path d="M0 10L5 0 10 10z"/></symbol>
  </defs>
  <rect class="st0" width="120" height="60" rx="6"/>
  <g clip-path="url(#c)"><rect class="st1" x="5" y="5" width="50" height="50"/></g>
  <use xlink:href="#s" x="70" y="10" width="20" height="20" fill="#fff"/>
  <use href="#s" x="90" y="10" width="20" height="20" style="fill:#8a1c5b"/>
  <text id="t" x="64" y="52" fill="#fff">Ville</text>
</svg>"""


@pytest.mark.parametrize("path", sorted((ROOT / "edition" / "reference").glob("*.svg")), ids=lambda p: p.name)
def test_reference_logos_look_the_same_once_cleaned(path):
    original = path.read_bytes()
    cleaned = clean_svg(original)
    assert cleaned.dropped == [] and same_drawing(original, cleaned.svg)


def test_an_exported_logo_keeps_its_stylesheet_gradients_clip_paths_and_symbols():
    cleaned = clean_svg(EXPORTED)
    check_output(cleaned.svg)
    assert b"<style" not in cleaned.svg and b"style=\"fill:#1f5130\"" in cleaned.svg
    assert same_drawing(EXPORTED, cleaned.svg)


def test_png_is_encoded_again_without_metadata_or_appended_bytes(tmp_path):
    image = Image.new("RGBA", (40, 20), (31, 81, 48, 255))
    image.putpixel((3, 4), (255, 0, 0, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>evil()</script>")
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    path = tmp_path / "logo.png"
    path.write_bytes(out.getvalue() + b"<html><script>evil()</script></html>")  # a polyglot's tail
    fresh = published(path)
    assert b"evil" not in fresh and b"tEXt" not in fresh and fresh.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(fresh)) as again:
        assert again.convert("RGBA").tobytes() == image.tobytes()


def test_documents_logo_is_drawn_from_the_cleaned_svg(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_bytes((CORPUS / "style-second-url.svg").read_bytes())
    edition = load_edition(write_edition(tmp_path, logo=str(logo), logo_documents=None, favicon=None))
    assets = edition_assets(edition, cache=tmp_path / "cache")
    cleaned = clean_svg(logo.read_bytes()).svg
    assert assets.files[assets.logo].read_bytes() == cleaned
    assert assets.files[assets.favicon].read_bytes() == cleaned
    drawn = bytes(resvg_py.svg_to_bytes(svg_string=cleaned.decode("utf-8"), height=240))
    assert assets.doc_logo.read_bytes() == drawn


@pytest.mark.parametrize("given", [True, False], ids=["logo_documents", "the logo in its place"])
def test_documents_logo_that_cannot_be_drawn_names_the_file_and_the_field(tmp_path, given):
    logo = tmp_path / "flat.svg"
    logo.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"><rect width="1" height="1"/></svg>')
    changes = {"logo_documents": str(logo)} if given else {"logo": str(logo)}
    with pytest.raises(DataError) as err:
        load_edition(write_edition(tmp_path, **changes))
    message = str(err.value)
    assert "edition.yml: field 'logo_documents': " in message
    assert "cannot be drawn as the documents' logo (SVG has an invalid size)" in message
    assert (f"'{logo}' cannot be drawn" if given else f"not set, so the documents use the logo '{logo}'") in message


def test_image_error_is_what_a_refused_svg_raises(tmp_path):
    path = tmp_path / "logo.svg"
    path.write_bytes((CORPUS / "nothing-drawable.svg").read_bytes())
    with pytest.raises(ImageError, match="has nothing left to draw"):
        published(path)


# ---------------------------------------------------------------- a built edition

@pytest.mark.build
@pytest.mark.xdist_group("edition-fixture")
def test_a_built_edition_publishes_none_of_a_hostile_logo(tmp_path):
    """The leaks that passed the old check: an XHTML form whose button runs javascript: on a click
    (logo), external url() in presentation attributes (favicon), a second url() in a stylesheet
    (documents' logo)."""
    images = {"logo": "xhtml-child", "favicon": "presentation-url", "logo_documents": "style-second-url"}
    for field, name in images.items():
        (tmp_path / f"{field}.svg").write_bytes((CORPUS / f"{name}.svg").read_bytes())
    edition = write_edition(tmp_path, id="hostile-logo", **{f: f"{f}.svg" for f in images})
    site = tmp_path / "site"
    env = {**os.environ, "SC_EDITION": str(edition), "SC_DOWNLOADS": "0"}
    done = subprocess.run([sys.executable, "-m", "scripts.build", "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    folder = site / "fr" / "assets" / "edition"
    shipped = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert {"logo.svg", "favicon.svg"} <= set(shipped) and not any(n.endswith(".png") for n in shipped)
    with zipfile.ZipFile(site / "hostile-logo.zip") as archive:
        for name in ("logo.svg", "favicon.svg"):
            assert archive.read(f"hostile-logo/fr/assets/edition/{name}") == shipped[name]
    for name in ("logo.svg", "favicon.svg"):
        check_output(shipped[name])
    assert shipped["logo.svg"] == clean_svg((CORPUS / "xhtml-child.svg").read_bytes()).svg
    page = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/edition/logo.svg"' in page
