"""Colours of an edition: parse, measure WCAG contrast, find a passing shade, derive the palette.

Pure functions of hex strings, so the edition checks and the generated CSS share one arithmetic.
"""
from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass
from typing import Optional

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
AA = 4.5  # WCAG 2.1 AA, normal text
NON_TEXT = 3.0  # WCAG 2.1 AA, 1.4.11: focus rings, borders and graphics that carry meaning
WHITE, BLACK = "#ffffff", "#000000"
# Material's dark ("slate") page background, hsl(225deg 15% 14%), and its text colour,
# hsl(225deg 15% 90%), which the site's lighter text shows at 68 % opacity (sc-a11y.css).
SLATE_BG = "#1e2129"
SLATE_TEXT = "#e2e4e9"
SLATE_TEXT_ALPHA = 0.68


def normalise(value: str) -> str:
    """'#ABC' -> '#aabbcc'; anything else than #rgb / #rrggbb raises ValueError."""
    if not isinstance(value, str) or not HEX.match(value.strip()):
        raise ValueError(f"'{value}' is not a colour: write it as #rrggbb, for example #0b5563")
    value = value.strip().lower()
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value


def rgb(value: str) -> tuple[float, float, float]:
    value = normalise(value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def to_hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (r, g, b))


def luminance(value: str) -> float:
    """Relative luminance, as WCAG 2.1 defines it."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share_of_a: float) -> str:
    """`share_of_a` of colour a over colour b (0 gives b, 1 gives a)."""
    return to_hex(*(x * share_of_a + y * (1 - share_of_a) for x, y in zip(rgb(a), rgb(b))))


def _with_lightness(value: str, lightness: float) -> str:
    h, _, s = colorsys.rgb_to_hls(*rgb(value))
    return to_hex(*colorsys.hls_to_rgb(h, lightness, s))


def passing_shade(value: str, against: list[str], ratio: float = AA) -> str:
    """The shade of `value` (same hue and saturation) nearest to it that reaches `ratio`
    against every colour in `against`: darker over light backgrounds, lighter over dark ones."""
    if all(contrast(value, other) >= ratio for other in against):
        return normalise(value)
    _, start, _ = colorsys.rgb_to_hls(*rgb(value))
    darker = max(luminance(o) for o in against) > 0.18
    lo, hi = (0.0, start) if darker else (start, 1.0)
    best = BLACK if darker else WHITE
    for _ in range(30):  # bisect on lightness: contrast grows monotonically away from `against`
        mid = (lo + hi) / 2
        shade = _with_lightness(value, mid)
        if all(contrast(shade, other) >= ratio for other in against):
            best = shade
            lo, hi = (mid, hi) if darker else (lo, mid)
        else:
            lo, hi = (lo, mid) if darker else (mid, hi)
    return best


def header_field(header_text: str) -> str:
    """Material's #00000042 (26 % black) under light header text, 26 % white under dark."""
    return ("#ffffff42" if luminance(header_text) < 0.18 else "#00000042")


def palette(primary: str, accent: str, header_text: str = WHITE) -> dict[str, dict[str, str]]:
    """CSS custom properties for the light ("default") and dark ("slate") schemes.

    Text colours derived here always reach 4.5:1 on the backgrounds they are used on,
    including the tinted boxes (--sc-primary-light).
    """
    primary, accent, header_text = normalise(primary), normalise(accent), normalise(header_text)
    tint = mix(primary, WHITE, 0.11)
    dark_tint = mix(primary, SLATE_BG, 0.3)
    while contrast(mix(SLATE_TEXT, dark_tint, SLATE_TEXT_ALPHA), dark_tint) < AA:  # a bright primary: tint the dark boxes less
        dark_tint = mix(dark_tint, SLATE_BG, 0.7)
    light = {
        "--sc-primary": primary,
        "--sc-primary-light": tint,
        "--sc-accent": accent,
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, WHITE, 0.8),
        "--md-primary-fg-color--dark": mix(primary, BLACK, 0.7),
        "--md-primary-bg-color": header_text,
        "--md-primary-bg-color--light": header_text + "b3",
        "--md-accent-fg-color": accent,
        "--md-typeset-a-color": passing_shade(primary, [WHITE, tint]),
        # The header's search field (sc-a11y.css): Material darkens the primary under it; a dark
        # header text needs it lightened instead, or its placeholder is unreadable.
        "--sc-header-field": header_field(header_text),
    }
    slate = {
        "--sc-primary-light": dark_tint,
        # Light shades of the edition's hues, well above AA on the dark page and boxes.
        "--md-typeset-a-color": passing_shade(primary, [SLATE_BG, dark_tint], 7),
        "--md-accent-fg-color": passing_shade(accent, [SLATE_BG, dark_tint], 7),
        # Material writes hovered buttons and the back-to-top button in this colour on the accent:
        # its default, white, is unreadable on the light accent of the dark palette.
        "--md-accent-bg-color": SLATE_BG,
    }
    return {"default": light, "slate": slate}


