"""Temporary worksheet section: replaced by the worksheets feature (worksheets/)."""
from __future__ import annotations

from .registry import Ctx, macro


@macro
def worksheet(ctx: Ctx, step: str | None = None) -> str:
    ctx.data.get("step", step or ctx.step)
    return ""
