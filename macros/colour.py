"""Colours of an edition: parse, measure WCAG contrast, find a passing shade, derive the palette.

Pure functions of hex strings, so the edition checks and the generated CSS share one arithmetic.
"""
from __future__ import annotations

import colorsys
import re

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
AA = 4.5  # WCAG 2.1 AA, normal text
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
    }
    slate = {
        "--sc-primary-light": dark_tint,
        # Light shades of the edition's hues, well above AA on the dark page and boxes.
        "--md-typeset-a-color": passing_shade(primary, [SLATE_BG, dark_tint], 7),
        "--md-accent-fg-color": passing_shade(accent, [SLATE_BG, dark_tint], 7),
    }
    return {"default": light, "slate": slate}
