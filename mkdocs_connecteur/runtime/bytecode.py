"""Bytecode for the bundled Python, so the browser does not compile the checker at every boot.

Importing the checker from source costs Pyodide about 0.1 s of compiling on each page load. The
checker's zip (core.py) therefore carries each module's bytecode instead of its source, compiled
here as ``__pycache__/*.cpython-3XY.pyc`` by the very Pyodide the site ships (run in Node.js: the
host's CPython is another version, with another bytecode). They are unchecked-hash files (PEP
552): zipimport has no source time to check them against.

Compiling boots Pyodide under Node (a few seconds), so results are cached on disk by Pyodide
version and source bytes, in the folder the plugin passes (its ``cache_dir`` option, see
build.py). A cache that cannot be written is skipped, never an error. The standard library gets
the same treatment in stdlib.py, with the helpers here. Nothing is kept in memory between builds.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..log import log

SCRIPT = Path(__file__).parent.parent / "node" / "compile_pyc.mjs"
CACHE_ENV = "CONNECTEUR_CACHE"
NODE_ENV = "CONNECTEUR_NODE"


def find_node() -> str | None:
    """Node.js: $CONNECTEUR_NODE (a path or a command name), else `node` on the PATH."""
    return shutil.which(os.environ.get(NODE_ENV) or "node")


def cache_key(pyodide_version: str, sources: Mapping[str, bytes]) -> str:
    """What the compiled bytecode depends on: the script, the Pyodide version, the sources."""
    digest = hashlib.sha256(SCRIPT.read_bytes())
    digest.update(pyodide_version.encode())
    for name in sorted(sources):
        digest.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(sources[name]).digest())
    return digest.hexdigest()[:32]


def decode(text: str, valid_name: Callable[[str], bool]) -> dict[str, bytes] | None:
    """A compiler's output (or a cache file): archive names to bytes; None if damaged."""
    try:
        data = json.loads(text)
        compiled = {name: base64.b64decode(value, validate=True) for name, value in data.items()}
    except (ValueError, AttributeError, TypeError, binascii.Error):
        return None
    if not all(valid_name(name) for name in compiled):
        return None
    return compiled


def _in_pycache(name: str) -> bool:
    return "/__pycache__/" in name and name.endswith(".pyc")


def read_cache(path: Path, valid_name: Callable[[str], bool]) -> dict[str, bytes] | None:
    """The cached bytecode, or None when there is none or it does not decode (then compile)."""
    try:
        return decode(path.read_text("utf-8"), valid_name)
    except OSError:
        return None  # not cached yet: compile


def write_cache(path: Path, encoded: str | bytes) -> None:
    """Keep what was made (bytecode, a snapshot) for the next build, atomically; an unwritable
    cache is no error."""
    data = encoded.encode("utf-8") if isinstance(encoded, str) else encoded
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError as error:
        log.debug(f"bytecode cache not written ({error})")


def run_compiler(node: str, args: list[Path], what: str, payload: str | None = None) -> str:
    """Run a compiler script under Node; its output, or a PluginError naming ``what`` failed."""
    try:
        result = subprocess.run(
            [node, *map(str, args)],
            input=payload,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"connecteur: {what}: {error}") from None
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise PluginError(f"connecteur: {what}: {detail}")
    return result.stdout


def compile_sources(
    pyodide: Path, pyodide_version: str, sources: Mapping[str, bytes], cache: Path | None
) -> dict[str, bytes] | None:
    """``{archive name of the .pyc: bytes}`` for the ``.py`` files in ``sources``.

    None, with a warning, when Node.js is missing: the site still works, from sources.
    """
    modules = {name: data for name, data in sources.items() if name.endswith(".py")}
    key = cache_key(pyodide_version, modules)
    cached_file = cache / f"bytecode-{key}.json" if cache is not None else None
    cached = read_cache(cached_file, _in_pycache) if cached_file is not None else None
    if cached is not None and len(cached) == len(modules):
        return cached
    node = find_node()
    if node is None:
        log.warning(
            "Node.js was not found, so the checker ships without bytecode and the browser compiles "
            "it at every boot (about 0.1 s); install Node.js, set $CONNECTEUR_NODE, "
            "or set `bytecode: false` under the connecteur plugin"
        )
        return None
    try:
        payload = json.dumps({name: data.decode("utf-8") for name, data in modules.items()})
    except UnicodeDecodeError as error:
        raise PluginError(f"connecteur: a checker module is not UTF-8: {error}") from error
    what = "compiling the checker with Pyodide"
    output = run_compiler(node, [SCRIPT, pyodide], what, payload)
    compiled = decode(output, _in_pycache)
    if compiled is None or len(compiled) != len(modules):
        raise PluginError(f"connecteur: {what} gave unreadable output")
    if cached_file is not None:
        write_cache(cached_file, output)
    return compiled
