"""An SVG logo re-drawn from an allow-list: the published file is a new tree built from the
parts of a static drawing, never the uploaded bytes.

Kept: shapes, text, groups, gradients, clip paths, masks, patterns, symbols and <use> of a
part of the same file; geometry, presentation and a few accessibility attributes; CSS
declarations of the same properties, from `style` attributes and from <style> rules, which
are written back on each element. A url() may only name a part of the same file (#id).
Everything else is dropped: scripts, links, animation, filters (feImage fetches), embedded
images and documents, foreign namespaces, processing instructions, DOCTYPEs.
Refused: a file that does not parse, declares or uses entities, whose root is not an SVG
<svg>, that has nothing left to draw, or whose <use> chains multiply past MAX_DRAWN.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import cssselect2
import tinycss2
from lxml import etree

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
MAX_DRAWN = 20_000  # elements drawn once <use> is expanded: a logo needs far fewer

SHAPES = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use"}
CONTAINERS = {"svg", "g", "defs", "symbol", "clipPath", "mask", "pattern", "linearGradient",
              "radialGradient", "stop", "tspan", "title", "desc"}
ELEMENTS = SHAPES | CONTAINERS
UNWRAPPED = {"a", "switch"}  # their content is drawing; only the element goes
TEXT = {"text", "tspan", "title", "desc"}
WITH_HREF = {"use", "linearGradient", "radialGradient", "pattern"}  # #id only

# Presentation properties: attributes and CSS declarations alike.
PROPERTIES = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
    "stop-color", "stop-opacity", "clip-path", "clip-rule", "mask", "display", "visibility", "overflow",
    "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
    "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
    "word-spacing", "text-decoration", "writing-mode", "direction", "shape-rendering",
    "text-rendering", "color-interpolation", "paint-order", "vector-effect", "mix-blend-mode", "isolation",
}
GEOMETRY = {
    "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "fx", "fy", "fr", "x1", "y1", "x2", "y2",
    "points", "d", "dx", "dy", "rotate", "textLength", "lengthAdjust", "pathLength", "viewBox",
    "preserveAspectRatio", "transform", "gradientTransform", "gradientUnits", "spreadMethod", "offset",
    "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "id", "role", "aria-label", "aria-hidden",
}
ATTRIBUTES = PROPERTIES | GEOMETRY
FUNCTIONS = {  # the only functions a value may call, by attribute or property
    **{name: {"matrix", "translate", "scale", "rotate", "skewx", "skewy"}
       for name in ("transform", "gradientTransform", "patternTransform")},
    **{name: {"url", "rgb", "rgba", "hsl", "hsla"} for name in ("fill", "stroke")},
    **{name: {"rgb", "rgba", "hsl", "hsla"} for name in ("color", "stop-color")},
    "clip-path": {"url"}, "mask": {"url"},
}
FREE_TEXT = {"aria-label", "font-family"}  # may hold quotes and any letters, still no markup
LOCAL_ID = r"[A-Za-z_][\w.-]*"
ID = re.compile(rf"^{LOCAL_ID}$")
LOCAL_REF = re.compile(rf"^\s*#({LOCAL_ID})\s*$")
LOCAL_URL = re.compile(rf"""^\s*(['"]?)\s*#({LOCAL_ID})\s*\1\s*$""")
CALL = re.compile(r"([A-Za-z-]+)\(([^()]*)\)")
PLAIN = re.compile(r"^[\w#%.,+\-\s]*$")  # no colon, quote, slash, backslash, bracket, ; @ or !
ARGS = re.compile(r"^[\w#%.,+\-\s/]*$")


class SvgRefused(ValueError):
    """Nothing safe and drawable can be made of the file; the message says what to change."""


@dataclass
class Cleaned:
    svg: bytes
    dropped: list[str] = field(default_factory=list)  # what was left out, once each, for the editor


def clean_value(name: str, value: str) -> str | None:
    """The value with whitespace collapsed, or None when it may call or name anything not allowed."""
    value = " ".join(value.split())
    allowed = FUNCTIONS.get(name, set())
    calls: list[str] = []

    def call(match: re.Match) -> str:
        func, args = match.group(1).lower(), match.group(2)
        if func not in allowed:
            raise ValueError
        if func == "url":
            local = LOCAL_URL.match(args)
            if not local:
                raise ValueError
            calls.append(f"url(#{local.group(2)})")
        elif ARGS.match(args):
            calls.append(f"{func}({' '.join(args.split())})")
        else:
            raise ValueError
        return f"\x00{len(calls) - 1}\x00"

    try:
        rest = CALL.sub(call, value)
    except ValueError:
        return None
    if name in FREE_TEXT:
        ok = not re.search(r"[<>&\\;:{}()@!]", rest) and rest.count('"') % 2 == 0 and rest.count("'") % 2 == 0
    else:
        ok = PLAIN.match(rest.replace("\x00", "")) is not None
    if not ok:
        return None
    return re.sub(r"\x00(\d+)\x00", lambda m: calls[int(m.group(1))], rest)


def declarations(css: str, dropped: set[str]) -> list[tuple[str, str]]:
    """The allowed declarations of a CSS declaration list (a `style` attribute, a rule's body)."""
    kept = []
    for decl in tinycss2.parse_blocks_contents(css, skip_whitespace=True, skip_comments=True):
        if decl.type != "declaration":
            dropped.add("CSS that is not a declaration")
            continue
        value = clean_value(decl.lower_name, tinycss2.serialize(decl.value))
        if decl.lower_name in PROPERTIES and value:
            kept.append((decl.lower_name, value))
        else:
            dropped.add(f"CSS property {decl.lower_name}")
    return kept


def _parse(content: bytes, dropped: set[str]) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as err:
        raise SvgRefused(f"is not well-formed SVG ({err}): save it again from your drawing program") from None
    dtd = root.getroottree().docinfo.internalDTD
    declared = dtd is not None and any(True for _ in dtd.iterentities())
    if declared or any(isinstance(node, etree._Entity) for node in root.iter()):
        raise SvgRefused("declares or uses entities (a DOCTYPE with <!ENTITY …>, or &name;): save it "
                         "as plain SVG, without a DOCTYPE")
    if root.getroottree().docinfo.doctype:
        dropped.add("DOCTYPE")  # never loaded, never written back
    for pi in [*root.itersiblings(preceding=True), *root.itersiblings(), *root.iter(etree.PI)]:
        dropped.add(f"processing instruction <?{pi.target}?>")
    etree.strip_elements(root, etree.PI, with_tail=False)
    return root


def _stylesheet_rules(root: etree._Element, dropped: set[str]) -> cssselect2.Matcher:
    """<style> rules as a matcher: their allowed declarations are written on the elements they select."""
    matcher = cssselect2.Matcher()
    for style in root.iter(f"{{{SVG}}}style"):
        for rule in tinycss2.parse_stylesheet(style.text or "", skip_whitespace=True, skip_comments=True):
            if rule.type != "qualified-rule":
                dropped.add("@" + rule.lower_at_keyword if rule.type == "at-rule" else "a CSS error")
                continue
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                dropped.add(f"CSS rule {tinycss2.serialize(rule.prelude).strip()}")
                continue
            kept = declarations(tinycss2.serialize(rule.content), dropped)
            for selector in selectors:
                if selector.pseudo_element is None:
                    matcher.add_selector(selector, kept)
    return matcher


class _Builder:
    def __init__(self, root: etree._Element, dropped: set[str]):
        self.dropped = dropped
        self.matcher = _stylesheet_rules(root, self.dropped)
        self.wrappers = {w.etree_element: w for w in cssselect2.ElementWrapper.from_xml_root(root).iter_subtree()}

    def element(self, src: etree._Element, parent: etree._Element | None) -> list[etree._Element]:
        """The copy of `src` (appended to parent), or its allowed children when it is unwrapped."""
        qname = etree.QName(src)
        if qname.namespace == SVG and qname.localname in UNWRAPPED:
            self.dropped.add(f"<{qname.localname}> (its content is kept)")
            return [c for child in src for c in self.element(child, parent)]
        if qname.namespace == SVG and qname.localname == "style":
            return []  # its rules were written on the elements; what they lost is listed
        if qname.namespace != SVG or qname.localname not in ELEMENTS:
            self.dropped.add(f"<{qname.localname}>" if qname.namespace == SVG else
                             f"<{qname.localname}> of namespace {qname.namespace or '(none)'}")
            return []
        tag = f"{{{SVG}}}{qname.localname}"
        out = etree.Element(tag, nsmap={None: SVG}) if parent is None else etree.SubElement(parent, tag)
        self.attributes(src, out, qname.localname)
        if qname.localname in TEXT:
            out.text = src.text
        for child in src:
            made = self.element(child, out) if qname.localname not in ("title", "desc") else []
            if qname.localname in TEXT and child.tail:
                if made:
                    made[-1].tail = (made[-1].tail or "") + child.tail
                elif len(out):
                    out[-1].tail = (out[-1].tail or "") + child.tail
                else:
                    out.text = (out.text or "") + child.tail
        return [out]

    def attributes(self, src: etree._Element, out: etree._Element, name: str) -> None:
        for attr, value in src.attrib.items():
            qname = etree.QName(attr)
            local = qname.localname
            if local == "href" and qname.namespace in (None, XLINK) and name in WITH_HREF:
                ref = LOCAL_REF.match(value)
                if ref:
                    out.set("href", f"#{ref.group(1)}")
                    continue
            if qname.namespace == XML and local == "space" and value in ("default", "preserve"):
                out.set(attr, value)
                continue
            if qname.namespace is None and local == "style":
                continue  # below, after the stylesheet's rules
            if qname.namespace is None and local in ATTRIBUTES:
                cleaned = clean_value(local, value)
                if cleaned is not None and (local != "id" or ID.match(cleaned)):
                    out.set(local, cleaned)
                    continue
            self.dropped.add(f"{qname.localname} attribute" if not qname.namespace
                             else f"{qname.localname} attribute of namespace {qname.namespace}")
        style: dict[str, str] = {}
        for _specificity, _order, _pseudo, kept in self.matcher.match(self.wrappers[src]):
            style.update(kept)
        style.update(declarations(src.get("style", ""), self.dropped))
        if style:
            out.set("style", ";".join(f"{k}:{v}" for k, v in style.items()))


def _drawn(root: etree._Element, dropped: set[str]) -> int:
    """How many elements are drawn once every <use> is expanded; a <use> of a missing part, or of
    one that contains it, is removed (browsers draw nothing for it either)."""
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    memo: dict[etree._Element, int] = {}

    def size(el: etree._Element, path: frozenset) -> int:
        if el in memo:
            return memo[el]
        total = 1
        for child in list(el):
            total += size(child, path | {el})
        if etree.QName(el).localname == "use":
            target = ids.get((el.get("href") or "#")[1:])
            if target is None or target in path or el in target.iter():
                dropped.add(f"<use> of {el.get('href') or 'nothing'}, missing or drawing itself")
                el.getparent().remove(el)
                return 0
            total += size(target, path | {el})
        memo[el] = total = min(total, MAX_DRAWN + 1)
        return total

    return size(root, frozenset())


def clean_svg(content: bytes) -> Cleaned:
    """The drawing of an uploaded SVG, re-serialised from its allowed parts."""
    dropped: set[str] = set()
    src = _parse(content, dropped)
    if etree.QName(src).namespace != SVG or etree.QName(src).localname != "svg":
        raise SvgRefused(f"its root element is <{etree.QName(src).localname}> of namespace "
                         f"{etree.QName(src).namespace or '(none)'}, not an SVG <svg>: the file must start "
                         f'with <svg xmlns="{SVG}">')
    builder = _Builder(src, dropped)
    root = builder.element(src, None)[0]
    try:
        drawn = _drawn(root, dropped)
    except RecursionError:  # a chain of <use> deeper than Python's stack
        drawn = MAX_DRAWN + 1
    if drawn > MAX_DRAWN:
        raise SvgRefused(f"draws more than {MAX_DRAWN} shapes once its <use> references are followed: "
                         f"simplify it, or use a PNG")
    if not any(etree.QName(el).localname in SHAPES for el in root.iter()):
        left = ", ".join(sorted(builder.dropped)) or "nothing"
        raise SvgRefused(f"has nothing left to draw once what a logo may not contain is removed "
                         f"(removed: {left}): draw it with shapes (path, rect, circle, text…), or use a PNG")
    svg = etree.tostring(root, encoding="utf-8", xml_declaration=False)
    return Cleaned(svg=svg, dropped=sorted(builder.dropped))
