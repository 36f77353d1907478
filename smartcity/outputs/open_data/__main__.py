"""`python -m smartcity.outputs.open_data --lang fr --out DIR`: the open-data files of the
edition (cases.json and its schema, cases.csv, the checklist and indicators as JSON, and the three
lists as XLSX), without MkDocs."""
from __future__ import annotations

import argparse
from pathlib import Path

from smartcity.model.loader import read_languages
from smartcity.edition.data import site_data
from smartcity.edition.model import load_edition
from smartcity.outputs.open_data.export import Site, build_files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=read_languages().codes, required=True)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    args = parser.parse_args(argv)
    edition = load_edition()
    site = Site(root=str(edition.site_url) if edition.site_url else None, langs=tuple(edition.languages))
    files = build_files(site_data(), args.lang, site, {code: edition.licence(code) for code in edition.languages},
                        author=edition.organisation.name(args.lang))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_bytes(content)
    print(f"{len(files)} files in {args.out}: {', '.join(sorted(files))}")


if __name__ == "__main__":
    main()
