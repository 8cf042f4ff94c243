"""The gold sentence roles of the public set (public_roles.toml) stay whole and current.

Shape only, and loudly stale: every message of public.toml has its entry, every entry's sentences
are exactly the body sentences the checker's splitter gives today (spans and text), and every
label uses the role model's own role ids. The model's figures against these labels are reported
by benchmarks/roles_on_public.py, never asserted here.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from benchmarks import roles_on_public as bench
from checker import grade
from checker.roles import ROLES

CORPUS = Path(__file__).resolve().parent
PUBLIC = CORPUS / "public.toml"
GOLD = CORPUS / "public_roles.toml"
SENTENCE_KEYS = {"start", "end", "text", "roles", "note"}


def load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def public() -> list[dict]:
    return load(PUBLIC)["message"]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load(GOLD)["message"]


def body_spans(message: dict) -> list[tuple[int, int, str]]:
    """What the splitter gives today: the report's body sentences (start, end, text)."""
    text = message["text"]
    report = grade(text, kind=message["kind"], lang=message["lang"])
    return [(s.start, s.end, text[s.start : s.end]) for s in report.sentences if s.part == "body"]


def test_every_public_message_is_labelled_once(public: list[dict], gold: list[dict]) -> None:
    ids = [m["id"] for m in gold]
    assert len(ids) == len(set(ids)), "a message is labelled twice"
    missing = [m["id"] for m in public if m["id"] not in set(ids)]
    extra = sorted(set(ids) - {m["id"] for m in public})
    assert not missing, f"not labelled (run benchmarks/roles_on_public.py --skeleton): {missing}"
    assert not extra, f"labelled but not in public.toml: {extra}"


def test_spans_match_the_splitter(public: list[dict], gold: list[dict]) -> None:
    by_id = {m["id"]: m for m in gold}
    stale = []
    for message in public:
        entry = by_id.get(message["id"])
        if entry is None:
            continue  # reported by the coverage test
        labelled = [(s["start"], s["end"], s["text"]) for s in entry.get("sentence", [])]
        if labelled != body_spans(message):
            stale.append(message["id"])
    assert not stale, f"the splitter's body sentences changed; relabel these messages: {stale}"


def test_labels_use_known_roles(gold: list[dict]) -> None:
    bad = []
    for entry in gold:
        assert set(entry) <= {"id", "sentence"}, entry["id"]
        for s in entry.get("sentence", []):
            where = f"{entry['id']} {s.get('start')}-{s.get('end')}"
            assert {"start", "end", "text", "roles"} <= set(s) <= SENTENCE_KEYS, where
            assert isinstance(s.get("note", ""), str), where
            if s["roles"] == "-":
                continue
            roles = s["roles"].split(",")
            if any(r not in ROLES for r in roles) or len(set(roles)) != len(roles):
                bad.append(f"{where}: {s['roles']!r}")
            elif roles != sorted(roles, key=ROLES.index):
                bad.append(f"{where}: {s['roles']!r} is not in the order of checker.roles.ROLES")
    assert not bad, bad


def test_figures_count_per_role() -> None:
    def row(gold: str, got: str) -> bench.Row:
        return bench.Row(
            "m", "dev", "request", 0, 1, "x", bench.parse_roles(gold), bench.parse_roles(got)
        )

    rows = [row("purpose,ask", "purpose"), row("purpose", "-"), row("-", "purpose,link")]
    fig = bench.figures(rows)
    assert fig["purpose"] == {
        "support": 2,
        "predicted": 2,
        "tp": 1,
        "precision": 0.5,
        "recall": 0.5,
    }
    assert fig["ask"]["recall"] == 0.0 and fig["ask"]["precision"] is None
    assert fig["link"]["support"] == 0 and fig["link"]["recall"] is None
    assert list(fig)[: len(bench.DECISIVE)] == list(bench.DECISIVE)
    assert set(fig) == set(ROLES)
    assert bench.pooled_recall(rows, ("purpose", "ask")) == (1 / 3, 3)


@pytest.mark.parametrize("split", ["test", "all", None])
def test_misses_only_on_dev(split: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--misses"] + ([] if split is None else ["--split", split])
    with pytest.raises(SystemExit) as exc:
        bench.main(argv)
    assert exc.value.code == 2
    assert "dev" in capsys.readouterr().err


def test_benchmark_reads_every_gold_sentence(public: list[dict], gold: list[dict]) -> None:
    """The benchmark pairs every gold sentence with the model's roles (no figure asserted)."""
    rows = bench.compare(public, bench.load_gold(GOLD))
    assert len(rows) == sum(len(m.get("sentence", [])) for m in gold)
    assert {r.split for r in rows} <= {"dev", "test"}
    assert all(r.got <= set(ROLES) for r in rows)


def _dev_support(args: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    """The dev labels the benchmark counts when run with `args`."""
    bench.main(["--split", "dev", *args, "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return sum(
        line["value"]
        for line in lines
        if line["name"].endswith(".support") and ".dev." in line["name"]
    )


def _labels_of(messages: list[dict]) -> int:
    """The role labels the gold file gives these messages' sentences."""
    labelled = {m["id"]: m for m in load(GOLD)["message"]}
    return sum(
        len(s["roles"].split(","))
        for m in messages
        for s in labelled[m["id"]]["sentence"]
        if s["roles"] != "-"
    )


def test_since_round_reads_the_later_rounds_only(
    public: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    last = max(m["round"] for m in public)
    later = [m for m in public if m["split"] == "dev" and m["round"] >= last]
    assert 0 < _dev_support(["--since-round", str(last)], capsys) == _labels_of(later)
    with pytest.raises(SystemExit):
        bench.main(["--since-round", str(last + 1)])


def test_until_round_reads_the_earlier_rounds_only(
    public: list[dict], capsys: pytest.CaptureFixture[str]
) -> None:
    first = min(m["round"] for m in public)
    earlier = [m for m in public if m["split"] == "dev" and m["round"] <= first]
    assert 0 < _dev_support(["--until-round", str(first)], capsys) == _labels_of(earlier)
    with pytest.raises(SystemExit):
        bench.main(["--since-round", str(first + 1), "--until-round", str(first)])
