"""The public set as the benchmarks and the trainer read it: its files, splits, rounds and labels.

``judgement.py`` and ``roles_on_public.py`` grade the same messages (tests/corpus/PUBLIC.md),
``gold_roles.py`` and ``model/train.py`` read the same labels (tests/corpus/public_roles.toml):
all through this one module, which also narrows the set to some collection rounds.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

PUBLIC = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "public.toml"
GOLD = PUBLIC.with_name("public_roles.toml")
SPLITS = ("dev", "test")
NONE = "-"
"""The label of a sentence that does none of the roles."""
UNLABELLED = "?"
"""The label of a sentence nobody has labelled yet: no reader counts it."""


def load_public(path: Path = PUBLIC) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("message", [])


def load_gold(path: Path = GOLD) -> dict[str, list[dict]]:
    """Message id -> its labelled body sentences (start, end, text, roles, note)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {m["id"]: m.get("sentence", []) for m in data.get("message", [])}


def parse_roles(label: str) -> frozenset[str]:
    """The roles of a label: "-" is none; "?" (not labelled yet) is for the caller to skip."""
    label = label.strip()
    if label == NONE:
        return frozenset()
    return frozenset(r.strip() for r in label.split(",") if r.strip())


def add_since_round(parser: argparse.ArgumentParser) -> None:
    """The ``--since-round N`` option: a check on development messages nobody has tuned on; and
    ``--until-round N``: the set as an earlier stop knew it, to compare figures across stops."""
    parser.add_argument(
        "--since-round",
        type=int,
        default=1,
        metavar="N",
        help="only the messages of collection round N and later (tests/corpus/PUBLIC.md, 'Rounds')",
    )
    parser.add_argument(
        "--until-round",
        type=int,
        default=None,
        metavar="N",
        help="only the messages of collection round N and earlier",
    )


def since_round(
    messages: list[dict], first: int, parser: argparse.ArgumentParser, last: int | None = None
) -> list[dict]:
    """The messages of rounds ``first`` to ``last``; a parser error when there are none."""
    kept = [m for m in messages if m["round"] >= first and (last is None or m["round"] <= last)]
    if not kept:
        upto = "" if last is None else f" to {last}"
        parser.error(f"no message from round {first}{upto}")
    return kept
