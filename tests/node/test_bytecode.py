"""In the bundled Pyodide, the checker and the standard library it boots with are imported from
bytecode, not compiled from their sources."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
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


# Boots the runtime as the browser's worker does, then reports which modules of the standard
# library came from bytecode and whether a traceback through one still shows its source line.
STDLIB_SCRIPT = r"""
import path from "node:path";
import { pathToFileURL } from "node:url";
const runtime = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: runtime, packageBaseUrl: runtime, packages: ["connecteur"], stdout: () => {} });
process.stdout.write(pyodide.runPython(`
import json, sys, traceback
import checker
band = checker.grade("Bonjour, merci. Cdt", kind="ask").band
# Frozen modules (os, codecs...) live in the interpreter itself: only those read from the zip.
in_zip = [m.__file__ for m in list(sys.modules.values())
          if type(getattr(m, "__loader__", None)).__name__ == "zipimporter"]
try:
    json.loads("{")
except ValueError:
    shown = traceback.format_exc()
json.dumps({"band": band, "pyc": sum(f.endswith(".pyc") for f in in_zip),
            "py": sorted(f for f in in_zip if f.endswith(".py")), "traceback": shown})
`));
"""


def run_node(script_text: str, runtime: Path, tmp_path: Path) -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = tmp_path / "script.mjs"
    script.write_text(script_text, encoding="utf-8")
    result = subprocess.run(
        [node, str(script), str(runtime)], capture_output=True, text=True, timeout=300, check=False
    )
    # Node prints the minified line it failed in: keep the readable lines (the Python traceback).
    readable = [line for line in result.stderr.splitlines() if len(line) < 300]
    assert result.returncode == 0, "\n".join(readable[-30:])
    return result.stdout


def test_the_checker_imports_from_bytecode(built_site: Path, tmp_path: Path) -> None:
    runtime = built_site / "assets" / "connecteur" / "runtime"
    output = run_node(SCRIPT, runtime, tmp_path)
    count, _, band = output.partition(" sources replaced; band ")
    assert int(count) >= 10
    assert band == "not-ready"


def test_the_standard_library_boots_from_bytecode_and_keeps_its_sources(
    built_site: Path, tmp_path: Path
) -> None:
    runtime = built_site / "assets" / "connecteur" / "runtime"
    report = json.loads(run_node(STDLIB_SCRIPT, runtime, tmp_path))
    assert report["band"] == "not-ready"
    assert report["pyc"] >= 100, report
    assert report["py"] == [], "compiled from source at boot: " + ", ".join(report["py"])
    # The sources are still in the zip: a traceback shows the line that raised.
    assert 'json/decoder.py", line' in report["traceback"]
    assert "obj, end = self.scan_once(s, idx)" in report["traceback"]


def test_the_standard_library_bytecode_is_what_runs(built_site: Path, tmp_path: Path) -> None:
    """Every source that has bytecode beside it is replaced by one that raises: the runtime still
    boots, installs the checker and grades, so the bytecode is what Pyodide's Python loads."""
    runtime = tmp_path / "runtime"
    shutil.copytree(built_site / "assets" / "connecteur" / "runtime", runtime)
    zip_path = runtime / "python_stdlib.zip"
    with zipfile.ZipFile(zip_path) as original:
        entries = [(info, original.read(info)) for info in original.infolist()]
    compiled = {info.filename[:-1] for info, _ in entries if info.filename.endswith(".pyc")}
    assert len(compiled) >= 100
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, data in entries:
            if info.filename in compiled:
                data = b"raise ImportError('compiled from source')\n"
            rewritten.writestr(info, data)
    report = json.loads(run_node(STDLIB_SCRIPT, runtime, tmp_path))
    assert report["band"] == "not-ready"
    assert report["py"] == []
