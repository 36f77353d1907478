"""A worksheet PDF's form fields, finished with pypdf so that they work in every reader.

WeasyPrint 70 writes the fields, but a checkbox has no `/DA` and no "off" appearance, text
fields have no appearance at all and the form sets `NeedAppearances`: poppler then draws no
tick ("Missing 'Tf' operator"). Its radio groups give every option a name of its own. So:

- every box gets a `/DA`, an "on" and an "off" appearance drawn as paths (no font needed);
- the boxes of a "tick one" question (choice, rating) become one radio field named as the
  question, whose options are its states (`/V` is the option's id, as in the page form);
- text and list fields get an (empty) appearance; `long` answers are multi-line with an
  automatic font size, in a box sized to hold 1,500 characters at 7 pt or more;
- every field's tooltip (`/TU`) names its question, and for an option the option too;
- `NeedAppearances` goes, since every field now has its appearance;
- pages ready for flattening: WeasyPrint flips the page (`1 0 0 -1 0 h cm`) outside any
  `q`, so what a flattener appends after it (pypdf draws the answers so) landed upside down,
  off the page, and writes each widget's `/Rect` top first, which pypdf takes for the lower
  corner. Each page's content is wrapped in `q`/`Q`, and the rectangles are normalised.
"""
from __future__ import annotations

import re

from pypdf import PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject,
                           StreamObject, TextStringObject)

from smartcity.outputs.worksheets.view import SheetView

RADIO = (1 << 15) | (1 << 14)      # Radio, NoToggleToOff
MULTILINE = 1 << 12
ON = "/Yes"
TICK_DA = "/ZaDb 0 Tf 0 g"
SEP = " – "


def _tooltips(v: SheetView) -> tuple[dict[str, str], dict[str, tuple[str, dict[str, str]]]]:
    """Tooltips of the terminal fields; and the radio groups: name -> (question, {box: option id})."""
    tips: dict[str, str] = {}
    groups: dict[str, tuple[str, dict[str, str]]] = {}
    for s in v.sections:
        for f in s.fields:
            if f.type in ("short", "long"):
                tips[f.name] = f.label
            elif f.type == "checklist":
                tips.update({f.option_name(o): f.label + SEP + o.label for o in f.options})
            elif f.type in ("choice", "rating"):
                groups[f.name] = (f.label, {f.option_name(o): o.value for o in f.options})
                tips.update({f.option_name(o): f.label + SEP + o.label for o in f.options})
            else:
                tips.update({f.cell_name(r, c): f.label + SEP + r.label + SEP + c.label
                             for r in f.rows for c in f.columns})
    return tips, groups


def _xobject(writer: PdfWriter, width: float, height: float, body: str) -> object:
    stream = StreamObject()
    stream.set_data(body.encode("latin-1"))
    stream.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                   NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0),
                                                     FloatObject(width), FloatObject(height)])})
    return writer._add_object(stream)


def _size(widget: DictionaryObject) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(n) for n in widget["/Rect"])
    return abs(x2 - x1), abs(y2 - y1)


def _tick(w: float, h: float) -> str:
    return (f"q 0.1 0.1 0.1 rg {w * .18:.2f} {h * .52:.2f} m {w * .42:.2f} {h * .2:.2f} l "
            f"{w * .84:.2f} {h * .82:.2f} l {w * .72:.2f} {h * .9:.2f} l {w * .42:.2f} {h * .42:.2f} l "
            f"{w * .28:.2f} {h * .62:.2f} l h f Q")


def _dot(w: float, h: float) -> str:
    r, cx, cy, k = min(w, h) * .3, w / 2, h / 2, min(w, h) * .3 * .5523
    return (f"q 0.1 0.1 0.1 rg {cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} "
            f"{cx:.2f} {cy + r:.2f} c {cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c f Q")


def _box(writer: PdfWriter, widget: DictionaryObject, state: str, radio: bool) -> None:
    w, h = _size(widget)
    widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): DictionaryObject({
        NameObject(state): _xobject(writer, w, h, (_dot if radio else _tick)(w, h)),
        NameObject("/Off"): _xobject(writer, w, h, ""),
    })})
    widget[NameObject("/AS")] = NameObject("/Off")
    widget[NameObject("/DA")] = TextStringObject(TICK_DA)
    widget[NameObject("/MK")] = DictionaryObject({NameObject("/CA"): TextStringObject("l" if radio else "4")})


