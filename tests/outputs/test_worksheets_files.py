"""Downloads: every PDF, DOCX and ODT of the built site reopened, in both languages; the cache."""
from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from odf import opendocument, table, teletype, text
from pypdf import PdfReader

from smartcity.outputs.worksheets import cache
from smartcity.outputs.worksheets.build import FORMATS, SUBDIR, generate, publish
from smartcity.outputs.worksheets.load import FOLDER, load_worksheets
from smartcity.outputs.worksheets.view import SheetView, header_for, view

LANGS = ("fr", "en")
MAX_PDF = 80 * 1024


@pytest.fixture(scope="module")
def views(data):
    sheets = load_worksheets(data)
    return {(lang, id_): view(data, s, lang) for lang in LANGS for id_, s in sheets.items()}


def pdf_names(v: SheetView) -> set[str]:
    """The AcroForm fields a worksheet must have: cells, checklist boxes (one per option), one
    radio field per "tick one" question, and text fields."""
    out = set()
    for s in v.sections:
        for f in s.fields:
            if f.type == "table":
                out |= {f.cell_name(r, c) for r in f.rows for c in f.columns}
            elif f.type == "checklist":
                out |= {f.option_name(o) for o in f.options}
            else:
                out.add(f.name)
    return out


def heading_texts(v: SheetView) -> list[str]:
    return [v.title] + [s.title for s in v.sections] + [f.label for s in v.sections for f in s.fields]


def table_heads(v: SheetView) -> list[list[str]]:
    return [[f.row_header or v.labels["doc.row"]] + [c.label for c in f.columns]
            for s in v.sections for f in s.fields if f.type == "table"]


def built(site: Path, v: SheetView, fmt: str) -> Path:
    path = site / v.lang / SUBDIR / v.filename(fmt)
    assert path.is_file(), f"missing download {path}"
    return path


@pytest.mark.build
def test_ninety_downloads_and_the_office_files_as_script_data(site, views):
    files = sorted(p.name for lang in LANGS for p in (site / lang / SUBDIR).iterdir())
    documents = sorted(v.filename(f) for v in views.values() for f in FORMATS)
    scripts = sorted(f"{v.filename(f)}.js" for v in views.values() for f in ("docx", "odt"))
    dossier = [f"dossier.{lang}.{f}.js" for lang in LANGS for f in ("docx", "odt")]  # its templates: scripts only
    assert files == sorted(documents + scripts + dossier) and len(documents) == 90
    for (lang, _), v in views.items():  # each script holds its document's bytes, under its name
        for fmt in ("docx", "odt"):
            text = (site / lang / SUBDIR / f"{v.filename(fmt)}.js").read_text(encoding="ascii")
            key, b64 = re.fullmatch(r'\(window\.scTemplates=window\.scTemplates\|\|\{\}\)\[("[^"]+")\]="([A-Za-z0-9+/=]+)";\n', text).groups()
            assert json.loads(key) == v.filename(fmt)
            assert base64.b64decode(b64) == (site / lang / SUBDIR / v.filename(fmt)).read_bytes()


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_fields_title_fonts(site, views, lang):
    for (code, _), v in views.items():
        if code != lang:
            continue
        path = built(site, v, "pdf")
        assert path.stat().st_size <= MAX_PDF, f"{path.name}: {path.stat().st_size} bytes"
        reader = PdfReader(path)
        fields = reader.get_fields()
        assert set(fields) == pdf_names(v), path.name
        kinds = {fields[n]["/FT"] for n in fields}
        assert kinds <= {"/Tx", "/Btn", "/Ch"} and "/Tx" in kinds
        assert reader.metadata.title == v.title
        first = reader.pages[0].extract_text()
        assert v.title.split()[0] in first and v.header.name.split()[0] in first
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "+" in font["/BaseFont"], f"{path.name}: font {font['/BaseFont']} is not subset"
                assert font["/BaseFont"].split("+")[1] in ("SC-Sans", "SC-Sans-Bold"), "a fallback font crept in"
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                assert "/FontFile2" in descriptor, f"{path.name}: font not embedded"


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_docx_headings_and_tables(site, views, lang):
    for (code, _), v in views.items():
        if code != lang:
            continue
        doc = Document(str(built(site, v, "docx")))
        headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
        assert headings[0] == v.title
        for expected in heading_texts(v):
            assert expected in headings, f"{v.id} {lang}: heading {expected!r} missing"
        heads = [[c.text for c in t.rows[0].cells] for t in doc.tables if len(t.columns) > 1]
        assert heads == table_heads(v)
        assert doc.core_properties.title == v.title
        assert v.header.name in doc.sections[0].header.paragraphs[0].text


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGS)
def test_odt_headings_and_tables(site, views, lang):
    for (code, _), v in views.items():
        if code != lang:
            continue
        doc = opendocument.load(str(built(site, v, "odt")))
        headings = [teletype.extractText(h) for h in doc.getElementsByType(text.H)]
        assert headings[0] == v.title
        for expected in heading_texts(v):
            assert expected in headings, f"{v.id} {lang}: heading {expected!r} missing"
        heads = []
        for t in doc.getElementsByType(table.Table):
            rows = t.getElementsByType(table.TableHeaderRows)
            if rows:
                heads.append([teletype.extractText(c) for c in rows[0].getElementsByType(table.TableCell)])
        assert heads == table_heads(v)
        titles = [teletype.extractText(n) for n in doc.meta.childNodes if n.qname[1] == "title"]
        assert titles == [v.title]


