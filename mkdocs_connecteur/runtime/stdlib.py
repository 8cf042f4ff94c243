"""Pyodide's standard library with bytecode for what the checker's boot imports.

Pyodide ships ``python_stdlib.zip`` as sources only, so every boot compiles each module it
imports: about 145 modules for the interpreter and the checker, which is most
of the runtime's start-up (under Node, 2.4 s of boot fall to 0.8 s with bytecode). The site's zip
is therefore Pyodide's pinned zip with ``x.pyc`` **instead of** each ``x.py`` the boot imports,
compiled by the very Pyodide the site ships (node/compile_stdlib.mjs, which records the list by
booting it as the browser does); zipimport loads a sourceless ``x.pyc``, unchecked-hash (PEP 552).
Bytecode replaces the sources rather than sits beside them because every byte is downloaded:
beside them it added 1.4 MB to the zip, instead of them 0.7 MB. A traceback through these
modules names the file and line without quoting it. The modules no grading worker can use
(``UNUSED``: debuggers, test runners, the REPL, mail and process pools), when the boot did not
import them, are left out; every other entry is copied as it is.

Inputs fixed, output fixed: the same pinned zip, Pyodide and checker zip give the same bytes. The
compiled files are cached like the checker's bytecode (bytecode.py), keyed by all three.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..log import log
from . import bytecode
from .core import Core
from .pyodide import STDLIB

SCRIPT = Path(__file__).parent.parent / "node" / "compile_stdlib.mjs"
WHAT = "compiling Pyodide's standard library"


# Top-level modules and packages of Pyodide's standard library that a worker grading drafts
# never imports: left out of the site's zip unless the recorded boot imported them after all.
UNUSED = frozenset(
    {
        "_pyrepl",
        "bdb",
        "doctest",
        "ftplib",
        "imaplib",
        "mailbox",
        "multiprocessing",
        "pdb",
        "pickletools",
        "poplib",
        "pydoc",
        "smtplib",
        "trace",
        "unittest",
        "wsgiref",
        "xmlrpc",
    }
)


def _top(name: str) -> str:
    top = name.split("/", 1)[0]
    return top.removesuffix(".pyc").removesuffix(".py")


def _is_pyc(name: str) -> bool:
    return name.endswith(".pyc") and not name.startswith("/") and ".." not in name.split("/")


def cache_key(pyodide_version: str, original: bytes, core: Core, lockfile: bytes) -> str:
    """What the standard library zip depends on: script, Pyodide, its zip, the checker's, lock."""
    digest = hashlib.sha256(SCRIPT.read_bytes())
    for part in (pyodide_version.encode(), original, core.data, lockfile):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def with_bytecode(original: bytes, compiled: Mapping[str, bytes]) -> bytes:
    """``original`` (a zip) with each ``x.py`` that has an ``x.pyc`` in ``compiled`` replaced by
    it, at the same place with the same time; the ``UNUSED`` modules dropped unless some module
    of theirs was compiled; every other entry copied as it is (name, time, compression, bytes).

    The output depends on the inputs only.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(buffer, "w") as target:
        entries = {info.filename: info for info in source.infolist()}
        for name in compiled:
            if not name.endswith(".pyc") or name in entries or name[:-1] not in entries:
                raise ValueError(f"{name}: not the bytecode of a module of {STDLIB}")
        imported = {_top(name) for name in compiled}
        for info in source.infolist():
            top = _top(info.filename)
            if top in UNUSED and top not in imported:
                continue
            pyc = info.filename + "c"
            if pyc not in compiled:
                target.writestr(info, source.read(info))
                continue
            new = zipfile.ZipInfo(pyc, date_time=info.date_time)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            new.create_system = 3
            target.writestr(new, compiled[pyc], compresslevel=9)
    return buffer.getvalue()


def _compile(pyodide: Path, core: Core, node: str) -> str:
    """Run the compiler on Pyodide, given the site's checker zip; its JSON output."""
    with tempfile.TemporaryDirectory(prefix="connecteur-stdlib-") as tmp:
        folder = Path(tmp)
        (folder / core.filename).write_bytes(core.data)
        return bytecode.run_compiler(node, [SCRIPT, pyodide, folder / core.filename], WHAT)


def site_zip(
    pyodide: Path, pyodide_version: str, core: Core, lockfile: bytes, cache: Path | None
) -> bytes | None:
    """The ``python_stdlib.zip`` the site ships; None (with a warning) when Node.js is missing.

    ``cache``: the on-disk cache folder (build.py), or None."""
    original = (pyodide / STDLIB).read_bytes()
    key = cache_key(pyodide_version, original, core, lockfile)
    cached_file = cache / f"stdlib-{key}.json" if cache is not None else None
    compiled = bytecode.read_cache(cached_file, _is_pyc) if cached_file is not None else None
    if not compiled:
        node = bytecode.find_node()
        if node is None:
            log.warning(
                "Node.js was not found, so Pyodide's standard library ships without bytecode and "
                "the browser compiles it at every boot (more than a second); install Node.js, set "
                "$CONNECTEUR_NODE, or set `bytecode: false` under the connecteur plugin"
            )
            return None
        output = _compile(pyodide, core, node)
        compiled = bytecode.decode(output, _is_pyc)
        if not compiled:
            raise PluginError(f"connecteur: {WHAT} gave unreadable output")
        if cached_file is not None:
            bytecode.write_cache(cached_file, output)
    try:
        data = with_bytecode(original, compiled)
    except (ValueError, zipfile.BadZipFile) as error:
        raise PluginError(f"connecteur: {pyodide / STDLIB}: {error}") from error
    return data
