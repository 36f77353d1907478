"""The task-list fix: every box gets its item's text as its name."""
from __future__ import annotations

import markdown

from macros.qa_hooks import name_task_boxes


def test_task_boxes_are_named_after_their_item():
    source = "- [x] Council vote *held*\n- [ ] Budget & team\n    - [ ] nested\n"
    html = markdown.markdown(source, extensions=["pymdownx.tasklist"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    fixed = name_task_boxes(html)
    assert 'disabled checked aria-label="Council vote held"' in fixed
    assert 'aria-label="Budget &amp; team"' in fixed
    assert 'aria-label="nested"' in fixed
    assert fixed.count("aria-label=") == html.count('type="checkbox"') == 3


def test_other_markup_is_left_alone():
    text = '<ul><li><input type="checkbox"> x</li></ul>'
    assert name_task_boxes(text) == text
