"""The public evaluation set (tests/corpus/public.toml) keeps its shape.

Shape only: fields, values, unique ids, the split rule, pairs. No score threshold here: the
checker's figures on this set are reported by benchmarks/judgement.py, never asserted.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

PUBLIC = Path(__file__).resolve().parents[1] / "corpus" / "public.toml"
TEXT_FIELDS = {"id", "lang", "kind", "verdict", "pair", "url", "page", "note", "split", "text"}
FIELDS = TEXT_FIELDS | {"round"}
KINDS = {"request", "ask", "intro", "connect"}
MIN_MESSAGES = 120


def split_for(url: str) -> str:
    """The split rule: the first hex digit of sha256(url) in 0-7 is test, 8-f is dev."""
    return "test" if hashlib.sha256(url.encode("utf-8")).hexdigest()[0] in "01234567" else "dev"


@pytest.fixture(scope="module")
def messages() -> list[dict]:
    return tomllib.loads(PUBLIC.read_text(encoding="utf-8"))["message"]


def test_split_rule() -> None:
    # sha256("a") starts with "c" and sha256("b") with "3": known digests pin the rule.
    assert split_for("a") == "dev"
    assert split_for("b") == "test"


def test_enough_messages(messages: list[dict]) -> None:
    assert len(messages) >= MIN_MESSAGES


def test_fields_and_values(messages: list[dict]) -> None:
    bad = []
    for m in messages:
        if set(m) != FIELDS:
            bad.append(f"{m.get('id')}: fields {sorted(set(m) ^ FIELDS)}")
            continue
        if not all(isinstance(m[f], str) for f in TEXT_FIELDS):
            bad.append(f"{m['id']}: a field is not a string")
            continue
        if type(m["round"]) is not int or m["round"] < 1:
            bad.append(f"{m['id']}: round {m['round']!r} is not a collection round (1, 2, …)")
        if m["lang"] not in {"en", "fr"} or m["kind"] not in KINDS:
            bad.append(f"{m['id']}: lang {m['lang']!r} kind {m['kind']!r}")
        if m["verdict"] not in {"good", "bad"} or m["split"] not in {"dev", "test"}:
            bad.append(f"{m['id']}: verdict {m['verdict']!r} split {m['split']!r}")
        if not re.match(r"https?://\S+$", m["url"]):
            bad.append(f"{m['id']}: url {m['url']!r}")
        if not m["text"].strip() or not m["page"].strip() or not m["note"].strip():
            bad.append(f"{m['id']}: empty text, page or note")
        if not m["id"].startswith(f"{m['lang']}-{m['kind']}-"):
            bad.append(f"{m['id']}: the id does not start with <lang>-<kind>-")
    assert not bad, "\n".join(bad)


def test_ids_unique(messages: list[dict]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for m in messages:
        seen[m["id"]] += 1
    assert not [i for i, n in seen.items() if n > 1]


def test_split_follows_the_url(messages: list[dict]) -> None:
    wrong = [m["id"] for m in messages if m["split"] != split_for(m["url"])]
    assert not wrong


def test_no_page_in_both_splits(messages: list[dict]) -> None:
    splits: dict[str, set[str]] = defaultdict(set)
    for m in messages:
        splits[m["url"]].add(m["split"])
    assert not [url for url, s in splits.items() if len(s) > 1]


def test_pairs_are_one_before_and_one_after_from_one_page(messages: list[dict]) -> None:
    pairs: dict[str, list[dict]] = defaultdict(list)
    for m in messages:
        if m["pair"]:
            pairs[m["pair"]].append(m)
    bad = [
        p
        for p, members in pairs.items()
        if sorted(m["verdict"] for m in members) != ["bad", "good"]
        or len({(m["url"], m["kind"], m["lang"]) for m in members}) != 1
    ]
    assert not bad


def test_rounds_count_from_one_without_gaps(messages: list[dict]) -> None:
    """Each collection round is numbered, 1 for the first: a new round's dev messages are a check
    that no change was tuned on yet (PUBLIC.md, "Rounds")."""
    rounds = {m["round"] for m in messages}
    assert rounds == set(range(1, max(rounds) + 1))
