"""The sentence-role model: shipped data matches its corpus, training is deterministic, roles hold.

The model is data (checker/data/roles.json) derived from model/sentences/ by model/train.py; like
the rubric, it must never drift from what produced it.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import grade
from checker.roles import ROLES, default_model, features, parse_model

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "checker" / "data" / "roles.json"
sys.path.insert(0, str(ROOT / "model"))
import train  # noqa: E402


def test_shipped_model_matches_its_corpus_and_code() -> None:
    """Fails when a corpus file, the trainer or the feature code changed without `make model`."""
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    assert shipped["inputs_sha256"] == train.inputs_digest(), "stale roles.json: run `make model`"


def test_model_is_small_enough_to_ship() -> None:
    assert len(gzip.compress(MODEL.read_bytes(), 9)) < 300 * 1024


def test_model_covers_every_role() -> None:
    model = default_model()
    assert model.roles == ROLES
    spoken = {row[k] for row in model.weights.values() for k in range(0, len(row), 2)}
    assert spoken == set(range(len(ROLES))), "a role has no weight at all"


def test_corpus_rows_are_well_formed() -> None:
    rows = train.load_corpus()
    assert len(rows) >= 1000
    langs = {r[0] for r in rows}
    assert langs == {"en", "fr"}


def test_corpus_errors_name_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.tsv").write_text("purpose,nonsense\trequest\tcasual\tHi.\n")
    monkeypatch.setattr(train, "CORPUS", tmp_path)
    with pytest.raises(train.CorpusError, match=r"x\.tsv:1: unknown role"):
        train.load_corpus()


def test_features_are_those_of_the_folded_sentence() -> None:
    feats = features("je prepare une reconversion ?", "request")
    assert "w:reconversion" in feats and "b:je prepare" in feats and "s:recon" in feats
    assert "w:?" in feats and "k:request" in feats


def test_parse_refuses_another_schema() -> None:
    with pytest.raises(ValueError, match="schema"):
        parse_model(json.dumps({"schema": 99}))


@pytest.mark.slow
def test_training_is_deterministic(tmp_path: Path) -> None:
    """Two runs of the trainer write the same bytes as the shipped file."""
    before = MODEL.read_bytes()
    try:
        subprocess.run(
            [sys.executable, str(ROOT / "model" / "train.py")], check=True, capture_output=True
        )
        assert MODEL.read_bytes() == before
    finally:
        MODEL.write_bytes(before)


@pytest.mark.parametrize(
    ("sentence", "kind", "role"),
    [
        (
            "We can't decide between hiring a first salesperson and signing a distributor.",
            "request",
            "purpose",
        ),
        (
            "Nous hésitons entre recruter un commercial et signer avec un distributeur.",
            "request",
            "purpose",
        ),
        ("Would you have twenty minutes for a call next week?", "request", "timebox"),
        ("Auriez-vous vingt minutes pour un appel la semaine prochaine ?", "request", "timebox"),
        ("No worries at all if the timing is bad.", "request", "out"),
        ("Si ce n'est pas le bon moment, aucun souci.", "request", "out"),
    ],
)
def test_roles_found_in_unseen_words(sentence: str, kind: str, role: str) -> None:
    report = grade(sentence, kind=kind)
    roles = {r.role for s in report.sentences for r in s.roles if r.confidence >= 50}
    assert role in roles, report.to_dict()["sentences"]
