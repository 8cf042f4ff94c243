"""Build the checker as a pure-Python wheel, deterministically, with the standard library.

A ``py3-none-any`` wheel holds no extension module, so the wheel any standard builder makes is
one Pyodide loads: ``pyodide build`` (which needs a cross-build environment) is only for compiled
extensions. The bytecode added beside the sources (bytecode.py) only spares the browser a
compile. Building it here, from the installed ``checker`` package, means the browser runs exactly
the code the build graded the fences with. The same sources give the same bytes (fixed
timestamps, sorted entries, fixed permissions), so the hash in the lockfile is stable.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

DIST_NAME = "connecteur"
PACKAGE = "checker"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".po", ".pot")  # the catalogues ship compiled (.mo)


@dataclass(frozen=True, slots=True)
class Wheel:
    """A built wheel: its file name, bytes and sha256 (hex)."""

    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def package_files(package_dir: Path) -> Iterator[tuple[str, Path]]:
    """(archive name, path) of every file of the package, in a stable order."""
    root = package_dir.parent
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(root)
        if path.is_dir() or _SKIP_DIRS.intersection(rel.parts) or path.suffix in _SKIP_SUFFIXES:
            continue
        yield rel.as_posix(), path


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def _entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever the building machine
    archive.writestr(info, data, compresslevel=9)


def metadata(version: str, summary: str) -> str:
    """The METADATA file: the least a wheel needs (no dependencies: stdlib only)."""
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
        "Requires-Python: >=3.12\n"
    )


def package_sources(package_dir: Path) -> dict[str, bytes]:
    """The package's files as the wheel holds them: archive name to bytes."""
    return {name: path.read_bytes() for name, path in package_files(package_dir)}


def build_wheel(
    package_dir: Path,
    version: str,
    summary: str = "Connecteur draft checker",
    *,
    bytecode: Mapping[str, bytes] | None = None,
) -> Wheel:
    """Build ``connecteur-<version>-py3-none-any.whl`` holding only ``package_dir``.

    ``bytecode``: ``__pycache__`` files to add (bytecode.py), compiled from these same sources.
    """
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files = package_sources(package_dir) | dict(bytecode or {})
    entries: list[tuple[str, bytes]] = sorted(files.items())
    if not any(name == f"{PACKAGE}/__init__.py" for name, _ in entries):
        raise ValueError(f"{package_dir} is not the {PACKAGE!r} package (no __init__.py)")
    entries += [
        (f"{dist_info}/METADATA", metadata(version, summary).encode("utf-8")),
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: mkdocs-connecteur\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n",
        ),
        (f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode()),
    ]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            _entry(archive, name, data)
        _entry(archive, f"{dist_info}/RECORD", record.encode("utf-8"))
    return Wheel(f"{DIST_NAME}-{version}-py3-none-any.whl", buffer.getvalue())
