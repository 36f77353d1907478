"""`make build`: write the complete site, both languages, to site/."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from macros.loader import DataError
from scripts.site import SITE, build_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--jobs", type=int, default=2, help="languages built in parallel")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        build_all(args.site_dir, jobs=args.jobs)
    except (MkDocsException, DataError) as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    print(f"site built in {time.perf_counter() - start:.1f} s: {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
