"""The files of the ``checker`` package that the browser receives, in a stable order.

The checker's zip (core.py) and the bytecode compiled for it (bytecode.py, build.py) start from
this one selection: the core's modules, its data and its compiled catalogues; never a cache,
stray bytecode or a catalogue's ``.po`` source. The command line, batch grading and the scaffold
live in other packages and never reach the browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PACKAGE = "checker"
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".po", ".pot")  # the catalogues ship compiled (.mo)


def package_files(package_dir: Path) -> Iterator[tuple[str, Path]]:
    """(archive name, path) of every file of the package, in a stable order."""
    root = package_dir.parent
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or _SKIP_DIRS.intersection(rel.parts) or path.suffix in _SKIP_SUFFIXES:
            continue
        yield rel.as_posix(), path


def package_sources(package_dir: Path) -> dict[str, bytes]:
    """The package's files: archive name to bytes."""
    return {name: path.read_bytes() for name, path in package_files(package_dir)}
