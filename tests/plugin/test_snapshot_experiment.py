"""benchmarks/browser.py --snapshot: the experiment's worker starts Pyodide from a snapshot.

The experiment measures what starting from a memory snapshot would save in the browser, and cost
on a throttled link (docs/reference/performance.md, "Ready sooner, sixth pass"); these tests check
that the worker it measures differs from ours only there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_scripts import load_script

WORKER = Path(__file__).resolve().parents[2] / "mkdocs_connecteur" / "assets" / "js" / "worker.js"


def test_the_worker_fetches_the_snapshot_at_once_and_hands_it_to_pyodide() -> None:
    bench = load_script("browser")
    ours = WORKER.read_text(encoding="utf-8")
    changed = bench.snapshot_worker(ours)
    assert "_loadSnapshot" not in ours
    fetch_at = changed.index(f'fetch(RUNTIME + "{bench.SNAPSHOT_FILE}")')
    # Fetched from the worker's start, before any message arrives, and gunzipped as it streams.
    assert fetch_at < changed.index("onmessage") and fetch_at < changed.index("loadPyodide({")
    assert 'new DecompressionStream("gzip")' in changed
    load = changed[changed.index("await loadPyodide({") :]
    assert load.index("_loadSnapshot: SNAPSHOT,") < load.index("})")
    # Nothing else differs: take the two insertions out and the worker is ours.
    handed = "    _loadSnapshot: SNAPSHOT,\n"
    assert changed.replace(bench.SNAPSHOT_FETCH, "").replace(handed, "") == ours


def test_a_worker_without_the_lines_it_changes_is_an_error() -> None:
    bench = load_script("browser")
    with pytest.raises(SystemExit, match="no longer has the lines"):
        bench.snapshot_worker("const RUNTIME = 1;\n")
