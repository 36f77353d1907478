"""HTML surgery for the whole-guide PDF: a page's content made into a chapter of one document.

Each chapter's ids get the chapter's key as prefix, so anchors stay unique in
the combined page; links between chapters become links inside the PDF, other
links point to the web edition. What only works on screen (scripts, buttons,
permalinks, the worksheet forms) goes; a worksheet form leaves a reference to
its blank version in the appendix.
"""
from __future__ import annotations

import posixpath
from typing import Any

import xml.etree.ElementTree as ET
from html import escape

import tinycss2
import tinyhtml5
from lxml import etree
from lxml import html as lhtml


def _cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


DROP = ("//script", "//noscript", "//template", "//button", f"//a[{_cls('headerlink')}]", "//*[@hidden]",
        f"//*[{_cls('sc-no-print')}]", "//*[local-name()='svg' and @aria-hidden='true']")  # decorative icons: no Figure without Alt
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "headers")


def _fragment(markup: str) -> Any:
    """`markup` inside a <div>, parsed as HTML5 (WeasyPrint's own parser, tinyhtml5): lxml's
    HTML 4 parser loses sibling <article>s. Returned as an lxml tree, for its editing API."""
    doc = tinyhtml5.parse(f"<!DOCTYPE html><html><body><div>{markup}</div></body></html>",
                          namespace_html_elements=False)
    div = doc.find("body/div")
    for el in div.iter():  # inline SVG comes namespaced; in an HTML document it needs no prefix
        el.tag = el.tag.rpartition("}")[2] if isinstance(el.tag, str) else el.tag
        for name in [n for n in el.attrib if n.startswith("{")]:
            el.attrib[name.rpartition("}")[2]] = el.attrib.pop(name)
    return etree.fromstring(ET.tostring(div, encoding="unicode"))


def _inner(root: Any) -> str:
    return (escape(root.text or "") +
            "".join(lhtml.tostring(child, method="html", encoding="unicode") for child in root))


def _text(el: Any) -> str:
    return "".join(el.itertext()).strip()


def _drop(el: Any) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _select(root: Any, xpath: str) -> list[Any]:
    return root.xpath("." + xpath)


def _link(href: str, url: str, key: str, pages: dict[str, str], site: str | None) -> str | None:
    """Where a link from the page at `url` goes in the PDF; None for a page of the site
    when the edition gives no address."""
    if href.startswith(("http://", "https://", "mailto:", "tel:")):
        return href
    path, _, anchor = href.partition("#")
    if not path:
        return f"#{key}--{anchor}" if anchor else f"#{key}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path.split("?")[0]))
    if target in pages:
        return f"#{pages[target]}--{anchor}" if anchor else f"#{pages[target]}"
    return site + target + (f"#{anchor}" if anchor else "") if site else None


def _drop_guide_only_sources(root: Any) -> None:
    """A chapter whose only source is the guide, after the first chapter that lists it: the
    whole PDF rewrites that guide, so one list says it; sixty copies of the same entry would
    fill pages. Chapters that cite other sources keep their list and markers."""
    lists = _select(root, f"//*[{_cls('sc-refs')}]")
    items = [li for section in lists for li in _select(section, f"//*[{_cls('sc-refs__item')}]")]
    if len(items) != 1:
        return
    for el in lists + _select(root, f"//*[{_cls('sc-cite')}]"):
        _drop(el)


