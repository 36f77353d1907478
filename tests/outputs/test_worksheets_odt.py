"""The OpenDocument files (issue 17, part 4), read back from their XML: a space after list
numbers, rating options spaced, each cell border drawn once, headings and hints kept with
what follows, every answer place named with its field id, a header clear of the text, the
logo's title, honest properties. Every worksheet in both languages, in a branded edition."""
from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from odf.element import Element

from smartcity.outputs.worksheets import odt
from smartcity.outputs.worksheets.columns import widths
from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.odt_styles import WIDTH
from tests.outputs.labels import office_places, office_titles, options
from tests.outputs.test_worksheets_docx import close, written

NS = {p: f"urn:oasis:names:tc:opendocument:xmlns:{u}" for p, u in (
    ("office", "office:1.0"), ("text", "text:1.0"), ("style", "style:1.0"), ("table", "table:1.0"),
    ("draw", "drawing:1.0"), ("form", "form:1.0"), ("fo", "xsl-fo-compatible:1.0"), ("svg", "svg-compatible:1.0"),
    ("meta", "meta:1.0"))}
NS["dc"] = "http://purl.org/dc/elements/1.1/"
SIDES = ("top", "bottom", "left", "right")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class Package:
    """content.xml, styles.xml and meta.xml of one file, and its styles by name."""

    def __init__(self, path) -> None:
        with zipfile.ZipFile(path) as z:
            self.content, self.styles, self.meta = (etree.fromstring(z.read(n)) for n in ("content.xml", "styles.xml", "meta.xml"))
        self.named = {s.get(q("style:name")): s for tree in (self.content, self.styles)
                      for s in tree.iter(q("style:style"))}
        self.body = self.content.find("office:body/office:text", NS)

    def prop(self, element, family_props: str, attr: str):
        """A property of an element's style, following parent styles."""
        style = self.named.get(element.get(q("text:style-name")) or element.get(q("table:style-name"))
                               or element.get(q("draw:style-name")))
        while style is not None:
            props = style.find(f"style:{family_props}", NS)
            if props is not None and props.get(q(attr)) is not None:
                return props.get(q(attr))
            style = self.named.get(style.get(q("style:parent-style-name")))
        return None


@pytest.fixture(scope="module")
def made(data, tmp_path_factory):
    return [(v, path, Package(path)) for v, path in written(data, tmp_path_factory.mktemp("worksheet-odt"), odt.write, "odt")]


def fields(v):
    return [f for s in v.sections for f in s.fields]


def test_list_numbers_are_followed_by_a_space(made):
    """Not "1.Reprenez": the number is followed by a tab to an indent, or a space."""
    for v, path, pkg in made:
        lists = pkg.body.findall(".//text:list", NS)
        assert lists, path.name
        for element in lists:
            style = next(s for s in pkg.content.iter(q("text:list-style"))
                         if s.get(q("style:name")) == element.get(q("text:style-name")))
            level = style.find("text:list-level-style-number[@text:level='1']", NS)
            align = level.find("style:list-level-properties/style:list-level-label-alignment", NS)
            assert align is not None, f"{path.name}: the list number has no spacing"
            follow = align.get(q("text:label-followed-by"))
            tab = float(re.sub("[a-z]+$", "", align.get(q("text:list-tab-stop-position"), "0")))
            assert follow == "space" or (follow == "listtab" and tab > 0), f"{path.name}: {follow} {tab}"


def test_rating_options_are_spaced(made):
    """Each rating option is a box, its number, then kept spaces (text:s) before the next box."""
    for v, path, pkg in made:
        controls = {c.get(q("draw:name")): c for c in pkg.body.iter(q("draw:control"))}
        for f in (f for f in fields(v) if f.type == "rating"):
            boxes = [controls.get(f.option_name(o)) for o in f.options]
            assert None not in boxes, f"{path.name}: {f.id} has no boxes to tick"
            line = boxes[0].getparent()
            assert all(b.getparent() is line for b in boxes), f"{path.name}: {f.id} options on several lines"
            for box, following in zip(boxes, boxes[1:]):
                between = []
                node = box.getnext()
                while node is not None and node is not following:
                    between.append(node)
                    node = node.getnext()
                kept = sum(int(n.get(q("text:c"), "1")) for n in between if n.tag == q("text:s"))
                assert kept >= 2, f"{path.name}: {f.id} options crammed together"


def _rows(table):
    return [[c for c in row if c.tag in (q("table:table-cell"), q("table:covered-table-cell"))]
            for row in table.iter(q("table:table-row"))]


def _border(pkg, cell, side: str) -> bool:
    value = pkg.prop(cell, "table-cell-properties", f"fo:border-{side}") or pkg.prop(cell, "table-cell-properties", "fo:border")
    return bool(value) and value != "none"


