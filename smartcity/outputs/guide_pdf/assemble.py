"""The whole guide as one PDF per language.

One print page is assembled from the pages' rendered content, in the nav's
reading order (not from the built pages: Material's layout is made for
screens and collapses in print), with a cover, a table of contents whose page
numbers WeasyPrint fills in (target-counter), running headers, and the blank
worksheets as an appendix. WeasyPrint turns it into a tagged PDF whose bookmarks
follow the nav, finished like the worksheets (outputs/pdf_tagged.py). The document is cached by content, like the worksheets.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import os
import posixpath
import shutil
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from smartcity.core.sources import closure, templates
from smartcity.render import fmt
from smartcity.outputs.guide_pdf.html import appendix_sheet, chapter_body, scoped_css, unstack_grids
from smartcity.model.loader import ROOT
from smartcity.render.env import TEMPLATES, relative, render
from smartcity.core.switches import downloads_enabled
from smartcity.edition.assets import edition_assets
from smartcity.edition.identity import real_site_url

HERE = Path(__file__).resolve().parent
CSS = HERE / "guide_pdf.css"
FOLDER = ROOT / ".cache" / "guide"
SUBDIR = "downloads"
# Pages that only make sense on the web: the home page (it links to this PDF),
# the worksheets index (the appendix replaces it) and the site's own notices.
LEAVE_OUT = {"index.md", "resources/worksheets.md", "about/publish.md", "about/accessibility.md",
             "about/privacy.md"}
# The code and styles that shape the document (with the worksheets' view of a sheet).
def generator_files() -> tuple[Path, ...]:
    """Every module the PDF's assembly imports, at any depth, its styles and its template."""
    return closure(__name__) + (CSS,) + templates(TEMPLATES, "guide_pdf.html")
SIZE_MARK = "<!--sc-gpdf-size-->"
log = logging.getLogger("mkdocs.plugins.smartcity.guide_pdf")


@dataclass
class Entry:
    """One heading of the outline: a part (nav section) or a chapter (page)."""

    key: str               # anchor in the print page
    title: str
    level: int             # bookmark level, 1 = top
    src: str | None = None  # the page's source path; None for a part or a section heading
    kicker: list["Entry"] = field(default_factory=list)  # section headings shown above a chapter


def _key(src: str) -> str:
    return "p-" + src.removesuffix(".md").replace("/", "--")


def outline(items: list[Any], level: int = 1) -> list[Entry]:
    """The nav as an outline. Top sections become parts; a nested section becomes a heading
    above its first page, or merges with it when the page carries the section's title (a step
    and its parts)."""
    out: list[Entry] = []
    for item in items:
        if item.is_page:
            if item.file.src_uri not in LEAVE_OUT:
                out.append(Entry(_key(item.file.src_uri), item.title, level, item.file.src_uri))
        elif item.is_section:
            inner = outline(item.children, level + 1)
            if not inner:
                continue
            if level == 1:
                out.append(Entry(f"s-{len(out)}-{level}", item.title, level))
                out += inner
            elif inner[0].title == item.title:
                inner[0].level = level
                out += inner
            else:
                inner[0].kicker.insert(0, Entry(f"{inner[0].key}--section", item.title, level))
                out += inner
    return out


def page_links(entries: list[Entry]) -> dict[str, str]:
    """Built page URL (use_directory_urls: false) -> anchor in the print page."""
    return {e.src.removesuffix(".md") + ".html": e.key for e in entries if e.src}


@dataclass(frozen=True)
class Document:
    html: str
    filename: str


def assemble(data: Any, lang: str, edition: Any, entries: list[Entry], contents: dict[str, str],
             sheets: list[Any], css: str) -> Document:
    """The print page: cover, contents, chapters, appendix. `contents` maps a source path to its HTML."""
    site = site_address(edition, lang)
    links = page_links(entries)
    typeset = data.languages.of(lang).typeset_text
    worksheet_ref = typeset(data.t("gpdf.worksheet.ref", lang))
    chapters = []
    cited_guide = False
    for entry in entries:
        body = ""
        if entry.src:
            url = entry.src.removesuffix(".md") + ".html"
            # The first chapter keeps a list naming only the guide: it cites it once for all.
            body, title = chapter_body(contents[entry.src], url, entry.key, links, site, worksheet_ref,
                                       guide_only_list=not cited_guide)
            cited_guide = cited_guide or 'class="sc-refs"' in body
            entry.title = title or entry.title  # the rendered title, whatever the nav could tell
        chapters.append((entry, body))
    appendix = [appendix_sheet(v) for v in sheets]

    def ui(key: str) -> str:
        return typeset(data.t(key, lang))

    name = edition.organisation.name(lang)
    assets = edition_assets(edition)
    logo = {"src": data_uri(assets.files[assets.logo]),
            "alt": ui("ws.doc.logo_alt").replace("{name}", name)}
    html = render("guide_pdf.html", data, lang, "index.html", entries=entries, chapters=chapters,
                  appendix=appendix, edition=edition, site=site, css=css, ui=ui, logo=logo,
                  title=cover_title(typeset(edition.name(lang))))
    return Document(html, f"{edition.id}.{lang}.pdf")


