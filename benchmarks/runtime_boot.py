"""What the standard library's bytecode saves: Pyodide's boot with the pinned zip, or the site's.

Builds the runtime as the plugin does from this checkout (the checker wheel with its bytecode,
the site's lockfile, and ``python_stdlib.zip`` with bytecode added: mkdocs_connecteur/stdlib.py),
then boots it under Node as the browser's worker does (``loadPyodide`` with the checker's wheel
named in ``packages``, then ``import checker``) once per round with each zip, alternating: the
pinned one as npm publishes it, and the site's. Medians over the rounds; the zips' sizes.

    .venv/bin/python benchmarks/runtime_boot.py [--json] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mkdocs_connecteur import bytecode, runtime, stdlib  # noqa: E402
from mkdocs_connecteur.wheel import build_wheel, package_sources  # noqa: E402

SCRIPT = r"""
import path from "node:path";
import { pathToFileURL } from "node:url";
const indexURL = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL, packageBaseUrl: indexURL, packages: ["connecteur"], stdout: () => {} });
const booted = performance.now();
pyodide.runPython("import json, checker");
const ready = performance.now();
process.stdout.write(JSON.stringify({ boot_ms: booted - started, ready_ms: ready - started }));
"""


def measure(rounds: int) -> list[dict]:
    node = bytecode.find_node()
    if node is None:
        sys.exit("Node.js is needed (it runs the bundled Pyodide)")
    pyodide = runtime.find_pyodide(None, str(REPO / "mkdocs.yml"))
    version = runtime.verify(pyodide)
    package = REPO / "checker"
    compiled = bytecode.compile_sources(pyodide, version, package_sources(package))
    if not compiled:
        sys.exit("could not compile the checker's bytecode")
    wheel = build_wheel(package, "0", bytecode=compiled)
    lock = runtime.lockfile_with_wheel(pyodide, wheel)
    site_zip = stdlib.site_zip(pyodide, version, wheel, lock)
    if site_zip is None:
        sys.exit("could not compile the standard library's bytecode")
    zips = {"pinned": (pyodide / stdlib.ZIP_NAME).read_bytes(), "site": site_zip}
    times: dict[str, dict[str, list[float]]] = {
        name: {"boot_ms": [], "ready_ms": []} for name in zips
    }
    with tempfile.TemporaryDirectory(prefix="connecteur-boot-") as tmp:
        folder = Path(tmp)
        script = folder / "boot.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        for name, data in zips.items():
            target = folder / name
            target.mkdir()
            for shipped in runtime.SHIPPED:
                shutil.copyfile(pyodide / shipped, target / shipped)
            (target / stdlib.ZIP_NAME).write_bytes(data)
            (target / runtime.LOCKFILE).write_bytes(lock)
            (target / wheel.filename).write_bytes(wheel.data)
        for _ in range(rounds):
            for name in zips:
                done = subprocess.run(
                    [node, str(script), str(folder / name)],
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
                if done.returncode != 0:
                    lines = [line for line in done.stderr.splitlines() if len(line) < 300]
                    sys.exit("\n".join(lines[-20:]))
                result = json.loads(done.stdout)
                for key, values in times[name].items():
                    values.append(result[key])

    med = statistics.median

    def figure(name: str, value: float, unit: str = "ms") -> dict:
        return {"name": name, "value": value, "unit": unit, "target": None}

    pinned, site = med(times["pinned"]["boot_ms"]), med(times["site"]["boot_ms"])
    return [
        figure("boot_pinned_stdlib", round(pinned)),
        figure("boot_site_stdlib", round(site)),
        figure("boot_ratio", round(site / pinned, 3), "x"),
        figure("ready_pinned_stdlib", round(med(times["pinned"]["ready_ms"]))),
        figure("ready_site_stdlib", round(med(times["site"]["ready_ms"]))),
        figure("pinned_stdlib_mb", round(len(zips["pinned"]) / 1e6, 2), "MB"),
        figure("site_stdlib_mb", round(len(zips["site"]) / 1e6, 2), "MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--rounds", type=int, default=5, help="boots with each zip (default 5)")
    options = parser.parse_args()
    for item in measure(options.rounds):
        if options.json:
            print(json.dumps(item))
        else:
            print(f"{item['name']:<22} {item['value']:>10} {item['unit']}")


if __name__ == "__main__":
    main()