def chapter_body(markup: str, url: str, key: str, pages: dict[str, str], site: str | None,
                 ws_ref: str, guide_only_list: bool = True) -> tuple[str, str | None]:
    """One page's content as a chapter body, and the text of its title (first h1).
    `ws_ref` is the worksheet reference text, with {title} and {page} placeholders."""
    root = _fragment(markup)
    for form in _select(root, f"//*[{_cls('sc-ws')}]"):
        sheet = form.get("data-sc-ws")
        title = next(iter(_select(form, f"//*[{_cls('sc-ws__title')}]")), None)
        ref = etree.Element("p", {"class": "sc-gp-wsref"})
        before, _, after = ws_ref.partition("{page}")
        ref.text = before.replace("{title}", _text(title) if title is not None else sheet)
        page = etree.SubElement(ref, "a", {"class": "sc-gp-pageref", "href": f"#ws-{sheet}"})
        page.tail = after
        ref.tail = form.tail
        form.getparent().replace(form, ref)
    for selector in DROP:
        for el in _select(root, selector):
            _drop(el)
    if not guide_only_list:
        _drop_guide_only_sources(root)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", f"{key}--{el.get('id')}")
        for attr in ID_REFS:
            if el.get(attr):
                el.set(attr, " ".join(f"{key}--{ref}" for ref in el.get(attr).split()))
        if el.tag == "a" and el.get("href") and "sc-gp-pageref" not in (el.get("class") or ""):
            target = _link(el.get("href"), url, key, pages, site)
            if target is None:
                del el.attrib["href"]  # the words stay, as text
            else:
                el.set("href", target)
    first = next(iter(root.xpath(".//h1")), None)
    if first is not None:
        first.set("class", ((first.get("class") or "") + " sc-gp-title").strip())
    return _inner(root), (_text(first) if first is not None else None)


def appendix_sheet(v: Any) -> dict[str, str]:
    """A worksheet, blank, as the worksheets' own PDF template renders it, without its page furniture."""
    from smartcity.outputs.worksheets.cache import FOLDER
    from smartcity.outputs.worksheets.fonts import subset_fonts
    from smartcity.outputs.worksheets.pdf import html_of

    page = html_of(v, subset_fonts(FOLDER / "fonts"))
    body = _fragment(page[page.index("<body>") + 6:page.rindex("</body>")])
    for el in _select(body, f"//*[{_cls('run-head')} or {_cls('run-foot')}]"):
        _drop(el)
    prefix = f"ws-{v.id}"
    for el in body.iter():
        if isinstance(el.tag, str):
            if el.get("id"):
                el.set("id", f"{prefix}--{el.get('id')}")
            if el.get("for"):
                el.set("for", f"{prefix}--{el.get('for')}")
    return {"id": v.id, "title": v.title, "step": v.step_title, "html": _inner(body)}


def scoped_css(css: str, scope: str) -> str:
    """A stylesheet's plain rules, each limited to `scope` (`html` becomes the scope itself);
    at-rules (@page, @font-face) belong to the standalone document and are left out."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
        scoped = ", ".join(scope if s == "html" else f"{scope} {s}" for s in selectors)
        out.append(f"{scoped} {{{tinycss2.serialize(rule.content)}}}")
    return "\n".join(out)


def unstack_grids(css: str) -> str:
    """Rules that lay out as plain blocks every element the site's CSS makes a grid.
    WeasyPrint cannot split a grid across pages: cards past the end of a page are lost. On
    paper the cards stack, with the space the grid's gap gave them."""
    selectors = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content:
            media = tinycss2.serialize(rule.prelude)
            if "print" in media or not media.strip():
                selectors += _grid_selectors(tinycss2.parse_blocks_contents(rule.content))
        elif rule.type == "qualified-rule":
            selectors += _grid_selectors([rule])
    if not selectors:
        return ""
    listed = ",\n".join(dict.fromkeys(selectors))
    children = ",\n".join(f"{s} > *" for s in dict.fromkeys(selectors))
    return f"{listed} {{ display: block !important; }}\n{children} {{ margin: 0 0 .6rem; }}\n"


def _grid_selectors(rules: list[Any]) -> list[str]:
    out = []
    for rule in rules:
        if getattr(rule, "type", "") != "qualified-rule":
            continue
        for decl in tinycss2.parse_blocks_contents(rule.content):
            if decl.type == "declaration" and decl.lower_name == "display" \
                    and tinycss2.serialize(decl.value).strip().lower() in ("grid", "inline-grid"):
                out += [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
    return out