def site_address(edition: Any, lang: str) -> str | None:
    """The language's root on the edition's real site; None when it has none (links to the
    site's pages then stay as words, never pointing at a placeholder host)."""
    url = real_site_url(edition)
    return f"{url.rstrip('/')}/{lang}/" if url else None


def cover_title(name: str) -> str:
    """The name with its last two words held together, so no word stands alone on the last
    line ("Smart / City" on the cover)."""
    head, sep, last = name.rstrip().rpartition(" ")
    return f"{head}\u00a0{last}" if sep else name


def data_uri(path: Path) -> str:
    """The image inside the page, so its bytes are part of the cache key."""
    kind = "svg+xml" if path.suffix.lower() == ".svg" else path.suffix.lower().lstrip(".")
    return f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def stylesheet(site_css: list[str], sheet_css: str, fonts: dict[str, Path]) -> str:
    """The site's own component styles (the text of each), the worksheets' styles scoped to the
    appendix, then ours."""
    faces = "".join(
        f'@font-face {{ font-family: "SC Sans";{" font-weight: bold;" if style == "bold" else ""}'
        f' src: url("{path.as_uri()}"); }}\n' for style, path in fonts.items())
    site = "\n".join(site_css)
    return "\n".join((faces, site, unstack_grids(site), scoped_css(sheet_css, ".sc-gp-sheet"),
                      CSS.read_text(encoding="utf-8")))


def cache_key(doc: Document) -> str:
    digest = hashlib.sha256()
    for path in generator_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(f"weasyprint={version('weasyprint')}".encode())
    digest.update(doc.html.encode())
    return digest.hexdigest()[:24]


def write_pdf(doc: Document, target: Path) -> None:
    """Tagged (pdf_tags), finished like the worksheets (outputs/pdf_tagged.py): running heads
    as artifacts, XMP without a PDF/UA claim, the title shown, tab order."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from smartcity.outputs.pdf_tagged import finish, open_pdf, save

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    rendered = HTML(string=doc.html, base_url=str(ROOT)).render(font_config=FontConfiguration(), pdf_tags=True)
    meta = rendered.metadata
    raw = rendered.write_pdf(pdf_tags=True)
    pdf = open_pdf(raw)
    finish(pdf, meta.title or doc.filename, meta.lang or "", ", ".join(meta.authors or ()))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        save(pdf, tmp, shrink=True)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def build(doc: Document, folder: Path = FOLDER, keep: int = 3) -> Path:
    """The cached PDF for this document, made if its content is new. The `keep` most recently
    used versions of the file stay: builds running side by side may want different ones."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{cache_key(doc)}-{doc.filename}"
    if target.exists():
        target.touch()
        log.info("guide PDF %s: reused from the cache", doc.filename)
    else:
        write_pdf(doc, target)
        log.info("guide PDF %s: built", doc.filename)
    versions = sorted(folder.glob(f"*-{doc.filename}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in versions[keep:]:
        if old != target:
            old.unlink(missing_ok=True)
    return target


def publish(pdf: Path, site_dir: Path, filename: str) -> Path:
    out = Path(site_dir) / SUBDIR / filename
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, out)
    return out


def size_text(data: Any, size: int | None, lang: str) -> str:
    """'850 KB', '1.4 MB' (en) / '850 Ko', '1,4 Mo' (fr); '?' while unknown."""
    if size is None:
        return "?"
    kb = size / 1024
    if kb < 1000:
        return fmt.figure(data, max(1, round(kb)), "kb", lang)
    return fmt.figure(data, round(kb / 1024, 1), "mb", lang)


def filename_for(edition: Any, lang: str) -> str:
    return f"{edition.id}.{lang}.pdf"


def render_link(data: Any, lang: str, edition: Any, here: str) -> str:
    """The home page's download box; the size is filled in once the PDF exists (on_page_context)."""
    href = relative(posixpath.join(SUBDIR, filename_for(edition, lang)), here)
    return render("guide_pdf_link.html", data, lang, here, href=href, mark=SIZE_MARK)