def _struct_alt(widget: DictionaryObject, roots: dict[int, DictionaryObject], text: str) -> None:
    elem = roots.get(widget.indirect_reference.idnum) if widget.indirect_reference else None
    if elem is not None:
        elem[NameObject("/Alt")] = TextStringObject(text)


def _form_elements(writer: PdfWriter) -> dict[int, DictionaryObject]:
    """Widget object number -> its /Form structure element (through the parent tree)."""
    root = writer._root_object.get("/StructTreeRoot")
    if root is None:
        return {}
    nums = root.get_object()["/ParentTree"].get_object()["/Nums"]
    out = {}
    for page in writer.pages:
        for annot in page.get("/Annots", ArrayObject()):
            key = annot.get_object().get("/StructParent")
            if key is None:
                continue
            for i in range(0, len(nums), 2):
                if int(nums[i]) == int(key):
                    out[annot.idnum] = nums[i + 1].get_object()
    return out


def _fonts(writer: PdfWriter, acro: DictionaryObject) -> None:
    """The form's own resources: the page fonts plus ZapfDingbats for the boxes' /DA."""
    fonts = DictionaryObject(acro["/DR"].get_object().get("/Font", DictionaryObject()).get_object())
    fonts[NameObject("/ZaDb")] = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats")}))
    acro[NameObject("/DR")] = DictionaryObject({NameObject("/Font"): fonts})


def _ready_to_flatten(writer: PdfWriter) -> None:
    """Content added after a page's own starts from the default coordinates; lower corner first."""
    for page in writer.pages:
        contents = page.get_contents()
        if contents is not None:
            contents.set_data(b"q\n" + contents.get_data() + b"\nQ\n")
            page.replace_contents(contents)
        for annot in page.get("/Annots", ArrayObject()):
            x1, y1, x2, y2 = (float(n) for n in annot.get_object()["/Rect"])
            annot.get_object()[NameObject("/Rect")] = ArrayObject(
                FloatObject(n) for n in (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))


def finish_fields(writer: PdfWriter, v: SheetView) -> None:
    _ready_to_flatten(writer)
    acro = writer._root_object["/AcroForm"].get_object()
    _fonts(writer, acro)
    tips, groups = _tooltips(v)
    long_names = {f.name for s in v.sections for f in s.fields if f.type == "long"}
    in_group = {box: (name, state) for name, (_, boxes) in groups.items() for box, state in boxes.items()}
    parents: dict[str, DictionaryObject] = {}
    elements = _form_elements(writer)
    fields = ArrayObject()
    for ref in acro["/Fields"]:
        field = ref.get_object()
        name = str(field.get("/T", ""))
        field[NameObject("/TU")] = TextStringObject(tips.get(name, name))
        kind = field.get("/FT")
        if kind == "/Btn" and name in in_group:
            group, state = in_group[name]
            if group not in parents:
                parent = DictionaryObject({
                    NameObject("/FT"): NameObject("/Btn"), NameObject("/Ff"): NumberObject(RADIO),
                    NameObject("/T"): TextStringObject(group), NameObject("/TU"): TextStringObject(groups[group][0]),
                    NameObject("/V"): NameObject("/Off"), NameObject("/DA"): TextStringObject(TICK_DA),
                    NameObject("/Kids"): ArrayObject()})
                parents[group] = parent
                fields.append(writer._add_object(parent))
            parent = parents[group]
            for key in ("/T", "/TU", "/FT", "/V", "/Ff"):
                field.pop(key, None)
            field[NameObject("/Parent")] = parent.indirect_reference
            parent["/Kids"].append(ref)
            _box(writer, field, "/" + state, radio=True)
            _struct_alt(field, elements, tips[name])
            continue
        if kind == "/Btn":
            _box(writer, field, ON, radio=False)
            field[NameObject("/V")] = NameObject("/Off")
        elif kind in ("/Tx", "/Ch"):
            w, h = _size(field)
            field[NameObject("/AP")] = DictionaryObject({NameObject("/N"): _xobject(writer, w, h, "/Tx BMC EMC")})
            if name in long_names:
                field[NameObject("/Ff")] = NumberObject(int(field.get("/Ff", 0)) | MULTILINE)
                field[NameObject("/DA")] = TextStringObject(re.sub(r"[\d.]+ Tf", "0 Tf", str(field["/DA"])))
        _struct_alt(field, elements, tips.get(name, name))
        fields.append(ref)
    acro[NameObject("/Fields")] = fields
    acro.pop("/NeedAppearances", None)
