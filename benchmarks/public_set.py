"""The public set as the judgement benchmarks read it: the file, its splits, its rounds.

``judgement.py`` and ``roles_on_public.py`` grade the same messages (tests/corpus/PUBLIC.md);
they read them, and narrow them to the later collection rounds, through this one module.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

PUBLIC = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "public.toml"
SPLITS = ("dev", "test")


def load_public(path: Path = PUBLIC) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("message", [])


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
