"""The self-hosted runtime: pinned Pyodide files, the lockfile, config.json.

Integrity chain: npm installs Pyodide from package-lock.json (sha512 per tarball); here each file
the site ships is checked against a sha256 pinned in this package for that exact version (an
unknown version or a changed byte stops the build); the checker's zip (core.py) is named in
``config.json`` with its Subresource Integrity value, which the browser checks when the worker
fetches it. The standard library zip may be shipped with bytecode added (stdlib.py), derived
from the checked one.

Only the files the browser needs are shipped, and the lockfile lists no package at all (Pyodide
reads it at every boot; the checker is not installed through it): no entry can send Pyodide
looking for a package elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError

from .core import Core

RUNTIME_DIR = "assets/connecteur/runtime"
PYODIDE_ENV = "CONNECTEUR_PYODIDE"
# What loadPyodide fetches from its indexURL in a module worker: nothing else is shipped.
STDLIB = "python_stdlib.zip"
SHIPPED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", STDLIB)
LOCKFILE = "pyodide-lock.json"


@cache
def pins() -> dict[str, dict[str, str]]:
    """The pinned sha256 of every checked file, per Pyodide version."""
    text = resources.files("mkdocs_connecteur").joinpath("pyodide_pins.json").read_text("utf-8")
    versions: dict[str, dict[str, str]] = json.loads(text)["versions"]
    return versions


def find_pyodide(option: str | None, config_file: str | None) -> Path:
    """The npm package folder: $CONNECTEUR_PYODIDE, else the option, relative to mkdocs.yml."""
    chosen = os.environ.get(PYODIDE_ENV) or option or "node_modules/pyodide"
    base = Path(config_file).parent if config_file else Path.cwd()
    path = (base / chosen).resolve()
    if not (path / "package.json").is_file():
        raise PluginError(
            f"connecteur: Pyodide not found at {path} (from "
            f"{'$' + PYODIDE_ENV if os.environ.get(PYODIDE_ENV) else repr(chosen)}). "
            "Run `npm ci` next to package-lock.json, or point the plugin's 'pyodide' option "
            f"(or ${PYODIDE_ENV}) at the npm package folder."
        )
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify(pyodide: Path) -> str:
    """Check the package's version is pinned and its files match; return the version."""
    try:
        version: str = json.loads((pyodide / "package.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(f"connecteur: cannot read {pyodide / 'package.json'}: {error}") from error
    pinned = pins().get(version)
    if pinned is None:
        raise PluginError(
            f"connecteur: Pyodide {version} at {pyodide} is not pinned by this plugin "
            f"(pinned: {', '.join(sorted(pins()))}). Install the pinned version with `npm ci`."
        )
    for name, expected in sorted(pinned.items()):
        path = pyodide / name
        if not path.is_file():
            raise PluginError(f"connecteur: {path} is missing; reinstall Pyodide with `npm ci`")
        actual = _sha256(path)
        if actual != expected:
            raise PluginError(
                f"connecteur: integrity check failed for {path}: sha256 {actual}, pinned "
                f"{expected} for Pyodide {version}. Reinstall with `npm ci`."
            )
    return version


def lockfile(pyodide: Path) -> bytes:
    """The site's pyodide-lock.json: Pyodide's header (its version, Python's), and no package."""
    original = json.loads((pyodide / LOCKFILE).read_text("utf-8"))
    data = {"info": original["info"], "packages": {}}
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy unless the target is already this file (same size and time): serve rebuilds."""
    if target.is_file():
        a, b = source.stat(), target.stat()
        if a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns:
            return
    shutil.copy2(source, target)


def write_if_changed(target: Path, data: bytes) -> None:
    """Write only new bytes, so ``mkdocs serve`` sees no change where there is none."""
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)


@dataclass(frozen=True, slots=True)
class RuntimeConfig:
    """runtime/config.json (ARCHITECTURE.md, built site layout)."""

    checker: str
    pyodide: str
    rubric: str | None
    rubric_sha256: str | None
    # The checker's zip (core.py): its file name and its Subresource Integrity value, so the
    # worker fetches it while Pyodide boots, and the browser checks it.
    core: dict[str, str]
    # The memory snapshot a worker on a fast link starts from (snapshot.py): file and integrity;
    # None when the site ships none.
    snapshot: dict[str, str] | None = None

    def to_json(self) -> bytes:
        data = {
            "checker": self.checker,
            "pyodide": self.pyodide,
            "rubric": self.rubric,
            "rubric_sha256": self.rubric_sha256,
            "core": self.core,
            "snapshot": self.snapshot,
        }
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def runtime_config(
    checker_version: str,
    pyodide_version: str,
    core: Core,
    rubric_text: str | None,
    snapshot: dict[str, str] | None = None,
) -> RuntimeConfig:
    """``runtime/config.json``: the versions, the checker's zip with its integrity, the trainer's
    rubric, the memory snapshot."""
    return RuntimeConfig(
        checker=checker_version,
        pyodide=pyodide_version,
        rubric="rubric.toml" if rubric_text is not None else None,
        rubric_sha256=(
            hashlib.sha256(rubric_text.encode("utf-8")).hexdigest()
            if rubric_text is not None
            else None
        ),
        core={"file": core.filename, "integrity": core.integrity},
        snapshot=snapshot,
    )
