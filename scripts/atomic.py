"""Replace a folder only when its new content is complete.

The build writes into a sibling folder (same filesystem, so renames are atomic) and
swaps it in on success. On any failure, Ctrl-C included, the previous folder stays
as it was and the half-written one is removed.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def untouched_note(target: Path, existed: bool) -> str:
    if existed:
        return f"The previous site in {target} was left untouched."
    return f"No site was written to {target}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(target: Path) -> None:
    """Folders left by a build that was killed outright (no chance to clean up)."""
    for kind in ("tmp", "old"):
        for leftover in target.parent.glob(f"{target.name}.{kind}-*"):
            pid = leftover.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(leftover, ignore_errors=True)


def swap(new: Path, target: Path) -> None:
    """Put `new` in the place of `target`: old aside, new in, old deleted."""
    if not target.exists():
        new.rename(target)
        return
    backup = target.with_name(f"{target.name}.old-{os.getpid()}")
    target.rename(backup)
    try:
        new.rename(target)
    except BaseException:
        backup.rename(target)
        raise
    shutil.rmtree(backup, ignore_errors=True)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield an empty sibling folder of `target`; it becomes `target` only if the block succeeds."""
    target = target.resolve()
    existed = target.exists()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
        swap(tmp, target)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        err.add_note(untouched_note(target, existed))
        raise
