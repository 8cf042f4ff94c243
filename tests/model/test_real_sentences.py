"""The role model trains on real sentences of the public set's development half, early rounds only.

model/train.py adds the hand-labelled body sentences (tests/corpus/public_roles.toml) of the
public set's `dev` messages of collection rounds 1 to 5 to its training part. The test split is
only ever measured, and the development messages of later rounds are the check nobody trained on
(tests/corpus/PUBLIC.md, "Rounds"): these tests fail if any of their sentences would reach training.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "model"))
import train  # noqa: E402

from checker.folding import fold_fast  # noqa: E402

LAST_TRAINED_ROUND = 5
"""Written here on purpose, not read from train.py: raising train.PUBLIC_MAX_ROUND must come with a
newer round to check on, and with this line changed by hand."""


def _message(id_: str, split: str, round_: int, kind: str = "request", lang: str = "en") -> str:
    return (
        f'[[message]]\nid = "{id_}"\nlang = "{lang}"\nkind = "{kind}"\nverdict = "good"\n'
        f'pair = ""\nurl = "https://example.org/{id_}"\npage = "p"\nnote = ""\n'
        f'split = "{split}"\nround = {round_}\ntext = """x"""\n\n'
    )


def _gold(id_: str, sentences: list[tuple[str, str]]) -> str:
    out = f'[[message]]\nid = "{id_}"\n\n'
    for i, (text, roles) in enumerate(sentences):
        out += (
            f"[[message.sentence]]\nstart = {i * 100}\nend = {i * 100 + len(text)}\n"
            f'text = "{text}"\nroles = "{roles}"\n\n'
        )
    return out


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A public set with one message of each case, and its gold sentences."""
    public = tmp_path / "public.toml"
    gold = tmp_path / "public_roles.toml"
    public.write_text(
        _message("dev-r1", "dev", 1)
        + _message("dev-r2", "dev", 2, kind="intro", lang="fr")
        + _message("dev-r3", "dev", LAST_TRAINED_ROUND + 1)
        + _message("test-r1", "test", 1)
        + _message("test-r4", "test", LAST_TRAINED_ROUND),
        encoding="utf-8",
    )
    gold.write_text(
        _gold("dev-r1", [("Allowed one about pricing.", "purpose"), ("Not labelled yet.", "?")])
        + _gold("dev-r2", [("Je connais Paul depuis l’école.", "vouch"), ("Voilà.", "-")])
        + _gold("dev-r3", [("Later round sentence.", "purpose")])
        + _gold("test-r1", [("Test split sentence.", "link")])
        + _gold("test-r4", [("Test split later round.", "ask")])
        + _gold("not-in-public", [("Orphan gold sentence.", "ask")]),
        encoding="utf-8",
    )
    monkeypatch.setattr(train, "PUBLIC", public)
    monkeypatch.setattr(train, "PUBLIC_ROLES", gold)
    return tmp_path


FORBIDDEN = (
    "Later round sentence.",
    "Test split sentence.",
    "Test split later round.",
    "Orphan gold sentence.",
    "Not labelled yet.",
)


def test_only_labelled_dev_sentences_of_early_rounds_are_loaded(synthetic: Path) -> None:
    rows = train.load_public_rows()
    assert rows == [
        ("en", "request", fold_fast("Allowed one about pricing."), frozenset({"purpose"}), "p"),
        ("fr", "intro", fold_fast("Je connais Paul depuis l’école."), frozenset({"vouch"}), "p"),
        ("fr", "intro", fold_fast("Voilà."), frozenset(), "p"),
    ]


def test_no_test_or_later_round_sentence_reaches_any_training_set(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = synthetic / "sentences"
    (corpus / "en").mkdir(parents=True)
    (corpus / "en" / "x.tsv").write_text(
        "".join(f"ask\trequest\tcasual\tCould we talk {i}?\n" for i in range(40)), encoding="utf-8"
    )
    monkeypatch.setattr(train, "CORPUS", corpus)
    train_rows, held, fit, val = train.training_sets()
    forbidden = {fold_fast(t) for t in FORBIDDEN}
    for rows in (train_rows, held, fit, val):
        assert not forbidden & {r[2] for r in rows}
    real = [r for r in train_rows if r[4] == train.PUBLIC_BUCKET]
    assert len(real) == 3 and real == [r for r in fit if r[4] == train.PUBLIC_BUCKET]
    # Real sentences are fitted on only: never held out, never choosing a threshold.
    assert not [r for r in held + val if r[4] == train.PUBLIC_BUCKET]


def test_a_public_message_without_split_or_round_is_an_error(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = synthetic / "bad.toml"
    bad.write_text(
        '[[message]]\nid = "x"\nlang = "en"\nkind = "request"\nround = 1\ntext = "x"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(train, "PUBLIC", bad)
    with pytest.raises(train.CorpusError, match="without a split or a round"):
        train.load_public_rows()


def test_the_digest_follows_dev_labels_and_ignores_test_labels(synthetic: Path) -> None:
    gold = synthetic / "public_roles.toml"
    before = train.inputs_digest()
    text = gold.read_text(encoding="utf-8")
    gold.write_text(text.replace('roles = "link"', 'roles = "ask"'), encoding="utf-8")
    assert train.inputs_digest() == before, "a test-split label is not a training input"
    gold.write_text(text.replace('roles = "vouch"', 'roles = "who"'), encoding="utf-8")
    assert train.inputs_digest() != before, "a trained-on label change must make roles.bin stale"


def test_the_real_files_train_on_the_early_dev_rounds_only() -> None:
    """On the real public set: exactly the labelled sentences of dev messages of rounds <= 5 are
    trained on, read here independently of the loader."""
    assert train.PUBLIC_SPLIT == "dev"
    assert train.PUBLIC_MAX_ROUND == LAST_TRAINED_ROUND
    public = tomllib.loads(train.PUBLIC.read_text(encoding="utf-8"))["message"]
    gold = {
        m["id"]: m.get("sentence", [])
        for m in tomllib.loads(train.PUBLIC_ROLES.read_text(encoding="utf-8"))["message"]
    }
    expected = [
        (m["lang"], m["kind"], fold_fast(s["text"].strip()))
        for m in public
        if m["split"] == "dev" and m["round"] <= LAST_TRAINED_ROUND
        for s in gold.get(m["id"], [])
        if s["roles"].strip() != "?"
    ]
    train_rows, held, _, val = train.training_sets()
    real = [r for r in train_rows if r[4] == train.PUBLIC_BUCKET]
    assert [(lang, kind, text) for lang, kind, text, *_ in real] == expected
    assert not [r for r in held + val if r[4] == train.PUBLIC_BUCKET]
    # A later development round stays out of training: the check nobody trained on.
    assert any(m["split"] == "dev" and m["round"] > LAST_TRAINED_ROUND for m in public)


def test_the_digest_does_not_follow_the_string_hash() -> None:
    """Two interpreters with different hash seeds give the same digest (a set's order must not
    leak into it, or `train.py --check` would call a fresh model stale)."""
    code = "import sys; sys.path.insert(0, 'model'); import train; print(train.inputs_digest())"
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
