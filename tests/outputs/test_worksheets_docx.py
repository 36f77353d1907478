"""The Word files (issue 17, part 4), read back from their XML: the edition's colours, honest
properties, page numbers and a header clear of the text, boxes that tick on a click, every
answer place tagged with its field id, column widths LibreOffice honours, the logo's alt text.
Every worksheet in both languages, in a branded edition (the Val-Fleuri fixture's colour and
logo), so nothing here passes on the reference edition's defaults alone."""
from __future__ import annotations

import functools
import zipfile
from dataclasses import replace

import pytest
import yaml
from docx import Document
from docx.shared import Mm

from smartcity.outputs.worksheets import word
from smartcity.outputs.worksheets.columns import NUMBER_MM, widths
from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.load import load_worksheets
from smartcity.outputs.worksheets.view import header_for, view
from smartcity.outputs.worksheets.word_controls import UNCHECKED
from smartcity.outputs.worksheets.word_styles import LOGO_MM, WIDTH_MM
from tests.conftest import ROOT
from tests.outputs.labels import office_places, office_titles, options

LANGS = ("fr", "en")
FIXTURE = ROOT / "tests" / "fixtures" / "edition-valfleuri"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = {"w14": W14}
TWIPS = 1440 / 25.4  # a table grid's unit, per mm


def close(found: list[float], wanted: list[float]) -> bool:
    return len(found) == len(wanted) and all(abs(a - b) < 0.1 for a, b in zip(found, wanted))


def branded(lang: str):
    edition = yaml.safe_load((FIXTURE / "edition.yml").read_text(encoding="utf-8"))
    return replace(header_for(lang), colour=edition["colours"]["primary"], logo=FIXTURE / edition["logo"])


def written(data, folder, write, fmt: str) -> list:
    """(view, file) for every worksheet in both languages, in the branded edition."""
    out = []
    for lang in LANGS:
        header = branded(lang)
        for sheet in load_worksheets(data).values():
            v = view(data, sheet, lang, header)
            write(v, folder / v.filename(fmt))
            out.append((v, folder / v.filename(fmt)))
    return out


@pytest.fixture(scope="module")
def made(data, tmp_path_factory):
    return written(data, tmp_path_factory.mktemp("worksheet-docx"), word.write, "docx")


@functools.lru_cache(maxsize=None)
def opened(path):
    """Each file parsed once for the module's tests, which only read it."""
    return Document(str(path))


def w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def test_headings_in_the_editions_colour(made):
    """Not Word's theme blue: every heading level, and the title, in the edition's colour or near-black."""
    for v, path in made:
        doc = opened(path)
        colour = v.header.colour.lstrip("#").upper()
        for style in doc.styles:
            if style.name == "Title" or style.name.startswith("Heading "):
                found = style.element.find(f"{w('rPr')}/{w('color')}")
                assert found is not None and found.get(w("themeColor")) is None, f"{path.name}: {style.name} in the theme's colour"
        for name in ("Title", "Heading 1", "Heading 2"):
            assert str(doc.styles[name].font.color.rgb) == colour, f"{path.name}: {name}"
        used = {p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
        assert used == {"Heading 1", "Heading 2", "Heading 3"}, used


def test_properties_come_from_the_content_not_the_template(made):
    """No 2013 date, no "Microsoft Macintosh Word", no blank thumbnail; the same content gives the same bytes."""
    for v, path in made:
        props = opened(path).core_properties
        assert (props.title, props.author, props.language) == (v.title, v.header.organisation, v.locale), path.name
        assert props.created == props.modified == as_datetime(v.header.changed), path.name
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            app = package.read("docProps/app.xml").decode()
            stamps = {i.date_time[:3] for i in package.infolist()}
        assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n], f"{path.name}: {names}"
        assert "Microsoft" not in app and "<Template>" not in app, f"{path.name}: {app}"
        changed = as_datetime(v.header.changed)
        assert stamps == {(changed.year, changed.month, changed.day)}, f"{path.name}: zip entries stamped {stamps}"
    v, path = made[0]
    again = path.with_name("again.docx")
    word.write(v, again)
    assert again.read_bytes() == path.read_bytes()


