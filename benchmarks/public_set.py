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
    """The ``--since-round N`` option: a check on development messages nobody has tuned on."""
    parser.add_argument(
        "--since-round",
        type=int,
        default=1,
        metavar="N",
        help="only the messages of collection round N and later (tests/corpus/PUBLIC.md, 'Rounds')",
    )


def since_round(messages: list[dict], first: int, parser: argparse.ArgumentParser) -> list[dict]:
    """The messages of round ``first`` and later; a parser error when there are none."""
    kept = [m for m in messages if m["round"] >= first]
    if not kept:
        parser.error(f"no message from round {first} on")
    return kept
