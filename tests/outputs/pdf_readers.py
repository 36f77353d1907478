"""Other readers than pypdf, for the tests: poppler, MuPDF, PDFium and pdf.js draw a page,
poppler and qpdf extract and flatten. Each returns a grey image (PIL, mode L) at DPI.
pdf.js runs in headless Chromium: it draws in a tab that `pdfjs_tab` opens on a local server."""
from __future__ import annotations

import base64
import contextlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.conftest import ROOT, need, serve_folder

DPI = 100


def _tool(name: str, package: str) -> str:
    need(shutil.which(name) is not None, f"{name} is missing: apt-get install {package} (make test does)")
    return name


def poppler(path: Path, page: int, out: Path) -> Image.Image:
    prefix = out / f"poppler-{path.stem}-{page}"
    subprocess.run([_tool("pdftoppm", "poppler-utils"), "-r", str(DPI), "-gray", "-f", str(page + 1),
                    "-l", str(page + 1), "-singlefile", str(path), str(prefix)], check=True, capture_output=True)
    return Image.open(f"{prefix}.pgm").convert("L")


def mupdf(path: Path, page: int, out: Path) -> Image.Image:
    target = out / f"mupdf-{path.stem}-{page}.png"
    subprocess.run([_tool("mutool", "mupdf-tools"), "draw", "-q", "-r", str(DPI), "-c", "gray",
                    "-o", str(target), str(path), str(page + 1)], check=True, capture_output=True)
    return Image.open(target).convert("L")


def pdfium(path: Path, page: int, out: Path) -> Image.Image:
    pdfium2 = __import__("pytest").importorskip("pypdfium2")
    doc = pdfium2.PdfDocument(str(path))
    try:
        doc.init_forms()
        return doc[page].render(scale=DPI / 72, may_draw_forms=True, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


PDFJS = ROOT / "node_modules" / "pdfjs-dist"
HARNESS = Path(__file__).with_name("pdfjs_harness.html")


@contextlib.contextmanager
def pdfjs_tab(browser, folder: Path):
    """A tab on the pdf.js harness, served with pdfjs-dist from `folder`; a request that leaves
    the local server is refused and fails the block, as does an error in the page."""
    need((PDFJS / "build" / "pdf.min.mjs").is_file(), "pdfjs-dist missing: run `npm ci` (make test does)")
    shutil.copy(HARNESS, folder / "index.html")
    (folder / "pdfjs").symlink_to(PDFJS, target_is_directory=True)
    with serve_folder(folder) as url:
        context = browser.new_context()
        foreign, errors = [], []

        def local_only(route):
            if route.request.url.startswith(url):
                return route.continue_()
            foreign.append(route.request.url)
            return route.abort()

        context.route("**/*", local_only)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(url)
        tab.wait_for_selector("html[data-sc-ready]", state="attached")
        try:
            yield tab
        finally:
            context.close()
        assert not foreign, f"pdf.js asked for {foreign[:3]}"
        assert not errors, f"the pdf.js page failed: {errors[:3]}"


def pdfjs(tab, path: Path, page: int, out: Path) -> Image.Image:
    drawn = tab.evaluate("([pdf, page, scale]) => scDraw(pdf, page, scale)",
                         [base64.b64encode(path.read_bytes()).decode("ascii"), page, DPI / 72])
    return Image.frombytes("L", (drawn["width"], drawn["height"]), base64.b64decode(drawn["grey"]))


RENDERERS = {"poppler": poppler, "mupdf": mupdf, "pdfium": pdfium}
IN_BROWSER = {"pdfjs": pdfjs}  # these take a pdfjs_tab first


def ink(image: Image.Image, rect, page_height: float) -> int:
    """Dark pixels inside a PDF rectangle (points, origin bottom left)."""
    x1, y1, x2, y2 = (float(n) for n in rect)
    s = DPI / 72
    box = (int(min(x1, x2) * s) + 1, int((page_height - max(y1, y2)) * s) + 1,
           int(max(x1, x2) * s) - 1, int((page_height - min(y1, y2)) * s) - 1)
    return sum(1 for p in image.crop(box).get_flattened_data() if p < 110)


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run([_tool("pdftotext", "poppler-utils"), "-enc", "UTF-8", *pages, str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def pypdf_flatten(path: Path, values: dict, target: Path) -> Path:
    """Flattened as pypdf's documentation says: the answers' appearances into the page, the
    widgets removed; and the form itself, which would otherwise list fields no longer there."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.update_page_form_field_values(None, values, auto_regenerate=False, flatten=True)
    writer.remove_annotations(subtypes="/Widget")
    del writer.root_object["/AcroForm"]
    writer.write(target)
    return target


@dataclass(frozen=True)
class Line:
    """One line of text on a page as poppler lays it out, in points from the top left."""

    top: float
    bottom: float
    left: float
    text: str


def lines(path: Path) -> list[list[Line]]:
    """Each page's lines of text, top to bottom (`pdftotext -bbox-layout`)."""
    from lxml import etree

    out = subprocess.run([_tool("pdftotext", "poppler-utils"), "-enc", "UTF-8", "-bbox-layout", str(path), "-"],
                         check=True, capture_output=True).stdout
    pages = []
    for page in etree.fromstring(out, etree.XMLParser(recover=True)).iter("{*}page"):
        found = [Line(float(line.get("yMin")), float(line.get("yMax")), float(line.get("xMin")),
                      " ".join(w.text or "" for w in line.iter("{*}word"))) for line in page.iter("{*}line")]
        pages.append(sorted(found, key=lambda line: (line.top, line.left)))
    return pages


def qpdf_flatten(path: Path, target: Path) -> Path:
    subprocess.run([_tool("qpdf", "qpdf"), "--generate-appearances", "--flatten-annotations=all",
                    str(path), str(target)], check=False, capture_output=True)
    assert target.is_file(), f"qpdf did not flatten {path.name}"
    return target
