"""In the bundled Pyodide, the checker is imported from the wheel's bytecode, not its sources."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.node, pytest.mark.slow]

# Loads the site's wheel by name, then replaces every source file of the installed checker with
# one that raises: only bytecode can still import it and grade.
SCRIPT = r"""
import path from "node:path";
import { pathToFileURL } from "node:url";
const runtime = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: runtime, packageBaseUrl: runtime, stdout: () => {} });
await pyodide.loadPackage("connecteur", { messageCallback: () => {} });
process.stdout.write(pyodide.runPython(`
import importlib.util, pathlib, sysconfig
root = pathlib.Path(sysconfig.get_paths()["purelib"]) / "checker"
sources = sorted(root.rglob("*.py"))
for source in sources:
    source.write_text("raise ImportError('imported from source')\\n")
import checker
band = checker.grade("Bonjour, merci. Cdt", kind="ask").band
"%d sources replaced; band %s" % (len(sources), band)
`));
"""


def test_the_checker_imports_from_bytecode(built_site: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = tmp_path / "from_bytecode.mjs"
    script.write_text(SCRIPT, encoding="utf-8")
    runtime = built_site / "assets" / "connecteur" / "runtime"
    result = subprocess.run(
        [node, str(script), str(runtime)], capture_output=True, text=True, timeout=300, check=False
    )
    # Node prints the minified line it failed in: keep the readable lines (the Python traceback).
    readable = [line for line in result.stderr.splitlines() if len(line) < 300]
    assert result.returncode == 0, "\n".join(readable[-30:])
    count, _, band = result.stdout.partition(" sources replaced; band ")
    assert int(count) >= 10
    assert band == "not-ready"
