"""What the bytecode in the checker's zip saves: importing the checker in the bundled Pyodide.

Builds the checker's zip twice from this checkout (mkdocs_connecteur/runtime/core.py), with the
bytecode the plugin ships and with sources only, then boots the pinned Pyodide under Node (the
same runtime the browser runs) once per round for each, alternating, puts the zip first on
``sys.path`` as the worker does, and times ``import checker.bridge`` and reading the role model
(``bridge.prepare()``): the steps the browser's worker pays before ``ready``. Then what comes after
``ready``: reading the default rubric, the first grading of a French draft (which compiles the
French patterns it needs), and compiling every other pattern (the worker's idle-time warm-up).
Medians over the rounds.

    .venv/bin/python benchmarks/checker_import.py [--json] [--rounds 3]
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from pyodide_node import CHECKER, figure, main, run_script, setup

from mkdocs_connecteur.runtime.core import build_core

KEYS = ("import_ms", "model_ms", "rubric_ms", "first_grade_ms", "warm_rest_ms")
SCRIPT = r"""
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
const [pyodideDir, zipFile] = process.argv.slice(2);
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {} });
pyodide.FS.writeFile("/lib/checker.zip", new Uint8Array(await readFile(zipFile)));
process.stdout.write(pyodide.runPython(`
import json, sys, time
sys.path.insert(0, "/lib/checker.zip")
t0 = time.perf_counter()
import checker.bridge
t1 = time.perf_counter()
checker.bridge.prepare()
t1m = time.perf_counter()
rubric = checker.default_rubric()
t2 = time.perf_counter()
checker.grade("Bonjour Claire, pourriez-vous me présenter à Marc ? Merci. Paul", kind="ask")
t3 = time.perf_counter()
for rule in rubric.rules:
    for pattern in rule.lazy_patterns():
        pattern.warm()
t4 = time.perf_counter()
json.dumps({
    "import_ms": (t1 - t0) * 1000,
    "model_ms": (t1m - t1) * 1000,
    "rubric_ms": (t2 - t1m) * 1000,
    "first_grade_ms": (t3 - t2) * 1000,
    "warm_rest_ms": (t4 - t3) * 1000,
})
`));
"""


def measure(rounds: int) -> list[dict]:
    ready = setup()
    times: dict[str, dict[str, list[float]]] = {
        name: {key: [] for key in KEYS} for name in ("bytecode", "source")
    }
    with tempfile.TemporaryDirectory(prefix="connecteur-import-") as tmp:
        folder = Path(tmp)
        script = folder / "import.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        zips = {
            "bytecode": build_core(CHECKER, "0", bytecode=ready.compiled),
            "source": build_core(CHECKER, "0"),
        }
        for name, core in zips.items():
            (folder / f"{name}.zip").write_bytes(core.data)
        for _ in range(rounds):
            for name in zips:
                result = run_script(ready.node, script, ready.pyodide, folder / f"{name}.zip")
                for key in KEYS:
                    times[name][key].append(result[key])

    med = statistics.median
    imported = med(times["bytecode"]["import_ms"])
    from_source = med(times["source"]["import_ms"])
    return [
        figure("import_with_bytecode", round(imported, 1)),
        figure("import_from_source", round(from_source, 1)),
        figure("import_ratio", round(imported / from_source, 3), "x"),
        figure("model_load", round(med(times["bytecode"]["model_ms"]), 1)),
        figure("rubric_load", round(med(times["bytecode"]["rubric_ms"]), 1)),
        figure("first_grade_after_load", round(med(times["bytecode"]["first_grade_ms"]), 1)),
        figure("warm_other_patterns", round(med(times["bytecode"]["warm_rest_ms"]), 1)),
    ]


if __name__ == "__main__":
    main(__doc__, measure, rounds=3, rounds_help="boots of each wheel (default 3)")
