"""Fixes to Material's markup outside the browser: task-list names, copied partials."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from smartcity.mkdocs.qa_hooks import name_task_boxes


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


# ---- the Material partials we had to copy -------------------------------------------------------

@pytest.mark.parametrize("name", ["search.html", "nav-item.html", "toc.html"])
def test_copied_material_partials_match_the_installed_material(name):
    """The three partials are Material's own plus marked fixes: after a Material upgrade they
    must be re-copied, or the upgrade's changes to them would be silently lost."""
    from importlib.metadata import version

    import material

    ours = (Path(__file__).resolve().parents[2] / "overrides" / "partials" / name).read_text(encoding="utf-8")
    installed = version("mkdocs-material")
    stated = re.search(r"Material (\d+\.\d+\.\d+)'s partials/", ours)
    assert stated, f"{name}: the header must name the Material version it was copied from"
    assert stated.group(1) == installed, f"{name} was copied from Material {stated.group(1)}, {installed} is installed: re-copy and re-apply the sc: fixes"
    original = (Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8")
    # Apart from the header and the marked fixes, every line of Material's partial is still there.
    kept = [line for line in original.splitlines()[3:] if line.strip() and line not in ours]
    assert len(kept) <= 2, f"{name}: lines of Material's partial missing from ours: {kept}"
