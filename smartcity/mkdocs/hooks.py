"""MkDocs hooks: apply the edition and data to the config, and finish pages.

Small on purpose: each step calls a pure function from the macros package.
"""
from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError

from smartcity.edition.model import load_edition
from smartcity.pages.glossary_abbr import write_abbreviations
from smartcity.core.lang import LanguageError, page_lang
from smartcity.model.loader import ROOT, DataError
from smartcity.edition.data import site_data
from smartcity.pages.nav import build_nav

log = logging.getLogger("mkdocs.plugins.smartcity")


def on_config(config):
    try:
        data = site_data()
        lang = page_lang(config, data.languages.codes)
        edition = load_edition()
    except (DataError, LanguageError) as err:
        raise PluginError(str(err)) from None
    # Material prints site_name raw in most places (escaped in one attribute): as Markup
    # holding escaped text it is the same literal text in all of them.
    config.site_name = escape(edition.name(lang))
    # Without an address, MkDocs writes no canonical links; the sitemap is removed (scripts/site.py).
    config.site_url = f"{str(edition.site_url).rstrip('/')}/{lang}/" if edition.site_url else None
    config.site_description = data.t("site.description", lang)
    config.copyright = escape((edition.footer or edition.licence)(lang))
    config.extra["sc_lang"] = lang
    config.extra["sc_edition"] = edition
    config.extra["alternate"] = [
        {"name": data.t(f"lang.{code}", code), "lang": code, "link": f"../{code}/"}
        for code in edition.languages
    ] if len(edition.languages) > 1 else []
    config.nav = build_nav(data, lang, Path(config.docs_dir))
    _theme_words(config, data, lang)
    abbr = write_abbreviations(data, lang)
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(ROOT)]
    snippets["auto_append"] = [str(abbr)]
    return config


def _theme_words(config, data, lang: str) -> None:
    """Words the theme and Markdown would otherwise show in English on every page: the
    heading anchors' title and the palette toggle (named for the scheme it switches to)."""
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = data.t("theme.permalink", lang)
    for palette in config.theme.get("palette") or ():
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if toggle:
            target = "light" if palette.get("scheme") == "slate" else "dark"
            toggle["name"] = data.t(f"theme.to_{target}", lang)


def on_page_markdown(markdown, page, config, files):
    """Steps, parts and phase overviews describe themselves with their data summary, for search
    engines and previews; other pages have a `description:` in their front matter."""
    if "description" not in page.meta:
        data, lang, step = site_data(), config.extra["sc_lang"], page.meta.get("step")
        phases = {f"{p.slug}/index.md": p for p in data.phases.phases}
        if step:
            page.meta["description"] = data.get("step", step).summary(lang)
        elif page.file.src_uri in phases:
            page.meta["description"] = phases[page.file.src_uri].summary(lang)
    return markdown


def on_page_content(html, page, config, files):
    return site_data().languages.of(config.extra["sc_lang"]).typeset(html)


def on_post_page(output, page, config):
    """The theme's own text around the content (nav, table of contents, title, header) is
    made from page and heading titles after page_content: it gets the language's spacing here.
    The content's spacing is idempotent, so the second pass leaves it as it is."""
    return site_data().languages.of(config.extra["sc_lang"]).typeset(output)


def on_post_template(output, template_name, config):
    """The error page and the theme's other static pages, likewise."""
    if not template_name.endswith(".html"):
        return output
    return site_data().languages.of(config.extra["sc_lang"]).typeset(output)


def on_template_context(context, template_name, config):
    """MkDocs links an error page from the host root given by site_url (it may be shown at any
    depth). Without an address, the language's folder is taken to sit at the host root's /<lang>/."""
    if template_name == "404.html" and not config.site_url:
        context["base_url"] = f"/{config.extra['sc_lang']}/"
    return context
