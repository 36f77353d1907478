"""`make build`: write the complete site, both languages, to site/.

The site is built beside site/ and swapped in only when complete, so a failure at
any stage leaves the previous site and its zip as they were (scripts/atomic.py).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from smartcity.model.loader import DataError
from scripts.site import SITE, build_all


def _notes(err: BaseException) -> str:
    return "".join(f"\n{note}" for note in getattr(err, "__notes__", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--jobs", type=int, default=2, help="languages built in parallel")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        build_all(args.site_dir, jobs=args.jobs)
    except (MkDocsException, DataError) as err:
        print(f"build failed: {err}{_notes(err)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as err:
        print(f"build interrupted{_notes(err)}", file=sys.stderr)
        return 130
    except Exception as err:  # a zip, PDF or worksheet stage: show where, then what became of the site
        traceback.print_exception(err)
        print(f"build failed: {type(err).__name__}: {err}{_notes(err)}", file=sys.stderr)
        return 1
    print(f"site built in {time.perf_counter() - start:.1f} s: {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
