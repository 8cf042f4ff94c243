"""The sentence-role model: shipped data matches its corpus, training is deterministic, roles hold.

The model is data (checker/data/roles.bin) derived from model/sentences/ by model/train.py; like
the rubric, it must never drift from what produced it.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from bench_scripts import load_script

from checker import grade
from checker.roles import ROLES, default_model, features, pack_model, parse_model, read_header

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "checker" / "data" / "roles.bin"
sys.path.insert(0, str(ROOT / "model"))
import train  # noqa: E402


def test_shipped_model_matches_its_corpus_and_code() -> None:
    """Fails when a corpus file, the trainer or the feature code changed without `make model`."""
    shipped = read_header(MODEL.read_bytes())
    assert shipped["inputs_sha256"] == train.inputs_digest(), "stale roles.bin: run `make model`"


def test_model_is_small_enough_to_ship() -> None:
    assert len(gzip.compress(MODEL.read_bytes(), 9)) < 300 * 1024


def test_model_covers_every_role() -> None:
    model = default_model()
    assert model.roles == ROLES
    spoken = set(model.weights.roles)
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


@pytest.mark.parametrize(
    ("labelled", "bare"),
    [
        ("priya: jonas is picking a payroll provider.", "jonas is picking a payroll provider."),
        ("theo, claire : a vous de jouer !", "a vous de jouer !"),
        ("quick question: how did you price it?", "how did you price it?"),
    ],
)
def test_a_label_before_a_colon_is_left_out(labelled: str, bare: str) -> None:
    # The label says whom the sentence is for ("Priya:"), not what it does.
    assert features(labelled, "intro") == features(bare, "intro")


def test_only_a_short_label_is_left_out() -> None:
    sentence = "i have one question for you: how did you price it?"
    assert "w:question" in features(sentence, "request")
    # A long run of letters and no colon: read once, nothing left out.
    assert "w:word" in features("a" * 100_000 + " word", "request")


def test_parse_refuses_another_schema() -> None:
    with pytest.raises(ValueError, match="schema 99"):
        parse_model(json.dumps({"schema": 99}).encode() + b"\n")
    with pytest.raises(ValueError, match="schema 1"):  # the JSON model of before
        parse_model(json.dumps({"schema": 1, "weights": {}}).encode() + b"\n")


HEADER = {"schema": 2, "roles": ["a", "b"], "inputs_sha256": "x", "thresholds": [50, 40]}
HEADER |= {"bias": [-1500, 250]}
ROWS = {"b:je prepare": [0, 1234, 1, -32768], "w:é": [1, 32767], "w:zz": [0, -20]}


def test_packed_model_reads_back_what_was_written() -> None:
    model = parse_model(pack_model(HEADER, ROWS))
    assert model.roles == ("a", "b") and model.bias == (-1.5, 0.25)
    assert model.thresholds == (0.5, 0.4) and model.digest == "x"
    assert list(model.weights.index) == list(ROWS)
    assert {f: model.weights.row(f) for f in ROWS} == ROWS
    assert model.weights.row("w:absent") is None
    # The same scores as the rows given as a dict (the stand-in models' form).
    from checker.roles import RoleModel

    plain = RoleModel(model.roles, model.bias, dict(ROWS), model.thresholds, "x")
    assert model.scores("je prepare", "ask") == plain.scores("je prepare", "ask")
    assert model.scores("je prepare", "ask") != model.scores("rien", "ask")


def test_shipped_model_reads_back_through_the_writer() -> None:
    """Writing the shipped model's rows again gives the shipped bytes: nothing lost in reading."""
    data = MODEL.read_bytes()
    model = parse_model(data)
    head = read_header(data)
    rows = {f: model.weights.row(f) for f in model.weights.index}
    own = {"features", "pairs", "keys_bytes", "crc32"}
    assert pack_model({k: v for k, v in head.items() if k not in own}, rows) == data


@pytest.mark.parametrize("cut", [1, 100, 1000])
def test_a_truncated_model_is_refused_clearly(cut: int) -> None:
    data = pack_model(HEADER, ROWS) if cut < 1000 else MODEL.read_bytes()
    with pytest.raises(ValueError, match="truncated"):
        parse_model(data[: len(data) - min(cut, len(data) // 4)])


def test_a_damaged_model_is_refused_clearly() -> None:
    data = bytearray(MODEL.read_bytes())
    data[len(data) // 2] ^= 0x40
    with pytest.raises(ValueError, match="damaged"):
        parse_model(bytes(data))
    with pytest.raises(ValueError, match="header"):
        parse_model(b"\x00garbage" + bytes(data))
    with pytest.raises(ValueError, match="header"):
        parse_model(b"")


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


def test_the_size_benchmark_reports_the_shipped_model_as_the_bound_above_reads_it() -> None:
    """benchmarks/model_size.py, the figure the notes quote, measures the file this test bounds."""
    got = {f["name"]: f["value"] for f in load_script("model_size").figures(MODEL)}
    assert got["model_kib"] == round(len(MODEL.read_bytes()) / 1024, 1)
    assert got["model_gzip_kib"] == round(len(gzip.compress(MODEL.read_bytes(), 9)) / 1024, 1)
    assert got["model_gzip_kib"] < 300
