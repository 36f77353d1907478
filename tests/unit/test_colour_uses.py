"""Every edition colour is measured wherever the theme uses it (smartcity/edition/colour.py USES), in both
palettes: as it is where it is used as it is, and through the derived shade where one is used."""
from __future__ import annotations

import re

import pytest

from smartcity.edition import colour
from smartcity.edition.model import load_edition
from smartcity.model.loader import DataError
from tests.unit.test_edition import FIXTURE, ROOT, write_edition

REFERENCE = {"primary": "#0b5563", "accent": "#a3461f", "header_text": "#ffffff"}
VAL_FLEURI = {"primary": "#1f5130", "accent": "#8a1c5b", "header_text": "#ffffff"}


def ratio(use: colour.Use, colours: dict[str, str]) -> float:
    named = colour.roles(colours["primary"], colours["accent"], colours["header_text"])
    return colour.contrast(named[use.fg], named[use.bg])


def test_the_table_covers_each_colour_in_both_palettes():
    roles = colour.roles(**{k: v for k, v in REFERENCE.items()})
    for use in colour.USES:
        assert use.fg in roles and use.bg in roles, use
        assert use.minimum in (None, colour.AA, colour.NON_TEXT), use
    covered = {(u.field, u.scheme) for u in colour.USES}
    for field in ("primary", "accent"):
        assert {(field, "light"), (field, "dark")} <= covered | {(field, "both")} and (
            (field, "dark") in covered or (field, "both") in covered)
    kinds = {(u.field, u.minimum) for u in colour.USES}
    assert ("accent", colour.AA) in kinds and ("accent", colour.NON_TEXT) in kinds  # text, and rings


@pytest.mark.parametrize("colours", [REFERENCE, VAL_FLEURI], ids=["reference", "val-fleuri"])
@pytest.mark.parametrize("use", [u for u in colour.USES if u.minimum], ids=lambda u: f"{u.field} {u.what}")
def test_reference_and_fixture_colours_pass_every_use(colours, use):
    assert ratio(use, colours) >= use.minimum


def test_reference_and_fixture_editions_load():
    for path in (ROOT / "edition" / "reference" / "edition.yml", FIXTURE / "edition.yml"):
        assert load_edition(path).colours.accent


def test_derived_uses_measure_what_the_palette_css_sets():
    """The dark accent, dark link, link and tint are taken from palette(), not recomputed."""
    p = colour.palette(VAL_FLEURI["primary"], VAL_FLEURI["accent"])
    named = colour.roles(VAL_FLEURI["primary"], VAL_FLEURI["accent"])
    assert named["link"] == p["default"]["--md-typeset-a-color"]
    assert named["dark accent"] == p["slate"]["--md-accent-fg-color"]
    assert named["dark link"] == p["slate"]["--md-typeset-a-color"]
    assert named["dark tint"] == p["slate"]["--sc-primary-light"]
    assert named["dark accent text"] == p["slate"]["--md-accent-bg-color"]


@pytest.mark.parametrize("accent", ["#a3461f", "#8a1c5b", "#b8860b", "#1a4d8f"])
def test_hovered_buttons_are_readable_in_the_dark_palette(accent):
    """Material writes them in --md-accent-bg-color (white by default) on the lightened accent:
    1.94:1 for the reference accent until the dark palette set it."""
    slate = colour.palette("#0b5563", accent)["slate"]
    assert colour.contrast(slate["--md-accent-bg-color"], slate["--md-accent-fg-color"]) >= colour.AA


@pytest.mark.parametrize("accent, measured", [("#b8860b", "3.25:1"), ("#ffffff", "1.00:1"), ("#FFF", "1.00:1")])
def test_unreadable_accents_are_refused_with_ratio_and_a_passing_shade(tmp_path, accent, measured):
    path = write_edition(tmp_path, **{"colours.accent": accent})
    with pytest.raises(DataError) as err:
        load_edition(path)
    message = str(err.value)
    value = colour.normalise(accent)
    assert f"field 'colours.accent': {value} as hover, search match and caution text on the white page " \
           f"has a contrast ratio of {measured}, below the 4.5:1 that WCAG AA requires for text" in message
    assert f"{value} behind the white text of badges and hovered buttons has a contrast ratio of {measured}" in message
    shade = re.search(r"a darker shade of the same hue that passes is (#[0-9a-f]{6})", message).group(1)
    assert colour.refusal("accent", {**VAL_FLEURI, "accent": shade}) is None
    assert not re.search(r"\^|\[0-9|\\\\d", message), "no pattern in the message"


def test_the_proposed_accent_keeps_its_hue():
    import colorsys

    message = colour.refusal("accent", {**REFERENCE, "accent": "#b8860b"})
    shade = message.split("that passes is ")[1].split(" ")[0]
    hue = lambda c: colorsys.rgb_to_hls(*colour.rgb(c))[0]  # noqa: E731
    assert abs(hue(shade) - hue("#b8860b")) < 0.01


def test_an_accent_for_rings_only_is_not_enough():
    """#b8860b reaches 3:1 (rings, borders) on white but not 4.5:1 (text): refused for text only."""
    assert 3 <= colour.contrast("#b8860b", colour.WHITE) < 4.5
    message = colour.refusal("accent", {**REFERENCE, "accent": "#b8860b"})
    assert "requires for text" in message and "non-text" not in message


def test_a_derived_shade_is_named_as_derived():
    message = colour.refusal("primary", {**REFERENCE, "primary": "#4a90d9"})
    assert message.startswith("#4a90d9 behind the header text #ffffff has a contrast ratio of 3.34:1")
    assert "the shade derived from #4a90d9 for the inactive tabs, the header text at 70 % opacity, (" in message
    shade = message.split("that passes is ")[1].split(" ")[0]
    assert colour.refusal("primary", {**REFERENCE, "primary": shade}) is None


def test_a_pale_primary_under_dark_header_text_is_refused_for_its_borders_and_icons():
    message = colour.refusal("primary", {**REFERENCE, "primary": "#ffd700", "header_text": "#000000"})
    assert "#ffd700 for borders, icons, checkboxes and progress bars on the white page has a contrast " \
           "ratio of 1.40:1, below the 3:1 that WCAG AA requires for non-text contrast" in message


def test_dark_header_text_gets_a_lighter_search_field():
    assert colour.palette("#3fa461", "#8a1c5b", "#000000")["default"]["--sc-header-field"] == "#ffffff42"
    assert colour.palette("#0b5563", "#a3461f")["default"]["--sc-header-field"] == "#00000042"
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "sc-a11y.css").read_text(encoding="utf-8")
    assert "background-color: var(--sc-header-field, #00000042)" in css


def test_text_in_the_primary_hue_uses_the_link_shade_in_both_palettes():
    sheets = ROOT / "overrides" / "assets" / "stylesheets"
    for name, selector in (("sc-monitoring.css", ".md-typeset .sc-tag--satisfaction {"),
                           ("sc-implementation.css", ".md-typeset .sc-tech__number {"),
                           ("sc-implementation.css", ".md-typeset .sc-plan__level:not(:last-child)::after {")):
        css = (sheets / name).read_text(encoding="utf-8")
        rule = css[css.index(selector):]
        rule = rule[:rule.index("}")]
        assert "color: var(--md-typeset-a-color)" in rule, (name, selector)
        assert "--md-primary-fg-color" not in rule, (name, selector)
    a11y = (sheets / "sc-a11y.css").read_text(encoding="utf-8")
    assert "\n.md-typeset .md-button:not(.md-button--primary):not(:hover):not(:focus) {" in a11y
