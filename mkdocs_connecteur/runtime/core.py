"""The checker as the browser imports it: one zip on ``sys.path``, instead of an installed wheel.

The worker fetches ``checker-<version>.zip`` while Pyodide boots (with the Subresource Integrity
value ``config.json`` gives), writes it into Pyodide's file system and puts it first on
``sys.path``: zipimport then imports ``checker`` from it. Nothing is installed, so Pyodide's
package loader (the lockfile lookup, unpacking the wheel, its metadata) is not on the way to
``ready``; that cost the boot about 35 ms under Node and more in a page.

The zip holds the ``checker`` package only (the same files the wheel would: sources, data and
compiled catalogues, package.py's ``package_files``), each module as its bytecode ``x.pyc``
**instead of** its source ``x.py`` when the bytecode was compiled (bytecode.py), since zipimport
loads a sourceless ``x.pyc`` (unchecked-hash, PEP 552); every byte is downloaded, and the sources
would only add to them. Without Node.js the zip holds the sources, and Pyodide compiles them at
every boot. The same inputs give the same bytes (fixed times, sorted entries).

The wheel stays what ``pip`` users install: ``python -m build`` makes it from pyproject.toml.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .package import PACKAGE, package_sources

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


@dataclass(frozen=True, slots=True)
class Core:
    """The built zip: its file name and bytes."""

    filename: str
    data: bytes

    @property
    def integrity(self) -> str:
        """Its Subresource Integrity value, which the worker's fetch checks."""
        return integrity(self.data)


def integrity(data: bytes) -> str:
    """A file's Subresource Integrity value (sha256), which the browser checks on fetch."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def sourceless_name(pycache_name: str) -> str:
    """``checker/__pycache__/x.cpython-314.pyc`` -> ``checker/x.pyc`` (where zipimport looks)."""
    folder, _, file = pycache_name.rpartition("/__pycache__/")
    return f"{folder}/{file.split('.', 1)[0]}.pyc"


def core_entries(
    sources: Mapping[str, bytes], bytecode: Mapping[str, bytes] | None
) -> dict[str, bytes]:
    """Archive name to bytes: each module's bytecode in place of its source, when compiled."""
    compiled = {sourceless_name(name): data for name, data in (bytecode or {}).items()}
    entries: dict[str, bytes] = {}
    for name, data in sources.items():
        pyc = name[: -len(".py")] + ".pyc" if name.endswith(".py") else None
        if pyc is not None and pyc in compiled:
            entries[pyc] = compiled.pop(pyc)
        else:
            entries[name] = data
    if compiled:
        raise ValueError(f"bytecode without a source: {', '.join(sorted(compiled))}")
    return entries


def build_core(
    package_dir: Path, version: str, *, bytecode: Mapping[str, bytes] | None = None
) -> Core:
    """``checker-<version>.zip`` from ``package_dir`` and its ``__pycache__`` bytecode."""
    entries = core_entries(package_sources(package_dir), bytecode)
    if f"{PACKAGE}/__init__.py" not in entries and f"{PACKAGE}/__init__.pyc" not in entries:
        raise ValueError(f"{package_dir} is not the {PACKAGE!r} package (no __init__.py)")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(entries.items()):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the building machine
            archive.writestr(info, data, compresslevel=9)
    return Core(f"{PACKAGE}-{version}.zip", buffer.getvalue())
