"""Generate every worksheet's downloads for one language through the cache, and put them in the site.

`downloads()` is what pages ask for (names and sizes); the build hook calls it
before pages render and `publish()` after, so every file a page links to exists.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smartcity.core.switches import downloads_enabled
from smartcity.model.reads import Remembered

from smartcity.outputs.worksheets import cache, dossier_odt, dossier_word, odt, pdf, templates, word
from smartcity.outputs.worksheets.dossier_view import ID as DOSSIER, DossierView, dossier_view
from smartcity.outputs.worksheets.dossier_view import filename as dossier_filename
from smartcity.outputs.worksheets.fonts import subset_fonts
from smartcity.outputs.worksheets.load import load_cached
from smartcity.outputs.worksheets.model import Worksheet
from smartcity.outputs.worksheets.view import Header, SheetView, header_for, view

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}
FORMATS = tuple(MIME)
SUBDIR = "downloads/worksheets"
log = logging.getLogger("mkdocs.plugins.smartcity.worksheets")


@dataclass(frozen=True)
class Download:
    sheet: str
    fmt: str
    filename: str
    path: Path      # the cached file
    size: int       # bytes

    @property
    def mime(self) -> str:
        return MIME[self.fmt]

    @property
    def published(self) -> bool:
        """The dossier's template ships as script data only: it is no document to download."""
        return self.sheet != DOSSIER

    @property
    def url(self) -> str:
        """Relative to the language root."""
        return f"{SUBDIR}/{self.filename}"


@dataclass
class Result:
    downloads: dict[str, list[Download]] = field(default_factory=dict)
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)  # stale copies kept (see generate)
    seconds: float = 0.0


def make(v: SheetView | DossierView, fmt: str, target: Path, fonts: dict[str, Path]) -> None:
    """Write one document (in a worker process when the build runs several)."""
    if isinstance(v, DossierView):
        writer = {"docx": lambda p: dossier_word.write(v, p), "odt": lambda p: dossier_odt.write(v, p)}[fmt]
    else:
        writer = {"pdf": lambda p: pdf.write(v, p, fonts), "docx": lambda p: word.write(v, p),
                  "odt": lambda p: odt.write(v, p)}[fmt]
    cache.store(writer, target)


def generate(data: Any, lang: str, sheets: dict[str, Worksheet] | None = None,
             folder: Path = cache.FOLDER, header: Header | None = None, jobs: int = 1,
             published: Path | None = None) -> Result:
    """`published`: a site's downloads folder. A document not in the cache that has a copy there
    is not made: the copy stands for it (`make serve`'s dirty rebuilds; a full build follows)."""
    start = time.perf_counter()
    sheets = load_cached(data) if sheets is None else sheets
    header = header or header_for(lang)
    fonts = subset_fonts(folder / "fonts")
    embedded = "|".join(p.name for p in fonts.values()).encode()
    if header.logo:
        embedded += Path(header.logo).read_bytes()
    result, todo = Result(), []
    views = [view(data, sheet, lang, header) for sheet in sheets.values()]
    for v in views + [dossier_view(data, lang, views, header)]:
        fingerprint = v.fingerprint()
        for fmt in (templates.FORMATS if v.id == DOSSIER else FORMATS):
            target = cache.path_for(folder, cache.key(fingerprint, fmt, embedded), v.filename(fmt))
            result.downloads.setdefault(v.id, []).append(Download(v.id, fmt, v.filename(fmt), target, 0))
            # What a published site holds of it: the document, or the dossier's script data.
            stand_in = v.filename(fmt) if v.id != DOSSIER else templates.script_name(v.filename(fmt))
            if target.exists():
                result.reused.append(target.name)
            elif published is not None and (published / stand_in).is_file():
                result.downloads[v.id][-1] = Download(v.id, fmt, v.filename(fmt), published / stand_in, 0)
                result.deferred.append(v.filename(fmt))
            else:
                todo.append((v, fmt, target))
    if jobs > 1 and len(todo) > 3:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for future in [pool.submit(make, v, fmt, target, fonts) for v, fmt, target in todo]:
                future.result()
    else:
        for v, fmt, target in todo:
            make(v, fmt, target, fonts)
    result.built = [target.name for _, _, target in todo]
    for id_, items in result.downloads.items():
        result.downloads[id_] = [Download(d.sheet, d.fmt, d.filename, d.path, d.path.stat().st_size) for d in items]
    cache.prune(folder, lang, {d.path for items in result.downloads.values() for d in items})
    result.seconds = time.perf_counter() - start
    return result


_memo: dict[tuple, Remembered] = {}


def downloads(data: Any, lang: str, folder: Path = cache.FOLDER,
              published: Path | None = None) -> dict[str, list[Download]]:
    """The downloads of every worksheet in `lang`, generated if needed; memoised per content state.
    `published`: see generate()."""
    sheets = load_cached(data)
    header = header_for(lang)
    if not downloads_enabled():  # SC_DOWNLOADS=0: links and names only, nothing generated
        named = {s.id: [Download(s.id, fmt, view(data, s, lang, header).filename(fmt), Path(), 0) for fmt in FORMATS]
                 for s in sheets.values()}
        named[DOSSIER] = [Download(DOSSIER, fmt, dossier_filename(lang, fmt), Path(), 0) for fmt in templates.FORMATS]
        return named
    memo_key = (lang, id(data), id(sheets), header, str(folder), str(published))
    known = _memo.get(memo_key)
    if known is not None and not all(d.path.exists() for ds in known.value.downloads.values() for d in ds):
        del _memo[memo_key]  # another build sharing the cache pruned some (a build of other code)
    if memo_key not in _memo:
        if len(_memo) > 4:
            _memo.clear()
        # Languages already build side by side: each takes half the cores.
        memo = Remembered(lambda: generate(data, lang, sheets, folder, header,
                                           jobs=max(1, (os.cpu_count() or 1) // 2), published=published))
        log.info("worksheets (%s): %d built, %d reused, %d left stale in %.2f s", lang, len(memo.value.built),
                 len(memo.value.reused), len(memo.value.deferred), memo.value.seconds)
        _memo[memo_key] = memo
    return _memo[memo_key].get().downloads


def publish(site_dir: Path, items: dict[str, list[Download]]) -> list[Path]:
    """Copy the downloads into the built site, dropping files no worksheet has any more."""
    if not downloads_enabled():
        return []
    target = Path(site_dir) / SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    wanted = {d.filename: d for ds in items.values() for d in ds}
    scripts = {templates.script_name(name): d for name, d in wanted.items() if d.fmt in templates.FORMATS}
    for old in target.iterdir():
        if old.name not in wanted and old.name not in scripts:
            old.unlink()
    written = []
    for name, d in wanted.items():
        if not d.published:
            continue
        out = target / name
        if out == d.path:  # a stale copy standing in for its document (generate's `published`)
            written.append(out)
            continue
        if not out.exists() or out.stat().st_size != d.size or out.stat().st_mtime < d.path.stat().st_mtime:
            shutil.copyfile(d.path, out)
        written.append(out)
    for name, d in scripts.items():  # the blank DOCX and ODT as script data (templates.py)
        out = target / name
        if out == d.path:  # the dossier's stale script standing in for it (generate's `published`)
            written.append(out)
            continue
        if not out.exists() or out.stat().st_mtime < d.path.stat().st_mtime:
            out.write_text(templates.script(d.filename, d.path.read_bytes()), encoding="ascii")
        written.append(out)
    return written