def test_page_numbers_and_a_header_clear_of_the_text(made):
    for v, path in made:
        section = opened(path).sections[0]
        instructions = [i.text.strip() for i in section.footer._element.iter(w("instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"], f"{path.name}: {instructions}"
        # The body starts below the header's logo line with room to spare, on every page (one section).
        room = section.top_margin - section.header_distance
        assert room >= Mm(LOGO_MM + 8), f"{path.name}: {room.mm:.1f} mm for a {LOGO_MM} mm header"
        assert section.header.paragraphs[0]._p.find(f"{w('pPr')}/{w('pBdr')}") is not None, "the header's rule"


def _controls(path):
    body = opened(path).element.body
    return list(body.iter(w("sdt")))


def test_boxes_tick_on_a_click(made):
    """Content-control checkboxes (w14:checkbox), one per option; no bare ☐ left in the text."""
    for v, path in made:
        boxes = [c for c in _controls(path) if c.find(f"{w('sdtPr')}/{{{W14}}}checkbox") is not None]
        assert len(boxes) == options(v), f"{path.name}: {len(boxes)} checkboxes"
        for box in boxes:
            state = box.find(f"{w('sdtPr')}/{{{W14}}}checkbox/{{{W14}}}checked")
            assert state is not None and state.get(f"{{{W14}}}val") == "0"
        body = opened(path).element.body
        loose = [t.text for t in body.iter(w("t")) if chr(int(UNCHECKED, 16)) in (t.text or "")
                 and not any(a.tag == w("sdtContent") for a in t.iterancestors())]
        assert not loose, f"{path.name}: {len(loose)} boxes drawn as characters"


def test_every_answer_place_carries_its_field_id(made):
    """Each answer place is a content control tagged with its field id and named (alias) for people."""
    for v, path in made:
        controls = _controls(path)
        tags = [c.find(f"{w('sdtPr')}/{w('tag')}").get(w("val")) for c in controls]
        assert sorted(tags) == sorted(office_places(v)), f"{path.name}: {set(tags) ^ office_places(v)}"
        aliases = {tag: c.find(f"{w('sdtPr')}/{w('alias')}").get(w("val")) for tag, c in zip(tags, controls)}
        assert aliases == office_titles(v), f"{path.name}: {set(aliases.items()) ^ set(office_titles(v).items())}"
        ids = [c.find(f"{w('sdtPr')}/{w('id')}").get(w("val")) for c in controls]
        assert len(set(ids)) == len(ids), f"{path.name}: content-control ids repeat"


def test_column_widths_that_libreoffice_honours(made):
    """Fixed layout, a grid in the widths (LibreOffice reads the grid), a narrow number column and
    no column narrower than its header's longest word."""
    for v, path in made:
        doc = opened(path)
        grids = [t for t in doc.tables if len(t.columns) > 1]
        fields = [f for s in v.sections for f in s.fields if f.type == "table"]
        assert len(grids) == len(fields), path.name
        for table, f in zip(grids, fields):
            layout = table._tbl.tblPr.find(w("tblLayout"))
            assert layout is not None and layout.get(w("type")) == "fixed", f"{path.name}: {f.id} autofits"
            grid = [int(c.get(w("w"))) / TWIPS for c in table._tbl.tblGrid.iter(w("gridCol"))]
            numbered = all(r.numbered for r in f.rows)
            want = widths(numbered, [c.label for c in f.columns], WIDTH_MM)
            assert close(grid, want), f"{path.name}: {f.id} grid {grid}, not {want}"
            assert not numbered or abs(grid[0] - NUMBER_MM) < 0.1, f"{path.name}: {f.id} number column {grid[0]} mm"
            for row in table.rows:
                assert close([c.width.mm for c in row.cells], want), f"{path.name}: {f.id} cell widths"


def test_the_logo_has_alternative_text(made):
    for v, path in made:
        header = opened(path).sections[0].header.paragraphs[0]
        described = [d.get("descr") for d in header._p.xpath(".//wp:docPr")]
        assert described == [v.labels["doc.logo_alt"].replace("{name}", v.header.organisation)], path.name
