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

# Boots the runtime as the browser's worker does: the site's checker zip (named in config.json)
# first on sys.path, before anything imports the checker.
BOOT = r"""
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
const runtime = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: runtime, packageBaseUrl: runtime, stdout: () => {} });
const config = JSON.parse(await readFile(runtime + "config.json", "utf8"));
const core = "/lib/" + config.core.file;
pyodide.FS.writeFile(core, new Uint8Array(await readFile(runtime + config.core.file)));
pyodide.pyimport("sys").path.insert(0, core);
"""

# Imports the checker, reads its role model and grades; reports where each of its modules came
# from: the zip holds no source, so only bytecode can import it.
SCRIPT = (
    BOOT
    + r"""
process.stdout.write(pyodide.runPython(`
import json, sys
import checker.bridge
checker.bridge.prepare()
band = checker.grade("Bonjour, merci. Cdt", kind="ask").band
files = sorted(m.__file__ for name, m in list(sys.modules.items())
               if name == "checker" or name.startswith("checker."))
json.dumps({"band": band, "files": files})
`));
"""
)


# Reports which modules of the standard library came from bytecode, and what a traceback
# through one of them shows.
STDLIB_SCRIPT = (
    BOOT
    + r"""
process.stdout.write(pyodide.runPython(`
import json, sys, traceback
import checker.bridge
checker.bridge.prepare()
band = checker.grade("Bonjour, merci. Cdt", kind="ask").band
# Frozen modules (os, codecs...) live in the interpreter itself: only those read from the zip.
in_zip = [m.__file__ for m in list(sys.modules.values())
          if type(getattr(m, "__loader__", None)).__name__ == "zipimporter"
          and "/python" in m.__file__]
try:
    json.loads("{")
except ValueError:
    shown = traceback.format_exc()
json.dumps({"band": band, "pyc": sum(f.endswith(".pyc") for f in in_zip),
            "py": sorted(f for f in in_zip if f.endswith(".py")), "traceback": shown})
`));
"""
)


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
    config = json.loads((runtime / "config.json").read_text())
    with zipfile.ZipFile(runtime / config["core"]["file"]) as shipped:
        assert not [name for name in shipped.namelist() if name.endswith(".py")]
    report = json.loads(run_node(SCRIPT, runtime, tmp_path))
    assert report["band"] == "not-ready"
    assert len(report["files"]) >= 10
    prefix = f"/lib/{config['core']['file']}/checker/"
    assert all(f.startswith(prefix) and f.endswith(".pyc") for f in report["files"]), report


def test_the_standard_library_boots_from_bytecode_without_its_sources(
    built_site: Path, tmp_path: Path
) -> None:
    runtime = built_site / "assets" / "connecteur" / "runtime"
    report = json.loads(run_node(STDLIB_SCRIPT, runtime, tmp_path))
    assert report["band"] == "not-ready"
    assert report["pyc"] >= 100, report
    assert report["py"] == [], "compiled from source at boot: " + ", ".join(report["py"])
    # The sources are gone (bytecode replaces them, every byte being downloaded): a traceback
    # still names the file, the line and the function, without quoting the line.
    assert 'json/decoder.py", line' in report["traceback"]
    assert "in raw_decode" in report["traceback"]
    assert "obj, end = self.scan_once(s, idx)" not in report["traceback"]


def test_the_standard_library_bytecode_is_what_runs(built_site: Path, tmp_path: Path) -> None:
    """The site's zip holds no source beside a module's bytecode, and the modules read from it
    load from that bytecode: the runtime boots, imports the checker and grades."""
    runtime = built_site / "assets" / "connecteur" / "runtime"
    with zipfile.ZipFile(runtime / "python_stdlib.zip") as shipped:
        names = set(shipped.namelist())
    compiled = {name for name in names if name.endswith(".pyc")}
    assert len(compiled) >= 100
    assert not {name[:-1] for name in compiled} & names, "a source beside its bytecode"
    report = json.loads(run_node(STDLIB_SCRIPT, runtime, tmp_path))
    assert report["band"] == "not-ready"
    assert report["py"] == []
