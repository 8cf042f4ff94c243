"""What the Node benchmarks share: the pinned Pyodide and the checker's bytecode, the runtime the
site ships, one Node run, and the command line (checker_import.py, runtime_boot.py,
snapshot_boot.py)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mkdocs_connecteur.runtime import bytecode, stdlib  # noqa: E402
from mkdocs_connecteur.runtime import pyodide as runtime  # noqa: E402
from mkdocs_connecteur.runtime.build import DEFAULT_CACHE_DIR, cache_dir  # noqa: E402
from mkdocs_connecteur.runtime.core import Core, build_core  # noqa: E402
from mkdocs_connecteur.runtime.package import package_sources  # noqa: E402

CHECKER = REPO / "checker"


@dataclass(frozen=True)
class Setup:
    """Node, the pinned Pyodide (folder and version), and the checker's bytecode for it."""

    node: str
    pyodide: Path
    version: str
    compiled: dict[str, bytes]
    cache: Path | None  # the plugin's on-disk cache for this repository


def setup() -> Setup:
    node = bytecode.find_node()
    if node is None:
        sys.exit("Node.js is needed (it runs the bundled Pyodide)")
    pyodide = runtime.find_pyodide(None, str(REPO / "mkdocs.yml"))
    version = runtime.verify(pyodide)
    cache = cache_dir(DEFAULT_CACHE_DIR, str(REPO / "mkdocs.yml"))
    compiled = bytecode.compile_sources(pyodide, version, package_sources(CHECKER), cache)
    if not compiled:
        sys.exit("could not compile the checker's bytecode")
    return Setup(node, pyodide, version, compiled, cache)


@dataclass(frozen=True)
class SiteRuntime:
    """What the plugin ships beside Pyodide's files: the checker's zip (with bytecode), the site's
    lockfile and its ``python_stdlib.zip`` (bytecode in place of sources)."""

    core: Core
    lock: bytes
    stdlib: bytes


def site_runtime(ready: Setup) -> SiteRuntime:
    """Build the site's runtime from this checkout as the plugin does; exit if Node cannot."""
    core = build_core(CHECKER, "0", bytecode=ready.compiled)
    lock = runtime.lockfile(ready.pyodide)
    site_zip = stdlib.site_zip(ready.pyodide, ready.version, core, lock, ready.cache)
    if site_zip is None:
        sys.exit("could not compile the standard library's bytecode")
    return SiteRuntime(core, lock, site_zip)


def write_runtime(folder: Path, pyodide: Path, site: SiteRuntime, stdlib_zip: bytes) -> None:
    """A runtime folder the Node scripts boot: Pyodide's files, `stdlib_zip` (the site's, or the
    pinned one to compare), the site's lockfile, and the checker's zip as ``checker.zip``."""
    folder.mkdir(parents=True, exist_ok=True)
    for shipped in runtime.SHIPPED:
        shutil.copyfile(pyodide / shipped, folder / shipped)
    (folder / runtime.STDLIB).write_bytes(stdlib_zip)
    (folder / runtime.LOCKFILE).write_bytes(site.lock)
    (folder / "checker.zip").write_bytes(site.core.data)


def run_script(node: str, script: Path, *args: str | Path) -> dict:
    """Run a Node script that prints one JSON object; exit with its readable errors if it fails."""
    done = subprocess.run(
        [node, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        # Node prints the minified line it failed in: keep the readable ones (the traceback).
        lines = [line for line in done.stderr.splitlines() if len(line) < 300]
        sys.exit("\n".join(lines[-20:]))
    return json.loads(done.stdout)


def figure(name: str, value: float, unit: str = "ms") -> dict:
    return {"name": name, "value": value, "unit": unit, "target": None}


def main(doc: str, measure: Callable[[int], list[dict]], rounds: int, rounds_help: str) -> None:
    """The command line of a Node benchmark: ``--json`` and ``--rounds``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--rounds", type=int, default=rounds, help=rounds_help)
    options = parser.parse_args()
    for item in measure(options.rounds):
        if options.json:
            print(json.dumps(item))
        else:
            print(f"{item['name']:<22} {item['value']:>10} {item['unit']}")
