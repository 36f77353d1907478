"""`python -m smartcity.outputs.guide_pdf PRINT_PAGE OUT.pdf`: the whole guide as a PDF from
its print page, the HTML the build assembles from the rendered pages (`make build` writes it
where SC_GUIDE_PDF_HTML says, {lang} standing for the language). No MkDocs: the pages are
rendered already, and their Markdown is not rendered again here."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from smartcity.outputs.guide_pdf.assemble import Document, build


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", type=Path, help="the print page (HTML)")
    parser.add_argument("out", type=Path, help="the PDF to write")
    args = parser.parse_args(argv)
    pdf = build(Document(html=args.page.read_text(encoding="utf-8"), filename=args.out.name))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, args.out)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