# ---------------------------------------------------------------- where the theme uses each colour

@dataclass(frozen=True)
class Use:
    """One way the theme shows an edition colour: `fg` over `bg` (names of roles()), which must
    reach `minimum` (None: decorative, WCAG sets no minimum). `field` is the edition colour it
    measures, the one the build refuses and proposes a shade of."""

    field: str
    scheme: str
    what: str
    fg: str
    bg: str
    minimum: Optional[float]

    @property
    def derived(self) -> bool:
        """The measured colour (text, ring) is a shade computed from the edition's colours."""
        return self.fg not in RAW


RAW = {"primary", "accent", "header text", "white", "dark page"}  # colours used as they are


def roles(primary: str, accent: str, header_text: str = WHITE) -> dict[str, str]:
    """Every colour the uses below measure, from the palette the site really gets."""
    primary, accent, header_text = normalise(primary), normalise(accent), normalise(header_text)
    schemes = palette(primary, accent, header_text)
    light, dark = schemes["default"], schemes["slate"]
    tint, dark_tint = light["--sc-primary-light"], dark["--sc-primary-light"]
    field = WHITE if light["--sc-header-field"].startswith(WHITE) else BLACK
    search = mix(field, light["--md-primary-fg-color"], 0.26)  # the header's search field
    return {
        "primary": light["--md-primary-fg-color"], "accent": light["--md-accent-fg-color"],
        "header text": header_text, "white": WHITE, "tint": tint,
        "header text at 70 %": mix(header_text, primary, 0.7),  # --md-primary-bg-color--light, tabs' .7
        "search field": search, "search placeholder": mix(header_text, search, 0.7),
        "link": light["--md-typeset-a-color"],
        "text on tint": mix(BLACK, tint, 0.87), "secondary text on tint": mix(BLACK, tint, 0.66),
        "dark page": SLATE_BG, "dark tint": dark_tint, "dark link": dark["--md-typeset-a-color"],
        "dark secondary text on tint": mix(SLATE_TEXT, dark_tint, SLATE_TEXT_ALPHA),
        "dark accent": dark["--md-accent-fg-color"], "dark accent text": dark["--md-accent-bg-color"],
    }


