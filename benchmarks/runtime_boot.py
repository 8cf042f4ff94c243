"""What the standard library's bytecode saves: Pyodide's boot with the pinned zip, or the site's.

Builds the runtime as the plugin does from this checkout (the checker's zip with its bytecode,
the site's lockfile, and ``python_stdlib.zip`` with bytecode added:
mkdocs_connecteur/runtime/stdlib.py),
then boots it under Node as the browser's worker does (``loadPyodide``, the checker's zip first
on ``sys.path``, then ``import checker``) once per round with each zip, alternating: the
pinned one as npm publishes it, and the site's. Medians over the rounds; the zips' sizes.

    .venv/bin/python benchmarks/runtime_boot.py [--json] [--rounds 5]
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from pyodide_node import figure, main, run_script, setup, site_runtime, write_runtime

from mkdocs_connecteur.runtime import pyodide as runtime

SCRIPT = r"""
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
const indexURL = path.resolve(process.argv[2]) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const started = performance.now();
const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, stdout: () => {} });
const booted = performance.now();
pyodide.FS.writeFile("/lib/checker.zip", new Uint8Array(await readFile(indexURL + "checker.zip")));
pyodide.runPython("import sys; sys.path.insert(0, '/lib/checker.zip'); import json, checker");
const ready = performance.now();
process.stdout.write(JSON.stringify({ boot_ms: booted - started, ready_ms: ready - started }));
"""


def measure(rounds: int) -> list[dict]:
    ready = setup()
    site = site_runtime(ready)
    zips = {"pinned": (ready.pyodide / runtime.STDLIB).read_bytes(), "site": site.stdlib}
    times: dict[str, dict[str, list[float]]] = {
        name: {"boot_ms": [], "ready_ms": []} for name in zips
    }
    with tempfile.TemporaryDirectory(prefix="connecteur-boot-") as tmp:
        folder = Path(tmp)
        script = folder / "boot.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        for name, data in zips.items():
            write_runtime(folder / name, ready.pyodide, site, data)
        for _ in range(rounds):
            for name in zips:
                result = run_script(ready.node, script, folder / name)
                for key, values in times[name].items():
                    values.append(result[key])

    med = statistics.median
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


if __name__ == "__main__":
    main(__doc__, measure, rounds=5, rounds_help="boots with each zip (default 5)")
