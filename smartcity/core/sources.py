"""The source files behind a piece of our code: every first-party module it imports, at any
depth (imports inside functions too), found by reading the code, not by running it. Caches
hash them, so a change to any module a generator uses makes its documents again."""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # smartcity/
PACKAGE = PACKAGE_DIR.name


def module_file(name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _imports(path: Path, name: str) -> set[str]:
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)  # `from pkg import module`
    return found


@lru_cache(maxsize=None)
def closure(*entries: str) -> tuple[Path, ...]:
    """The files of `entries` and of every first-party module they import, sorted."""
    seen: dict[str, Path] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        while name and module_file(name) is None and "." in name:
            name = name.rpartition(".")[0]  # an imported object: its module
        path = module_file(name)
        if path is None or name in seen:
            continue
        seen[name] = path
        parent = name.rpartition(".")[0]
        imported = _imports(path, name)
        if "iter_modules(" in path.read_text(encoding="utf-8"):  # it discovers the modules of what it imports
            imported |= {f"{pkg}.{sub.stem}" for pkg in imported if (f := module_file(pkg)) and f.name == "__init__.py"
                         for sub in f.parent.glob("*.py") if sub.stem != "__init__"}
        todo.extend(imported | ({parent} if parent else set()))
    return tuple(sorted(set(seen.values())))


_TEMPLATE_REF = re.compile(r"""\{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")


def templates(folder: Path, *names: str) -> tuple[Path, ...]:
    """Jinja templates and every template they include, extend or import, sorted."""
    seen: set[Path] = set()
    todo = list(names)
    while todo:
        path = folder / todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_TEMPLATE_REF.findall(path.read_text(encoding="utf-8")))
    return tuple(sorted(seen))
