"""`python -m smartcity.outputs.worksheets --lang fr --out DIR`: the worksheets' PDF, DOCX and
ODT of the edition (SC_EDITION, else edition.yml, else the reference), without MkDocs."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from smartcity.model.loader import read_languages
from smartcity.edition.data import site_data
from smartcity.outputs.worksheets.build import generate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=read_languages().codes, required=True)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the documents to")
    args = parser.parse_args(argv)
    result = generate(site_data(), args.lang, jobs=2)
    args.out.mkdir(parents=True, exist_ok=True)
    for items in result.downloads.values():
        for item in items:
            shutil.copyfile(item.path, args.out / item.filename)
    print(f"{sum(len(i) for i in result.downloads.values())} documents in {args.out} "
          f"({len(result.built)} made, {len(result.reused)} from the cache)")


if __name__ == "__main__":
    main()