_T, _N = AA, NON_TEXT
# Material (its header, tabs, buttons, links, search) and overrides/assets/stylesheets/sc-*.css.
# A minimum of None is a decorative border: the box's content says what it is, so WCAG 1.4.11
# asks nothing of it; it is listed so that every use is accounted for.
# The header keeps the primary colour in both palettes; in the dark one, text, buttons, progress
# bars and lines that carry meaning switch to "dark link" (sc-a11y.css, sc-assessment.css…).
USES: tuple[Use, ...] = (
    Use("primary", "both", "behind the header text {header text}", "header text", "primary", _T),
    Use("primary", "both", "as the header's focus rings", "header text", "primary", _N),
    Use("primary", "both", "for the inactive tabs, the header text at 70 % opacity,",
        "header text at 70 %", "primary", _T),
    Use("primary", "both", "for the search placeholder in the header", "search placeholder", "search field", _T),
    Use("primary", "light", "for borders, icons, checkboxes and progress bars on the white page",
        "primary", "white", _N),
    Use("primary", "light", "for the decorative borders of tinted boxes", "primary", "tint", None),
    Use("primary", "light", "for links, button labels, step numbers and tags on the white page (sc-a11y.css)",
        "link", "white", _T),
    Use("primary", "light", "for links on the tinted boxes", "link", "tint", _T),
    Use("primary", "light", "for text on the tinted boxes", "text on tint", "tint", _T),
    Use("primary", "light", "for secondary text on the tinted boxes", "secondary text on tint", "tint", _T),
    Use("primary", "dark", "for links, buttons and progress bars on the dark page", "dark link", "dark page", _T),
    Use("primary", "dark", "for links on the dark tinted boxes", "dark link", "dark tint", _T),
    Use("primary", "dark", "for secondary text on the dark tinted boxes", "dark secondary text on tint",
        "dark tint", _T),
    Use("primary", "dark", "for the decorative borders of cards on the dark page", "primary", "dark page", None),
    Use("accent", "light", "as hover, search match and caution text on the white page", "accent", "white", _T),
    Use("accent", "light", "as link hover text on the tinted boxes", "accent", "tint", _T),
    Use("accent", "light", "behind the white text of badges and hovered buttons", "white", "accent", _T),
    Use("accent", "light", "for focus rings and borders on the white page", "accent", "white", _N),
    Use("accent", "dark", "as hover and caution text on the dark page", "dark accent", "dark page", _T),
    Use("accent", "dark", "as hover text on the dark tinted boxes", "dark accent", "dark tint", _T),
    Use("accent", "dark", "behind the dark text of badges and hovered buttons", "dark accent text",
        "dark accent", _T),
    Use("accent", "dark", "for focus rings and borders on the dark page", "dark accent", "dark page", _N),
)


def _failures(field: str, colours: dict[str, str]) -> list[tuple[Use, float, dict[str, str]]]:
    named = roles(colours["primary"], colours.get("accent") or BLACK, colours["header_text"])
    out = []
    for use in USES:
        if use.field == field and use.minimum is not None:
            ratio = contrast(named[use.fg], named[use.bg])
            if ratio < use.minimum:
                out.append((use, ratio, named))
    return out


def shade_for(field: str, colours: dict[str, str]) -> Optional[str]:
    """The shade of colours[field] (same hue and saturation) nearest in lightness that passes
    every use of that field, other colours unchanged; None if no lightness does."""
    h, start, s = colorsys.rgb_to_hls(*rgb(colours[field]))
    for step in sorted(range(501), key=lambda i: abs(i / 500 - start)):
        shade = to_hex(*colorsys.hls_to_rgb(h, step / 500, s))
        if not _failures(field, {**colours, field: shade}):
            return shade
    return None


def refusal(field: str, colours: dict[str, str]) -> Optional[str]:
    """None if colours[field] passes every use listed in USES; else a message with each measured
    ratio and a passing shade. `colours` holds primary, header_text and, once known, accent."""
    value = colours[field]
    failing = _failures(field, colours)
    if not failing:
        return None
    parts = []
    for use, ratio, named in failing:
        kind = "text" if use.minimum >= AA else "non-text contrast (focus rings, borders)"
        what = use.what.format(**named)
        subject = f"{value} {what}"
        if use.derived:
            subject = f"the shade derived from {value} {what} ({named[use.fg]} on {named[use.bg]})"
        parts.append(f"{subject} has a contrast ratio of {ratio:.2f}:1, below the "
                     f"{use.minimum:g}:1 that WCAG AA requires for {kind}")
    shade = shade_for(field, colours)
    if shade is None:
        advice = "no shade of this hue passes everywhere the theme uses it: choose another colour"
    else:
        way = "darker" if luminance(shade) < luminance(value) else "lighter"
        advice = (f"a {way} shade of the same hue that passes is {shade} "
                  f"(it passes everywhere the theme uses this colour)")
    return "; ".join(parts) + "; " + advice
