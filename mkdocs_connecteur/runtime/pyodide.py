"""The self-hosted runtime: pinned Pyodide files, the checker wheel, the lockfile, config.json.

Integrity chain: npm installs Pyodide from package-lock.json (sha512 per tarball); here each file
the site ships is checked against a sha256 pinned in this package for that exact version (an
unknown version or a changed byte stops the build); the checker wheel is registered in the site's
``pyodide-lock.json`` by pyodide-build's ``pyodide lockfile add-wheels``, which records its
sha256, and Pyodide checks that hash when the browser loads the wheel by name. The standard
library zip may be shipped with bytecode added (stdlib.py), derived from the checked one.

Only the files the browser needs are shipped, and the lockfile lists only the checker: no entry
can send Pyodide looking for a package elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from mkdocs.exceptions import PluginError

from .wheel import Wheel

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


def _pyodide_cli() -> list[str]:
    """pyodide-build's command line, from the running environment first."""
    beside = Path(sys.executable).with_name("pyodide")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pyodide")
    if found:
        return [found]
    raise PluginError(
        "connecteur: the `pyodide` command (pyodide-build >= 0.39) is not installed; "
        "install the site's dependencies (pip install 'connecteur[site]')"
    )


def lockfile_with_wheel(pyodide: Path, wheel: Wheel, cache: Path | None = None) -> bytes:
    """The site's pyodide-lock.json: Pyodide's header, and the checker wheel as only package.

    The wheel is registered by ``pyodide lockfile add-wheels``, which reads its metadata, finds
    its import name and records its sha256. ``cache``: a folder where the result is kept, keyed
    by the pinned lockfile and the wheel (build.py).
    """
    source = pyodide / LOCKFILE
    key = hashlib.sha256(f"{_sha256(source)}:{wheel.sha256}".encode()).hexdigest()[:32]
    cached_file = cache / f"lock-{key}.json" if cache is not None else None
    if cached_file is not None and cached_file.is_file():
        cached = cached_file.read_bytes()
        try:
            entry = json.loads(cached)["packages"]["connecteur"]
        except (ValueError, KeyError, TypeError):
            entry = None
        if isinstance(entry, dict) and entry.get("sha256") == wheel.sha256:
            return cached
    original = json.loads(source.read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="connecteur-lock-") as tmp:
        folder = Path(tmp)
        (folder / wheel.filename).write_bytes(wheel.data)
        # Only what the site ships: an entry for a package we do not host would be a dead end.
        (folder / "in.json").write_text(json.dumps({"info": original["info"], "packages": {}}))
        command = [
            *_pyodide_cli(),
            "lockfile",
            "add-wheels",
            "--input",
            "in.json",
            "--output",
            "out.json",
            wheel.filename,
        ]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(
                "connecteur: `pyodide lockfile add-wheels` failed: "
                + (result.stderr.strip() or result.stdout.strip())
            )
        data = json.loads((folder / "out.json").read_text("utf-8"))
    entry = data["packages"].get("connecteur")
    if entry is None or entry.get("sha256") != wheel.sha256:
        raise PluginError("connecteur: the lockfile written by pyodide-build lacks the checker")
    lock = (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")
    if cached_file is not None:
        try:
            cached_file.parent.mkdir(parents=True, exist_ok=True)
            cached_file.write_bytes(lock)
        except OSError:
            pass  # no cache: the next build runs pyodide-build again
    return lock


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
    # The checker's wheel: its file name and its Subresource Integrity value, so the worker can
    # fetch it while Pyodide boots, with the same integrity check Pyodide asks for.
    wheel: dict[str, str]

    def to_json(self) -> bytes:
        data = {
            "checker": self.checker,
            "pyodide": self.pyodide,
            "rubric": self.rubric,
            "rubric_sha256": self.rubric_sha256,
            "wheel": self.wheel,
        }
        return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")


def runtime_config(
    checker_version: str, pyodide_version: str, wheel: Wheel, rubric_text: str | None
) -> RuntimeConfig:
    """``runtime/config.json``: the versions, the wheel with its integrity, the trainer's rubric."""
    integrity = "sha256-" + base64.b64encode(bytes.fromhex(wheel.sha256)).decode("ascii")
    return RuntimeConfig(
        checker=checker_version,
        pyodide=pyodide_version,
        rubric="rubric.toml" if rubric_text is not None else None,
        rubric_sha256=(
            hashlib.sha256(rubric_text.encode("utf-8")).hexdigest()
            if rubric_text is not None
            else None
        ),
        wheel={"file": wheel.filename, "integrity": integrity},
    )
