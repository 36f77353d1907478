"""MkDocs hooks of the whole-guide PDF (smartcity/outputs/guide_pdf/assemble.py).

Every page's content is rendered before any page is written (on_env), so the
PDF is made there and its size is known when the home page, which links to it,
is written. In a dirty rebuild (`make serve`) only edited pages are rendered:
the PDF of the last full build stays.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError



def on_startup(command, dirty, state: dict):
    state["dirty"] = dirty


def on_pre_build(config, state: dict):
    state.update(nav=None, contents={}, size=None, pdf=None, doc=None)


def on_nav(nav, config, files, state: dict):
    state["nav"] = nav
    return nav


def on_page_content(html, page, config, files, state: dict):
    state["contents"][page.file.src_uri] = html
    return html


def on_env(env, config, files, state: dict, options):
    from smartcity.outputs.guide_pdf import assemble as gp
    from smartcity.edition.model import load_edition
    from smartcity.core.lang import page_lang
    from smartcity.model.loader import DataError
    from smartcity.edition.data import site_data

    lang, edition = page_lang(config), load_edition()
    existing = Path(config.site_dir) / gp.SUBDIR / gp.filename_for(edition, lang)
    if not gp.downloads_enabled() or state.get("dirty") or state["nav"] is None:
        state["size"] = existing.stat().st_size if existing.is_file() else None
        return env
    try:
        from smartcity.outputs.worksheets.cache import FOLDER
        from smartcity.outputs.worksheets.fonts import subset_fonts
        from smartcity.outputs.worksheets.load import load_cached as load_sheets
        from smartcity.outputs.worksheets.pdf import CSS as SHEET_CSS
        from smartcity.outputs.worksheets.view import view

        data = site_data()
        entries = gp.outline(state["nav"].items)
        missing = [e.src for e in entries if e.src and e.src not in state["contents"]]
        if missing:
            raise PluginError(f"guide PDF: pages not rendered: {', '.join(missing)}")
        sheets = [view(data, s, lang) for s in load_sheets(data).values()]
        # Every local stylesheet of the site, the edition's palette included (smartcity/mkdocs/bundle_hooks.py).
        css = gp.stylesheet(config.extra["sc_css_texts"], SHEET_CSS.read_text(encoding="utf-8"),
                            subset_fonts(FOLDER / "fonts"))
        doc = gp.assemble(data, lang, edition, entries, state["contents"], sheets, css)
        if options.guide_pdf_html:  # the print page, to inspect it in a browser
            Path(options.guide_pdf_html.replace("{lang}", lang)).write_text(doc.html, encoding="utf-8")
        state["pdf"], state["doc"] = gp.build(doc), doc
        state["size"] = state["pdf"].stat().st_size
    except DataError as err:
        raise PluginError(str(err)) from None
    return env


def on_page_context(context, page, config, nav, state: dict):
    from smartcity.outputs.guide_pdf import assemble as gp
    from smartcity.core.lang import page_lang
    from smartcity.edition.data import site_data

    if page.content and gp.SIZE_MARK in page.content:
        size = gp.size_text(site_data(), state.get("size"), page_lang(config))
        page.content = page.content.replace(gp.SIZE_MARK, size)
    return context


def on_post_build(config, state: dict):
    from smartcity.outputs.guide_pdf import assemble as gp

    if state.get("pdf"):
        if not state["pdf"].exists():  # another build pruned it meanwhile
            state["pdf"] = gp.build(state["doc"])
        gp.publish(state["pdf"], Path(config.site_dir), state["doc"].filename)
