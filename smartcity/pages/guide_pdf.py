"""The home page's link to the whole guide as a PDF (smartcity/outputs/guide_pdf/ makes it)."""
from __future__ import annotations

from smartcity.outputs.guide_pdf.assemble import render_link
from smartcity.pages.registry import Ctx, macro


@macro
def guide_pdf(ctx: Ctx) -> str:
    """A link to the whole guide as a PDF, with its size."""
    return render_link(ctx.data, ctx.lang, ctx.edition, ctx.url)
