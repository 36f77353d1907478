"""outputs/pdf_compact.py: what makes the guide smaller keeps what it shows and what it says.
The whole guide is checked by the Matterhorn subset (test_guide_pdf_pages.py), which also
checks that the element the parent tree names for each piece of content holds it."""
from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name

from smartcity.outputs.pdf_compact import compact, flatten_structure


def _elem(pdf, kind, parent, page=None, kids=(), **extra):
    elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + kind), P=parent, **extra))
    if page is not None:
        elem.Pg = page
    elem.K = Array(list(kids))
    return elem


def _document():
    """Two pages; a paragraph on both, holding a plain Span on each page, a Span with a
    language, a Span holding a link's annotation, and a NonStruct around a Span."""
    pdf = pikepdf.new()
    for _ in range(2):
        pdf.add_blank_page()
    p1, p2 = (page.obj for page in pdf.pages)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    doc = _elem(pdf, "Document", root)
    para = _elem(pdf, "P", doc, p1)
    plain = _elem(pdf, "Span", para, p1, [0])
    lang = _elem(pdf, "Span", para, p1, [1], Lang=pikepdf.String("en"))
    link = _elem(pdf, "Span", para, p1, [2, Dictionary(Type=Name.OBJR, Obj=pdf.make_indirect(Dictionary()))])
    wrapper = _elem(pdf, "NonStruct", para, p2)
    inner = _elem(pdf, "Span", wrapper, p2, [0])
    wrapper.K = Array([inner])
    para.K = Array([plain, lang, link, wrapper])
    doc.K = Array([para])
    root.K = Array([doc])
    p1.StructParents, p2.StructParents = 0, 1
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array([0, Array([plain, lang, link]), 1, Array([inner])])))
    pdf.Root.StructTreeRoot = root
    return pdf, para, lang, link


def test_meaningless_elements_give_their_content_to_their_parent():
    pdf, para, lang, link = _document()
    assert flatten_structure(pdf) == 3  # the plain Span, the NonStruct and the Span inside it
    kids = list(para.K)
    assert kids[0] == 0 and kids[1].objgen == lang.objgen and kids[2].objgen == link.objgen
    moved = kids[3]  # content of the second page: named by page, the paragraph's /Pg is the first
    assert moved.Type == Name.MCR and moved.MCID == 0 and moved.Pg.objgen == pdf.pages[1].obj.objgen
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    assert [e.objgen for e in tree[0]] == [para.objgen, lang.objgen, link.objgen]
    assert [e.objgen for e in tree[1]] == [para.objgen]


def test_compact_rounds_coordinates_but_keeps_scales_and_colours():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(b"0.75 0 0 0.75 0 0 cm\n0.956863 0.972549 0.976471 rg\n"
                                        b"64.251969 -75.590551 665.19685 971.338583 re\nf\n/a1.0 gs\n0.0000123 w\n")
    compact(pdf)
    assert page.obj.Contents.read_bytes() == (b"0.75 0 0 0.75 0 0 cm\n0.957 0.973 0.976 rg\n"
                                              b"64.3 -75.6 665.2 971.3 re\nf\n/a1.0 gs\n0 w\n")


def test_compact_joins_glyph_runs_only_where_nothing_moves_between_them():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(b"BT [<0030>0<00b9>72<0001>0<0046>] TJ ET\n<</MCID 0>> BDC EMC\n")
    compact(pdf)
    assert page.obj.Contents.read_bytes() == b"BT [<003000b9>72<00010046>] TJ ET\n<</MCID 0>> BDC EMC\n"
