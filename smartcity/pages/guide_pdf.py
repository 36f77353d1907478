"""The home page's link to the whole guide as a PDF, {{ guide_pdf() }}: the outputs layer
renders it (smartcity/outputs/guide_pdf/), the page registry only names it."""
from __future__ import annotations

from smartcity.outputs.guide_pdf.assemble import render_link
from smartcity.pages.registry import macro

macro("guide_pdf")(render_link)
