"""MkDocs hook: accessibility fixes to generated markup that no template can reach.

Task lists (pymdownx.tasklist) draw each box as an <input> inside an empty
<label>, so the box has no accessible name (axe `label`, WCAG 1.3.1 / 4.1.2).
The item's own text becomes its name.
"""
from __future__ import annotations

import html
import re

_TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control">)<input type="checkbox"'
    r'((?: disabled| checked)*)\s*/?>(<span class="task-list-indicator"></span></label>)(.*?)(?=<ul|<ol|</li>)',
    re.S,
)


def name_task_boxes(text: str) -> str:
    def fix(m: re.Match) -> str:
        name = " ".join(re.sub(r"<[^>]+>", " ", m.group(4)).split())
        label = f' aria-label="{html.escape(html.unescape(name), quote=True)}"' if name else ""
        return f'{m.group(1)}<input type="checkbox"{m.group(2)}{label}>{m.group(3)}{m.group(4)}'
    return _TASK.sub(fix, text)


def on_page_content(html_text, page, config, files):
    return name_task_boxes(html_text) if "task-list-control" in html_text else html_text
