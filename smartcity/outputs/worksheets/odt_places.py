"""The answer places of the OpenDocument file, each under its input name (view.py).

A text answer sits in a section named after its input; a box to tick is a form checkbox
(LibreOffice ticks it on a click) named after its input, with the question and the option
as its tooltip and title, and the option's words printed next to it.
"""
from __future__ import annotations

from odf import draw, form, office, svg
from odf.opendocument import OpenDocumentText
from odf.teletype import addTextToElement
from odf.text import P, Section

CHECKBOX = "ooo:com.sun.star.form.component.CheckBox"
FORM = "ooo:com.sun.star.form.component.Form"


class Places:
    def __init__(self, doc: OpenDocumentText, sheet_id: str, control_style) -> None:
        forms = office.Forms(automaticfocus="false", applydesignmode="false")
        self.form = form.Form(name=sheet_id, controlimplementation=FORM, applyfilter="true", commandtype="table")
        forms.addElement(self.form)
        doc.text.addElement(forms)  # office:forms comes first in office:text
        self.style, self.count = control_style, 0
        self.prefix = ""  # the dossier's: each worksheet's places named "<worksheet>.<input>"

    def section(self, name: str, paragraph_style=None) -> Section:
        """A named section holding one empty paragraph, where the answer is typed."""
        section = Section(name=self.prefix + name)
        section.addElement(P(stylename=paragraph_style) if paragraph_style else P())
        return section

    def checkbox(self, paragraph: P, name: str, title: str, label: str, gap: str = "") -> None:
        """A box at the end of `paragraph`, then its option's words (and `gap` after them)."""
        self.count += 1
        control_id = f"control{self.count}"
        name = self.prefix + name
        self.form.addElement(form.Checkbox(id=control_id, name=name, controlimplementation=CHECKBOX,
                                           title=title, currentstate="unchecked", label=""))
        shape = draw.Control(control=control_id, anchortype="as-char", width="0.42cm", height="0.42cm",
                             stylename=self.style, name=name)
        shape.addElement(svg.Title(text=title))
        paragraph.addElement(shape)
        addTextToElement(paragraph, f" {label}{gap}")