def test_every_cell_border_is_drawn_once(made):
    """LibreOffice draws both neighbours' borders: two cells never both draw the edge they share."""
    for v, path, pkg in made:
        for table in pkg.body.iter(q("table:table")):
            rows = _rows(table)
            for r, row in enumerate(rows):
                for left, right in zip(row, row[1:]):
                    assert not (_border(pkg, left, "right") and _border(pkg, right, "left")), f"{path.name}: doubled"
                if r + 1 < len(rows):
                    for upper, lower in zip(row, rows[r + 1]):
                        assert not (_border(pkg, upper, "bottom") and _border(pkg, lower, "top")), f"{path.name}: doubled"
            outer = [rows[0], rows[-1], [row[0] for row in rows], [row[-1] for row in rows]]
            for side, cells in zip(SIDES, outer):
                assert all(_border(pkg, c, side) for c in cells), f"{path.name}: the table's {side} edge has gaps"


def test_headings_and_hints_keep_with_what_follows(made):
    """A heading, hint or intro never ends a page alone; and no heading is followed by a section,
    since LibreOffice then lets it go to the page foot anyway."""
    for v, path, pkg in made:
        hints = {f.help for f in fields(v) if f.help} | {s.intro for s in v.sections if s.intro}
        hints |= {v.labels[k] for k in ("doc.tick_one", "doc.tick_any")}
        for element in pkg.body.iter(q("text:h"), q("text:p")):
            text = "".join(element.itertext())
            if element.tag == q("text:h") or text in hints:
                assert pkg.prop(element, "paragraph-properties", "fo:keep-with-next") == "always", f"{path.name}: {text!r}"
            if element.tag == q("text:h"):
                assert element.getnext() is None or element.getnext().tag != q("text:section"), f"{path.name}: {text!r}"


def test_every_answer_place_is_named_with_its_field_id(made):
    """Text answers in sections named after their field, boxes as form checkboxes named after
    theirs, each with its question (and option) as its title."""
    for v, path, pkg in made:
        sections = [s.get(q("text:name")) for s in pkg.body.iter(q("text:section"))]
        checkboxes = {c.get(XML_ID) or c.get(q("form:id")): c for c in pkg.body.iter(q("form:checkbox"))}
        shapes = list(pkg.body.iter(q("draw:control")))
        assert len(shapes) == len(checkboxes) == options(v), path.name
        names = [checkboxes[s.get(q("draw:control"))].get(q("form:name")) for s in shapes]
        assert sorted(sections + names) == sorted(office_places(v)), f"{path.name}: {set(sections + names) ^ office_places(v)}"
        titles = {c.get(q("form:name")): c.get(q("form:title")) for c in checkboxes.values()}
        assert titles == {n: t for n, t in office_titles(v).items() if n in titles}, path.name
        assert [s.findtext("svg:title", namespaces=NS) for s in shapes] == [titles[n] for n in names], path.name


def test_column_widths(made):
    for v, path, pkg in made:
        grids = [t for t in pkg.body.iter(q("table:table")) if t.get(q("table:name")).startswith("t-")]
        tables = [f for f in fields(v) if f.type == "table"]
        assert len(grids) == len(tables), path.name
        for table, f in zip(grids, tables):
            found = []
            for column in table.findall("table:table-column", NS):
                cm = float(pkg.prop(column, "table-column-properties", "style:column-width").rstrip("cm"))
                found += [cm * 10] * int(column.get(q("table:number-columns-repeated"), "1"))
            want = widths(all(r.numbered for r in f.rows), [c.label for c in f.columns], WIDTH * 10)
            assert close(found, want), f"{path.name}: {f.id} columns {found}, not {want}"


def test_header_clear_of_the_text_and_logo_titled(made):
    for v, path, pkg in made:
        spacing = pkg.styles.find(".//style:page-layout/style:header-style/style:header-footer-properties", NS)
        assert spacing is not None, f"{path.name}: the header sits on the text"
        assert float(spacing.get(q("fo:margin-bottom"), "0cm").rstrip("cm")) >= 0.4, path.name
        logo = pkg.styles.find(".//style:master-page/style:header//draw:frame", NS)
        alt = v.labels["doc.logo_alt"].replace("{name}", v.header.organisation)
        assert logo is not None and logo.findtext("svg:title", namespaces=NS) == alt, path.name


def test_properties_come_from_the_content(made):
    for v, path, pkg in made:
        meta = pkg.meta.find("office:meta", NS)
        assert meta.findtext("meta:creation-date", namespaces=NS) == v.header.changed, path.name
        assert meta.findtext("dc:date", namespaces=NS) == v.header.changed, path.name
        assert (meta.findtext("dc:title", namespaces=NS), meta.findtext("dc:language", namespaces=NS)) == (v.title, v.locale)
        assert meta.findtext("dc:creator", namespaces=NS) == v.header.organisation, path.name
        with zipfile.ZipFile(path) as z:
            first, stamps = z.infolist()[0], {i.date_time[:3] for i in z.infolist()}
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED, path.name
        changed = as_datetime(v.header.changed)
        assert stamps == {(changed.year, changed.month, changed.day)}, f"{path.name}: zip entries stamped {stamps}"
    # The same bytes whether the file is a process's first (odfpy's namespace list still empty,
    # as in a fresh build worker) or comes after others.
    v, path, _ = made[0]
    Element.namespaces.clear()
    odt.write(v, path.with_name("first.odt"))
    odt.write(v, path.with_name("later.odt"))
    assert path.with_name("first.odt").read_bytes() == path.with_name("later.odt").read_bytes() == path.read_bytes()
