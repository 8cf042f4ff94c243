"""The development drafts (drafts-dev.toml, DRAFTS.md): well formed, balanced, kept apart from
training, and listed draft by draft by their benchmark."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import checker
from benchmarks import drafts as bench
from checker import BANDS, KINDS

CORPUS = Path(__file__).resolve().parent
REPO = CORPUS.parents[1]
KEYS = {"id", "lang", "kind", "expect", "style", "note", "text"}


def drafts() -> list[dict]:
    return list(tomllib.loads((CORPUS / "drafts-dev.toml").read_text(encoding="utf-8"))["draft"])


def test_every_draft_is_well_formed_and_the_set_is_balanced() -> None:
    items = drafts()
    assert len(items) == sum(48 * len(bench.languages(b)) for b in bench.BATCHES)
    assert len({d["id"] for d in items}) == len(items)
    for d in items:
        assert set(d) == KEYS, d["id"]
        assert re.fullmatch(rf"{d['lang']}-{d['kind']}-\d{{2,3}}", d["id"]), d["id"]
        assert d["expect"] in BANDS and d["expect"] != "empty" and d["text"].strip(), d["id"]
    for lang in ("en", "fr"):
        for kind in KINDS:
            mine = [d for d in items if d["lang"] == lang and d["kind"] == kind]
            theirs_batches = [b for b in bench.BATCHES if lang in bench.languages(b)]
            assert len(mine) == 12 * len(theirs_batches), (lang, kind)
            for batch in theirs_batches:
                theirs = [d for d in mine if bench.batch(d) == batch]
                assert len(theirs) == 12, (lang, kind, batch)
                assert {d["expect"] for d in theirs} == {"ready", "needs-work", "not-ready"}


def test_no_draft_reaches_training() -> None:
    """Development drafts tune the rubric by hand; the role model never fits them, so that the
    trainer's held-out figures and the probes stay measures of words nobody trained on."""
    readers = [
        path.relative_to(REPO).as_posix()
        for folder in ("checker", "model", "mkdocs_connecteur", "connecteur_cli")
        for path in (REPO / folder).rglob("*.py")
        if "drafts-dev" in path.read_text(encoding="utf-8")
    ]
    assert readers == []


def test_the_listing_gives_every_draft_with_its_grade(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--list"]) == 0
    out = capsys.readouterr().out
    items = drafts()
    for d in items:
        line = next(x for x in out.splitlines() if f" {d['id']} " in x)
        got = re.search(r"expect (\S+) +got +(\d+) (\S+)", line)
        assert got is not None and got.group(1) == d["expect"], line
        band = checker.grade(d["text"], kind=d["kind"], lang=d["lang"]).band
        assert got.group(3) == band
        assert line.startswith("x") == (band != d["expect"]), line
    assert out.count("\n      fails: ") == len(items)
