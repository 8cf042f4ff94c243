"""What a boot from the memory snapshot saves, and costs to download.

Pyodide can save its WebAssembly memory once Python has started (``makeMemorySnapshot``) and
start from it later (``loadPyodide({_loadSnapshot})``), which skips starting the interpreter
and importing its modules. This builds the runtime as the plugin does from this checkout (the
site's ``python_stdlib.zip`` with bytecode, the checker's zip) and its snapshot as the build makes
it (``mkdocs_connecteur/runtime/snapshot.py``: the checker imported, its role model read and the
default rubric's patterns compiled; cached like the build's), then, once
per round, alternating: the boot the worker does today (``loadPyodide``, the checker's zip first
on ``sys.path``, ``import checker.bridge``, ``prepare()``) against a boot from the snapshot (the
checker's zip written back to the file system, which the snapshot does not hold). Both grade the
same draft, and the two reports must be identical. Medians over the rounds; the snapshot's size
as saved and gzipped; and the link speed under which fetching it costs more time
than it saves (``break_even_mbit_s``: gzipped bytes over the time saved).

Pyodide still fetches its standard library when it starts from a snapshot, so the snapshot adds
to the download: the site ships it, but a worker only fetches it on a link faster than
``break_even_mbit_s`` (docs/reference/performance.md, "sixth pass" and "eighth pass").

    .venv/bin/python benchmarks/snapshot_boot.py [--json] [--rounds 5]
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
from pathlib import Path

from pyodide_node import SiteRuntime, figure, main, run_script, setup, site_runtime, write_runtime

from mkdocs_connecteur.runtime import pyodide as runtime
from mkdocs_connecteur.runtime import snapshot as site_snapshot

SCRIPT = r"""
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
const [folder, mode, coreName] = process.argv.slice(2);
const corePath = "/lib/" + coreName; // where the snapshot's sys.path has the checker's zip
const indexURL = path.resolve(folder) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const checkerZip = new Uint8Array(await readFile(indexURL + "checker.zip"));
const started = performance.now();
let pyodide;
if (mode === "snapshot") {
  const snapshot = new Uint8Array(await readFile(indexURL + "snapshot.bin"));
  pyodide = await loadPyodide({ indexURL, stdout: () => {}, _loadSnapshot: snapshot });
  pyodide.FS.writeFile(corePath, checkerZip);
} else {
  pyodide = await loadPyodide({ indexURL, stdout: () => {} });
  pyodide.FS.writeFile(corePath, checkerZip);
  pyodide.runPython(
    `import sys; sys.path.insert(0, ${JSON.stringify(corePath)}); import checker.bridge; `
    + "checker.bridge.prepare()",
  );
}
const ready = performance.now();
const report = pyodide.runPython(
  "import checker, json; json.dumps(checker.grade('Bonjour Claire, pourriez-vous me présenter "
  + "à Marc ? Je prépare ma reconversion. Merci. Paul', kind='ask').to_dict())",
);
process.stdout.write(JSON.stringify({ ready_ms: ready - started, report }));
"""


def measure(rounds: int) -> list[dict]:
    ready = setup()
    site = site_runtime(ready)
    times: dict[str, list[float]] = {"today": [], "snapshot": []}
    with tempfile.TemporaryDirectory(prefix="connecteur-snapshot-") as tmp:
        folder = Path(tmp)
        script = folder / "boot.mjs"
        script.write_text(SCRIPT, encoding="utf-8")
        write_runtime(folder, ready.pyodide, site, site.stdlib)
        # The very file the plugin's build ships (and caches), made from the same runtime.
        shipped = site_snapshot.make(ready.pyodide, site.stdlib, site.core, site.lock, ready.cache)
        if shipped is None:
            sys.exit("Node.js is needed to make the snapshot")
        snapshot = gzip.decompress(shipped)
        (folder / "snapshot.bin").write_bytes(snapshot)
        reports = set()
        for _ in range(rounds):
            for mode in times:
                result = run_script(ready.node, script, folder, mode, site.core.filename)
                reports.add(result["report"])
                times[mode].append(result["ready_ms"])
        if len(reports) != 1:
            sys.exit("the two boots graded the draft differently")

    today, from_snapshot = statistics.median(times["today"]), statistics.median(times["snapshot"])
    gzipped = len(shipped)
    saved_s = (today - from_snapshot) / 1000
    return [
        figure("ready_today", round(today)),
        figure("ready_from_snapshot", round(from_snapshot)),
        figure("snapshot_ratio", round(from_snapshot / today, 3), "x"),
        figure("snapshot_mb", round(len(snapshot) / 1e6, 2), "MB"),
        figure("snapshot_gzip_mb", round(gzipped / 1e6, 2), "MB"),
        figure("site_runtime_mb", round(_runtime_bytes(ready.pyodide, site) / 1e6, 2), "MB"),
        figure(
            "break_even_mbit_s",
            round(gzipped * 8 / 1e6 / saved_s) if saved_s > 0 else float("inf"),
            "Mbit/s",
        ),
    ]


def _runtime_bytes(pyodide: Path, site: SiteRuntime) -> int:
    """What a cold boot downloads today: Pyodide's files, the site's stdlib, the checker's zip."""
    files = [name for name in runtime.SHIPPED if name != runtime.STDLIB]
    return (
        sum((pyodide / name).stat().st_size for name in files)
        + len(site.stdlib)
        + len(site.core.data)
    )


if __name__ == "__main__":
    main(__doc__, measure, rounds=5, rounds_help="boots of each kind (default 5)")
