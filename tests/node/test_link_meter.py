"""The link's speed as the worker measures it (assets/js/link-meter.js), which decides whether a
reader downloads the 6 MB memory snapshot: a slow link must not look fast because the worker was
busy when its first bytes came in."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.node

METER = Path(__file__).resolve().parents[2] / "mkdocs_connecteur/assets/js/link-meter.js"
FAST_BYTES_PER_MS = 125e6 / 8 / 1000  # worker.js: the snapshot pays above 125 Mbit/s
PROBE_BYTES = 1e6  # worker.js

# Feeds the meter a list of reads [bytes, at_ms, opening] and prints the rate it gives once it has
# PROBE_BYTES, in bytes per ms, or null.
SCRIPT = r"""
import { pathToFileURL } from "node:url";
const { LinkMeter } = await import(pathToFileURL(process.argv[2]).href);
const reads = JSON.parse(process.argv[3]);
const meter = new LinkMeter();
let rate = null;
for (const [bytes, at, opening] of reads) {
  meter.record(bytes, at, opening);
  rate ??= meter.rate(Number(process.argv[4]));
}
process.stdout.write(JSON.stringify(rate));
"""


def rate(reads: list[tuple[int, float, bool]], tmp_path: Path) -> float | None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = tmp_path / "meter.mjs"
    script.write_text(SCRIPT)
    result = subprocess.run(
        [node, str(script), str(METER), json.dumps(reads), str(PROBE_BYTES)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def link(
    mbit_s: float, start: float, chunks: int, chunk: int = 65536
) -> list[tuple[int, float, bool]]:
    """A response read chunk by chunk as it arrives at `mbit_s`, its first read at `start`."""
    per_ms = mbit_s * 1e6 / 8 / 1000
    return [(chunk, start + i * chunk / per_ms, i == 0) for i in range(chunks)]


def test_a_40_mbit_link_read_late_by_a_busy_worker_still_looks_slow(tmp_path: Path) -> None:
    """The worker reads nothing for 160 ms, then gets 800 KB at once (what arrived meanwhile), then
    the link's pace: counting that backlog as if it had come after the first read would make
    40 Mbit/s look like about 160 (the first version of the meter did)."""
    per_ms = 40e6 / 8 / 1000
    backlog = int(160 * per_ms)
    reads = [(backlog, 160.0, True)] + [
        (65536, 160.0 + (i + 1) * 65536 / per_ms, False) for i in range(40)
    ]
    measured = rate(reads, tmp_path)
    assert measured is not None
    assert measured < FAST_BYTES_PER_MS
    assert abs(measured - per_ms) / per_ms < 0.05
    # What the first version computed: every byte from the first read on, backlog included.
    total, naive = 0, None
    for length, at, _ in reads:
        total += length
        if naive is None and total >= PROBE_BYTES:
            naive = total / (at - reads[0][1])
    assert naive is not None and naive > FAST_BYTES_PER_MS  # what the test guards against


def test_a_fast_link_looks_fast_and_a_slow_one_slow(tmp_path: Path) -> None:
    fast = rate(link(400, 30, 40), tmp_path)
    slow = rate(link(40, 30, 40), tmp_path)
    assert fast is not None and fast > FAST_BYTES_PER_MS
    assert slow is not None and slow < FAST_BYTES_PER_MS


def test_no_rate_before_a_megabyte_has_come_after_the_first_read(tmp_path: Path) -> None:
    """A megabyte in the first read alone says nothing of the link."""
    assert rate([(2_000_000, 10.0, True)], tmp_path) is None
    assert rate(link(400, 0, 10), tmp_path) is None  # 9 chunks counted: under a megabyte


def test_two_responses_their_first_reads_left_out(tmp_path: Path) -> None:
    """The runtime's files come side by side; the second one's first read (a backlog too) is not
    counted, so the rate can only come out lower than the link's."""
    per_ms = 40e6 / 8 / 1000
    wasm = link(20, 50, 30)
    stdlib = [(800_000, 200.0, True)] + [
        (65536, 200.0 + (i + 1) * 65536 / (per_ms / 2), False) for i in range(30)
    ]
    reads = sorted(wasm + stdlib, key=lambda r: r[1])
    measured = rate(reads, tmp_path)
    assert measured is not None and measured < per_ms * 1.05
