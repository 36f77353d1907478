"""Helpers of the worksheet PDF tests: a worksheet's own words, its filled form, its widgets
and boxes as readers see them, and a flattened copy."""
from __future__ import annotations


from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject

from smartcity.outputs.worksheets.view import SheetView
from tests.outputs import pdf_readers
from tests.outputs.labels import own_words, words  # noqa: F401 - the words every format must show

LONG = " ".join(["réflexion", "financement", "vérifier", "participation", "citoyenne", "quartier"] * 40)[:1500]


def box_names(path) -> list[str]:
    """The accessible name of every box (checkbox or radio option): its /Form structure
    element's Alt, else its field's tooltip (/TU), its own or its parent's."""
    reader = PdfReader(path)
    tree = reader.trailer["/Root"].get("/StructTreeRoot")
    nums = tree.get_object()["/ParentTree"].get_object()["/Nums"] if tree else []
    alts = {int(nums[i]): nums[i + 1].get_object().get("/Alt") for i in range(0, len(nums), 2)
            if isinstance(nums[i + 1].get_object(), DictionaryObject)}
    names = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            w = annot.get_object()
            field = w if "/FT" in w else w.get("/Parent", DictionaryObject()).get_object()
            if w.get("/Subtype") == "/Widget" and field.get("/FT") == "/Btn":
                names.append(str(alts.get(w.get("/StructParent")) or w.get("/TU") or field.get("/TU", "")))
    return names


def fill_all(v: SheetView, path, tmp_path):
    """Every field answered: text, a tick in each checklist, an option in each question."""
    values = {}
    for s in v.sections:
        for f in s.fields:
            if f.type == "short":
                values[f.name] = "Namur"
            elif f.type == "long":
                values[f.name] = LONG
            elif f.type == "checklist":
                values[f.option_name(f.options[-1])] = "/Yes"
            elif f.type in ("choice", "rating"):
                values[f.name] = f"/{f.options[1].value}"
    writer = PdfWriter(clone_from=PdfReader(path))
    # The file's NeedAppearances left as it is (None), as a reader that fills and saves does:
    # with the flag set, poppler redrew every box from its /DA, found none, and drew no tick.
    writer.update_page_form_field_values(None, values, auto_regenerate=None)
    target = tmp_path / f"filled-{path.name}"
    writer.write(target)
    return target, values


def widgets(path):
    """(page, rect, page height, field, shows an answer, is a box) of every widget once filled."""
    reader = PdfReader(path)
    out = []
    for n, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []):
            w = annot.get_object()
            if w.get("/Subtype") != "/Widget":
                continue
            ticked = "/AS" in w and w["/AS"] != "/Off"
            typed = "/AS" not in w and bool(str(w.get("/V", "")).strip())
            name = w.get("/T") or w["/Parent"]["/T"]
            out.append((n, w["/Rect"], float(page.mediabox.height), name, ticked or typed, "/AS" in w))
    return out


def flattened(v, path, flattener, tmp_path):
    filled, values = fill_all(v, path, tmp_path)
    target = tmp_path / f"{flattener}-flat.pdf"
    if flattener == "qpdf":
        return filled, values, pdf_readers.qpdf_flatten(filled, target)
    return filled, values, pdf_readers.pypdf_flatten(filled, values, target)


def blank_once_flat(path, filled, flat, tmp_path, names=None):
    """The answered widgets (of `names`, or all) that show no ink once flattened (poppler)."""
    pages, blank = {}, []
    for page, rect, height, name, shown, _ in widgets(filled):
        if shown and (names is None or name in names):
            if page not in pages:
                pages[page] = (pdf_readers.poppler(path, page, tmp_path), pdf_readers.poppler(flat, page, tmp_path))
            before, after = (pdf_readers.ink(image, rect, height) for image in pages[page])
            if after <= before + 8:
                blank.append(f"{name} ({before} → {after} dark pixels)")
    return blank


def tick_one(v):
    return {f.name for s in v.sections for f in s.fields if f.type in ("choice", "rating")}
