"""Page macros of the worksheets: the form in a step page, and the worksheets index.

The renderers and generators live in the `worksheets` package.
"""
from __future__ import annotations

from smartcity.outputs.worksheets.build import downloads
from smartcity.outputs.worksheets.dossier_view import dossier_view
from smartcity.outputs.worksheets.html import render_dossier, render_form, render_index
from smartcity.outputs.worksheets.load import load_cached
from smartcity.outputs.worksheets.view import view

from smartcity.model.loader import DataError
from smartcity.pages.registry import Ctx, macro
from smartcity.model.traversal import locate


def _sheet(data, step_id: str):
    sheets = load_cached(data)
    if step_id not in sheets:
        raise DataError(f"step {step_id} has no worksheet: add data/worksheets/{step_id}.yml")
    return sheets[step_id]


@macro
def worksheet(ctx: Ctx, step: str | None = None) -> str:
    """The step's worksheet as a form, with its downloads; on a part page, that part's sections."""
    _, parent, unit = locate(ctx.data, step or ctx.step)
    v = view(ctx.data, _sheet(ctx.data, parent.id), ctx.lang)
    items = downloads(ctx.data, ctx.lang)[parent.id]
    part = unit.id if unit is not parent else None
    return render_form(ctx.data, ctx.lang, v, ctx.url, items, ctx.edition, part)


@macro
def worksheets_index(ctx: Ctx) -> str:
    """Every worksheet, linked to its step, with its downloads and their sizes."""
    sheets = load_cached(ctx.data)
    views = [view(ctx.data, s, ctx.lang) for s in sheets.values()]
    return render_index(ctx.data, ctx.lang, views, downloads(ctx.data, ctx.lang), ctx.url)


@macro
def dossier(ctx: Ctx) -> str:
    """The strategy dossier: its cover (the municipality's name and the date, saved with the
    answers) and the buttons that build it as DOCX or ODT from every worksheet's answers."""
    sheets = load_cached(ctx.data)
    d = dossier_view(ctx.data, ctx.lang, [view(ctx.data, s, ctx.lang) for s in sheets.values()])
    return render_dossier(ctx.data, ctx.lang, d, downloads(ctx.data, ctx.lang)[d.id], ctx.url, ctx.edition)
