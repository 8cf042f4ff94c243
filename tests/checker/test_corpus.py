"""The labelled corpus (tests/corpus/labelled.toml): agreement with human bands, and revisions.

The labels were written without reading the rules, so agreement measures how well the rubric
generalises. The test prints the agreement and every disagreement, and fails below 95% (the
judgement issue holds it there).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker import grade

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "labelled.toml"
THRESHOLD = 0.95


def _load() -> dict:
    if not CORPUS.exists():
        pytest.skip("tests/corpus/labelled.toml is not there yet")
    return tomllib.loads(CORPUS.read_text(encoding="utf-8"))


def disagreements() -> tuple[int, list[str]]:
    data = _load()
    drafts = data.get("draft", [])
    wrong = []
    for d in drafts:
        r = grade(d["text"], kind=d["kind"], lang=d["lang"])
        if r.band != d["expect"]:
            rules = ", ".join(f.rule for f in r.findings)
            wrong.append(f"{d['id']}: expected {d['expect']}, got {r.band} ({r.score}) [{rules}]")
    return len(drafts), wrong


def test_corpus_agreement() -> None:
    total, wrong = disagreements()
    assert total >= 60, "the corpus should hold at least 60 drafts"
    agreement = (total - len(wrong)) / total
    print(f"\ncorpus agreement: {agreement:.1%} ({total - len(wrong)}/{total})")
    for line in wrong:
        print("  " + line)
    assert agreement >= THRESHOLD, f"agreement {agreement:.1%} < {THRESHOLD:.0%}"


def _pairs() -> list:
    if not CORPUS.exists():
        return []
    return tomllib.loads(CORPUS.read_text(encoding="utf-8")).get("pair", [])


@pytest.mark.parametrize("pair", _pairs(), ids=lambda p: p["id"])
def test_revision_scores_higher(pair: dict) -> None:
    before = grade(pair["before"], kind=pair["kind"], lang=pair["lang"])
    after = grade(pair["after"], kind=pair["kind"], lang=pair["lang"])
    assert after.score > before.score, (
        f"{pair['id']} ({pair['fixes']}): before {before.score}, after {after.score}; "
        f"before findings {[f.rule for f in before.findings]}, "
        f"after findings {[f.rule for f in after.findings]}"
    )


def test_corpus_lang_is_detected() -> None:
    """The corpus doubles as a language-detection check on realistic drafts."""
    data = _load()
    wrong = [
        d["id"] for d in data.get("draft", []) if grade(d["text"], kind=d["kind"]).lang != d["lang"]
    ]
    assert not wrong
