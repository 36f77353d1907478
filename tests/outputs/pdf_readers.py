"""Other readers than pypdf, for the tests: poppler, MuPDF and PDFium draw a page, poppler
and qpdf extract and flatten. Each returns a grey image (PIL, mode L) at DPI."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image

from tests.conftest import need

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


RENDERERS = {"poppler": poppler, "mupdf": mupdf, "pdfium": pdfium}


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


def qpdf_flatten(path: Path, target: Path) -> Path:
    subprocess.run([_tool("qpdf", "qpdf"), "--generate-appearances", "--flatten-annotations=all",
                    str(path), str(target)], check=False, capture_output=True)
    assert target.is_file(), f"qpdf did not flatten {path.name}"
    return target