def test_cache_skips_unchanged_worksheets(data, tmp_path: Path):
    """Cold: every document is made. Again: none. One definition changed: only its three, and
    the dossier's two templates, which hold every worksheet."""
    folder = tmp_path / "defs"
    folder.mkdir()
    for id_ in ("p0-s1", "p3-s3"):
        shutil.copy(FOLDER / f"{id_}.yml", folder)
    out = tmp_path / "cache"
    first = generate(data, "en", load_worksheets(data, folder), out)
    assert len(first.built) == 6 + 2 and not first.reused
    again = generate(data, "en", load_worksheets(data, folder), out)
    assert not again.built and len(again.reused) == 6 + 2
    path = folder / "p3-s3.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Gaps and decisions", "Gaps and choices"), encoding="utf-8")
    changed = generate(data, "en", load_worksheets(data, folder), out)
    assert sorted(changed.built) == sorted(d.path.name for d in changed.downloads["p3-s3"] + changed.downloads["dossier"])
    assert len(changed.reused) == 3
    # The replaced documents are pruned; publishing copies exactly the current ones.
    assert len(list(out.glob("*.en.*"))) == 6 + 2
    site = tmp_path / "site"
    written = publish(site, changed.downloads)
    assert sorted(p.name for p in written) == sorted(p.name for p in (site / SUBDIR).iterdir())
    assert Document(str(site / SUBDIR / "p3-s3-adjusting-the-plan.en.docx")).core_properties.title == "Gaps and choices"


def test_cache_key_covers_content_and_format():
    assert cache.key("a", "pdf") != cache.key("b", "pdf") != cache.key("a", "docx")
    assert cache.key("a", "pdf") == cache.key("a", "pdf")


def test_edition_logo_reaches_every_format(data, tmp_path: Path):
    """The hook a branded edition uses: Header.logo appears in the PDF, DOCX and ODT headers."""
    from dataclasses import replace
    from PIL import Image
    import zipfile

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), (11, 85, 99)).save(logo)
    header = replace(header_for("en"), logo=logo)
    sheets = {k: v for k, v in load_worksheets(data).items() if k == "p0-s1"}
    result = generate(data, "en", sheets, tmp_path / "cache", header)
    files = {d.fmt: d.path for d in result.downloads["p0-s1"]}
    page = PdfReader(files["pdf"]).pages[0]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in page["/Resources"]["/XObject"].values())
    assert Document(str(files["docx"])).sections[0].header.paragraphs[0].runs[0]._r.xpath(".//pic:pic")
    assert any(n.startswith("Pictures/") for n in zipfile.ZipFile(files["odt"]).namelist())
    plain = generate(data, "en", sheets, tmp_path / "cache")
    assert plain.built, "a logo change must not reuse the documents made without it"


def test_a_deferring_build_keeps_the_published_copy_of_a_changed_worksheet(data, tmp_path: Path):
    """`make serve`'s dirty rebuilds: a changed worksheet's documents are not made while a
    published copy stands in for them; the full build behind makes them."""
    folder = tmp_path / "defs"
    folder.mkdir()
    shutil.copy(FOLDER / "p3-s3.yml", folder)
    out, site = tmp_path / "cache", tmp_path / "site"
    publish(site, generate(data, "en", load_worksheets(data, folder), out).downloads)
    published = {p.name: p.read_bytes() for p in (site / SUBDIR).iterdir()
                 if p.suffix != ".js" or p.name.startswith("dossier.")}
    path = folder / "p3-s3.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Gaps and decisions", "Gaps and choices"), encoding="utf-8")
    deferred = generate(data, "en", load_worksheets(data, folder), out, published=site / SUBDIR)
    assert not deferred.built
    assert sorted(deferred.deferred) == sorted(n.removesuffix(".js") for n in published)
    assert all(d.path.parent == site / SUBDIR and d.size == len(published[d.filename])
               for d in deferred.downloads["p3-s3"])
    publish(site, deferred.downloads)  # the stale copies stay as they were
    assert {n: (site / SUBDIR / n).read_bytes() for n in published} == published
    full = generate(data, "en", load_worksheets(data, folder), out)
    assert len(full.built) == 3 + 2
    publish(site, full.downloads)
    assert Document(str(site / SUBDIR / "p3-s3-adjusting-the-plan.en.docx")).core_properties.title == "Gaps and choices"


def test_documents_pruned_by_another_build_are_made_again(data, tmp_path: Path):
    """Builds of different code share the cache and prune what they do not use: a build whose
    memoised documents went missing makes them again instead of failing to publish."""
    from smartcity.outputs.worksheets.build import downloads

    out = tmp_path / "cache"
    first = downloads(data, "en", out)
    victim = first["p0-s1"][0].path
    victim.unlink()
    again = downloads(data, "en", out)
    assert victim.exists() and again["p0-s1"][0].path == victim
    assert publish(tmp_path / "site", again)
