"""The Word file's look and package: the edition's colours, the page, and honest properties.

python-docx starts from its own template, written by Word for Mac in 2013: headings in
Word's blue, a blank thumbnail, an app.xml naming Word, and Word 2010's second style
sheet. Each is replaced or dropped here.
"""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from xml.sax.saxutils import escape, quoteattr
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from smartcity.outputs.worksheets.dates import as_datetime
from smartcity.outputs.worksheets.view import SheetView
from smartcity.outputs.worksheets.word_controls import field

RASTER = {".png", ".jpg", ".jpeg", ".gif", ".bmp"}
TEXT = RGBColor(0x1A, 0x1A, 0x1A)
LOGO_MM = 9
WIDTH_MM = 178  # A4 less two 16 mm margins
HEADINGS = {"Title": 20, "Heading 1": 16, "Heading 2": 12, "Heading 3": 10}
DROPPED = ("http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.THUMBNAIL)
APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Application>{app}</Application></Properties>')
CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
          'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>')
CUSTOM_ITEM = ('<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name={name}>'
               '<vt:lpwstr>{value}</vt:lpwstr></property>')


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def styles(doc, v: SheetView) -> None:
    """Headings in the edition's colour (their linked character styles too), text in near-black."""
    colour, names = rgb(v.header.colour), {s.name for s in doc.styles}
    # Every heading level, the ones a user may add too, loses Word's theme blue.
    for name in ["Title"] + [f"Heading {n}" for n in range(1, 10)]:
        for style_name in (name, f"{name} Char"):
            if style_name in names:
                font = doc.styles[style_name].font
                font.color.rgb = colour if name in ("Title", "Heading 1", "Heading 2") else TEXT
                if name in HEADINGS:
                    font.size = Pt(HEADINGS[name])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), v.locale)
    rpr.append(lang)  # last of the children Normal has: the schema puts w:lang after w:sz


def _bottom_rule(paragraph, colour: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", colour.lstrip("#"))):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.insert_element_before(border, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                              "w:sectPr", "w:pPrChange")


def page(doc, v: SheetView) -> None:
    """A4; the header (logo, name, a rule) stands clear of the text on every page; the footer
    names the publisher and numbers the pages."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.header_distance, section.top_margin = Mm(8), Mm(8 + LOGO_MM + 12)
    section.footer_distance, section.bottom_margin = Mm(8), Mm(20)
    head = section.header.paragraphs[0]
    if v.header.logo and Path(v.header.logo).suffix.lower() in RASTER:
        head.add_run().add_picture(str(v.header.logo), height=Mm(LOGO_MM))
        doc_pr = head.runs[-1]._r.xpath(".//wp:docPr")[0]
        doc_pr.set("descr", v.labels["doc.logo_alt"].replace("{name}", v.header.organisation))
        head.add_run("  ")
    run = head.add_run(v.header.name)
    run.bold, run.font.color.rgb, run.font.size = True, rgb(v.header.colour), Pt(9)
    _bottom_rule(head, v.header.colour)
    foot = section.footer.paragraphs[0]
    foot.paragraph_format.tab_stops.add_tab_stop(Mm(WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    foot.add_run(v.footer() + "\t").font.size = Pt(8)
    label = v.labels["doc.page"]
    before, rest = label.split("{n}", 1)
    middle, after = rest.split("{total}", 1)
    for text, code in ((before, None), (None, "PAGE"), (middle, None), (None, "NUMPAGES"), (after, None)):
        if code:
            field(foot, code, "1", 16)
        elif text:
            foot.add_run(text).font.size = Pt(8)


def package(doc, v: SheetView) -> None:
    """Core properties from the content (the same bytes for the same worksheet), the template's
    leftovers gone, and app.xml naming what wrote the file."""
    props = doc.core_properties
    props.title, props.subject, props.author = v.title, v.subject, v.header.organisation
    props.keywords, props.language, props.comments = v.id, v.locale, v.purpose
    props.last_modified_by, props.revision = v.header.organisation, 1
    props.created = props.modified = as_datetime(v.header.changed)
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in DROPPED]:
            del rels[rid]
    app = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/docProps/app.xml")
    app._blob = APP.format(app=f"python-docx {version('python-docx')}").encode()
    items = "".join(CUSTOM_ITEM.format(pid=pid, name=quoteattr(name), value=escape(value))
                    for pid, (name, value) in enumerate(v.identity().items(), start=2))  # pids start at 2
    custom = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES,
                  CUSTOM.format(items=items).encode("utf-8"), doc.part.package)
    doc.part.package.relate_to(custom, RT.CUSTOM_PROPERTIES)
