"""A memory snapshot of the worker at ``ready``, for readers on a fast link.

Booting Pyodide and importing the checker take most of the checker page's wait (about 0.4 s of
machine time on a fast link). Pyodide can save its WebAssembly memory once Python has started and
start again from it, skipping the interpreter's start and every import: the worker does so when the
runtime's first bytes arrive fast enough for the extra download to pay (worker.js; 6 MB gzipped for
about 0.4 s saved, so above about 125 Mbit/s: docs/reference/performance.md). On a slower link the
file is never asked for, and the boot is as before.

The snapshot is made here, under Node, from the very files the site ships (node/make_snapshot.mjs),
gzipped (the worker gunzips it as it arrives) and cached like the bytecode, keyed by those files.
Snapshots use Pyodide's ``_makeSnapshot`` / ``_loadSnapshot`` options, which Pyodide documents as
experimental: the pinned version is the one tested (tests/browser/test_snapshot.py).
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import bytecode
from .core import Core
from .pyodide import LOCKFILE, SHIPPED, STDLIB

SCRIPT = Path(__file__).parent.parent / "node" / "make_snapshot.mjs"
FILE = "snapshot.bin.gz"
WHAT = "making the runtime's memory snapshot"


def cache_key(pyodide: Path, stdlib_zip: bytes, core: Core, lockfile: bytes) -> str:
    """What the snapshot depends on: the script, every file the boot reads, and the checker's zip
    name, which the snapshot keeps on ``sys.path`` (the same bytes under another version's name
    would read their data from a file the worker never writes)."""
    digest = hashlib.sha256(SCRIPT.read_bytes())
    digest.update(core.filename.encode("utf-8") + b"\0")
    for name in SHIPPED:
        if name != STDLIB:
            digest.update(hashlib.sha256((pyodide / name).read_bytes()).digest())
    for data in (stdlib_zip, core.data, lockfile):
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


def make(
    pyodide: Path, stdlib_zip: bytes, core: Core, lockfile: bytes, cache: Path | None
) -> bytes | None:
    """The gzipped snapshot of the runtime made of these files (cached by their content); None
    when it is not cached and Node.js is missing (bytecode.py has said so already)."""
    cached = None
    if cache is not None:
        cached = cache / f"snapshot-{cache_key(pyodide, stdlib_zip, core, lockfile)}.bin.gz"
    if cached is not None and cached.is_file():
        data = cached.read_bytes()
        if data[:2] == b"\x1f\x8b":
            return data
    node = bytecode.find_node()
    if node is None:
        return None
    with tempfile.TemporaryDirectory(prefix="connecteur-snapshot-") as tmp:
        folder = Path(tmp)
        for name in SHIPPED:
            if name != STDLIB:
                shutil.copyfile(pyodide / name, folder / name)
        (folder / STDLIB).write_bytes(stdlib_zip)
        (folder / LOCKFILE).write_bytes(lockfile)
        (folder / core.filename).write_bytes(core.data)
        out = folder / "snapshot.bin"
        bytecode.run_compiler(node, [SCRIPT, folder, Path(core.filename), out], WHAT)
        try:
            raw = out.read_bytes()
        except OSError as error:
            raise PluginError(f"connecteur: {WHAT}: {error}") from None
    data = gzip.compress(raw, compresslevel=9, mtime=0)
    if cached is not None:
        bytecode.write_cache(cached, data)
    return data
