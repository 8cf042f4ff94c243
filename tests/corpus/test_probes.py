"""The frozen probe drafts (probes.toml, PROBES.md): well formed, pinned, never trained on, and
measured in aggregate only."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import pytest

from benchmarks import probes as bench
from checker import BANDS

CORPUS = Path(__file__).resolve().parent
REPO = CORPUS.parents[1]
PROBES = CORPUS / "probes.toml"
DIGEST = "4fc64d44caf57ec0907d8129fb56b12c43d8f436e5bb5dcbb4d6221db4032450"
"""sha256 of probes.toml as frozen on 5 December 2026. Changing it is a decision to say in the
changelog: the set is measured, never edited to fix a grade."""
KEYS = {"id", "lang", "kind", "expect", "style", "note", "text"}


def probes() -> list[dict]:
    return list(tomllib.loads(PROBES.read_text(encoding="utf-8"))["probe"])


def test_the_file_is_the_frozen_one() -> None:
    assert hashlib.sha256(PROBES.read_bytes()).hexdigest() == DIGEST


def test_every_probe_is_well_formed() -> None:
    items = probes()
    assert len(items) == 80
    assert len({p["id"] for p in items}) == len(items)
    for p in items:
        assert set(p) == KEYS, p["id"]
        assert re.fullmatch(rf"{p['lang']}-{p['kind']}-\d\d", p["id"]), p["id"]
        assert p["lang"] in ("en", "fr") and p["kind"] in bench.KINDS
        assert p["expect"] in BANDS and p["expect"] != "empty" and p["text"].strip()
    for lang in ("en", "fr"):
        mine = [p for p in items if p["lang"] == lang]
        assert len(mine) == 40
        assert {p["expect"] for p in mine} == set(BANDS) - {"empty"}


def test_nothing_trains_or_tunes_on_the_probes() -> None:
    """The trainer, the checker and its rubric never name the file; only the benchmark does."""
    readers = [
        path.relative_to(REPO).as_posix()
        for folder in ("checker", "model", "mkdocs_connecteur", "connecteur_cli", "benchmarks")
        for path in (REPO / folder).rglob("*.py")
        if "probes.toml" in path.read_text(encoding="utf-8")
    ]
    assert readers == ["benchmarks/probes.py"]


def test_the_benchmark_prints_aggregates_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("all") and " 80 " in out.splitlines()[1]
    for p in probes():
        assert p["id"] not in out
        assert p["text"].strip()[:40] not in out
    rows = dict(bench.table(bench.graded(probes())))
    assert rows["all"]["n"] == 80 and rows["en"]["n"] == rows["fr"]["n"] == 40
    assert 0.0 <= rows["all"]["auc"] <= 1.0
