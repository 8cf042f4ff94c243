"""The runtime one build ships: prepared once per build, owned by the plugin instance.

The plugin prepares it before the pages are rendered (``on_env``), because the pages carry what
it weighs (the widget's progress shows bytes received of that total) and the preload hints for
its files; it writes it at the end (``on_post_build``). Nothing is kept between builds in memory:
the slow part (bytecode compiled by Pyodide under Node) is kept in an on-disk cache keyed by
content, ``cache_dir`` (default ``.cache/connecteur`` next to mkdocs.yml; ``$CONNECTEUR_CACHE``
overrides it), so that ``mkdocs serve`` rebuilds stay fast.
"""

from __future__ import annotations

import importlib.metadata
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

import checker

from . import bytecode, snapshot, stdlib
from . import pyodide as files
from .core import Core, build_core, integrity
from .package import package_sources

CACHE_ENV = bytecode.CACHE_ENV
DEFAULT_CACHE_DIR = ".cache/connecteur"


def checker_version() -> str:
    """The checker's version (its own attribute first, else the installed distribution's)."""
    version = getattr(checker, "__version__", None)
    return str(version) if version else importlib.metadata.version("connecteur")


def cache_dir(option: str | None, config_file: str | None) -> Path | None:
    """The on-disk cache: ``$CONNECTEUR_CACHE``, else ``option`` relative to mkdocs.yml (an empty
    option: no cache)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    if not option:
        return None
    base = Path(config_file).parent if config_file else Path.cwd()
    return (base / option).resolve()


@dataclass(frozen=True, slots=True)
class Runtime:
    """What the site ships under ``assets/connecteur/runtime/``."""

    pyodide: Path
    pyodide_version: str
    checker_version: str
    core: Core  # the checker as the worker imports it (core.py)
    lockfile: bytes
    stdlib: bytes | None  # None: Pyodide's zip as published
    rubric_text: str | None
    snapshot: bytes | None = None  # gzipped memory at "ready" (snapshot.py); None: no snapshot
    snapshot_integrity: str | None = field(init=False, default=None)
    """The snapshot's SRI hash, derived once: a snapshot is megabytes, read twice per build."""

    def __post_init__(self) -> None:
        if self.snapshot is not None:
            object.__setattr__(self, "snapshot_integrity", integrity(self.snapshot))

    def config(self) -> files.RuntimeConfig:
        shot = None
        if self.snapshot_integrity is not None:
            shot = {"file": snapshot.FILE, "integrity": self.snapshot_integrity}
        return files.runtime_config(
            self.checker_version, self.pyodide_version, self.core, self.rubric_text, shot
        )

    def sizes(self) -> dict[str, int]:
        """Bytes of each file a cold boot downloads from the runtime folder (on a slow link: the
        snapshot is only fetched where it pays, and is not counted)."""
        out = {name: (self.pyodide / name).stat().st_size for name in files.SHIPPED}
        if self.stdlib is not None:
            out[files.STDLIB] = len(self.stdlib)
        out[files.LOCKFILE] = len(self.lockfile)
        out[self.core.filename] = len(self.core.data)
        out["config.json"] = len(self.config().to_json())
        if self.rubric_text is not None:
            out["rubric.toml"] = len(self.rubric_text.encode("utf-8"))
        return out

    def download_bytes(self) -> int:
        return sum(self.sizes().values())

    def write(self, site_dir: Path) -> Path:
        """Write the runtime into ``site_dir``; return the runtime folder.

        ``stdlib``: the standard library zip shipped instead of Pyodide's (stdlib.py).
        """
        target = site_dir / files.RUNTIME_DIR
        target.mkdir(parents=True, exist_ok=True)
        for name in files.SHIPPED:
            if name == files.STDLIB and self.stdlib is not None:
                files.write_if_changed(target / name, self.stdlib)
            else:
                files.copy_if_changed(self.pyodide / name, target / name)
        files.write_if_changed(target / files.LOCKFILE, self.lockfile)
        # What an earlier build shipped for the checker: a wheel (before core.py), another zip.
        for stale in [*target.glob("connecteur-*.whl"), *target.glob("checker-*.zip")]:
            if stale.name != self.core.filename:
                stale.unlink()
        files.write_if_changed(target / self.core.filename, self.core.data)
        if self.rubric_text is not None:
            files.write_if_changed(target / "rubric.toml", self.rubric_text.encode("utf-8"))
        elif (target / "rubric.toml").exists():
            (target / "rubric.toml").unlink()
        if self.snapshot is not None:
            files.write_if_changed(target / snapshot.FILE, self.snapshot)
        elif (target / snapshot.FILE).exists():
            (target / snapshot.FILE).unlink()
        files.write_if_changed(target / "config.json", self.config().to_json())
        return target


def prepare(
    pyodide_dir: Path,
    pyodide_version: str,
    rubric_text: str | None,
    *,
    with_bytecode: bool,
    cache: Path | None,
    with_snapshot: bool = True,
) -> Runtime:
    """Build the checker's zip (with its bytecode), the lockfile, the standard library zip and,
    with bytecode, the memory snapshot."""
    package = Path(checker.__file__).parent
    version = checker_version()
    try:
        compiled = None
        if with_bytecode:
            sources = package_sources(package)
            compiled = bytecode.compile_sources(pyodide_dir, pyodide_version, sources, cache)
        core = build_core(package, version, bytecode=compiled)
    except (OSError, ValueError) as error:
        raise PluginError(f"connecteur: cannot build the checker's zip: {error}") from error
    lock = files.lockfile(pyodide_dir)
    stdlib_zip = None
    if compiled is not None:  # else Node is missing, and that was said once already
        stdlib_zip = stdlib.site_zip(pyodide_dir, pyodide_version, core, lock, cache)
    shot = None
    if with_snapshot and stdlib_zip is not None:
        shot = snapshot.make(pyodide_dir, stdlib_zip, core, lock, cache)
    return Runtime(pyodide_dir, pyodide_version, version, core, lock, stdlib_zip, rubric_text, shot)
