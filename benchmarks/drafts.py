"""How does the checker grade the development drafts, draft by draft?

`tests/corpus/drafts-dev.toml` (tests/corpus/DRAFTS.md) holds drafts written like the frozen probes
(by writers who could neither run the checker nor read its code, corpora or training sentences,
each with the band its writer expected), but **for development**: unlike the probes and the public
test split, each draft's grade may be read and a change may be decided on them. The probes then
say whether such a change holds on drafts nobody tuned on.

    python benchmarks/drafts.py            # figures per language, kind and batch
    python benchmarks/drafts.py --list     # each draft: expected band, grade, cap, failed rules
    python benchmarks/drafts.py --json     # {"name", "value", "unit"} lines
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.probes import figures, graded, load, print_figures, table  # noqa: E402
from checker import LANGS, grade  # noqa: E402

DRAFTS = ROOT / "tests" / "corpus" / "drafts-dev.toml"


BATCH_IDS = {
    1: range(1, 13),
    2: range(51, 63),
    3: range(71, 83),
    4: range(21, 33),
    5: range(86, 98),
    6: range(36, 48),
    7: range(101, 113),
    8: range(113, 125),
    9: range(125, 137),
    10: range(137, 149),
    11: range(149, 161),
    12: range(161, 173),
    13: range(173, 185),
    14: range(185, 197),
    15: range(197, 209),
    16: range(209, 221),
    17: range(221, 233),
    18: range(233, 245),
    19: range(245, 257),
    20: range(257, 269),
    21: range(269, 281),
    22: range(281, 293),
    23: range(293, 305),
    24: range(305, 317),
    25: range(317, 329),
    26: range(329, 341),
    27: range(341, 353),
    28: range(353, 365),
    29: range(365, 377),
    30: range(377, 389),
    31: range(389, 401),
    32: range(401, 413),
    33: range(413, 425),
    34: range(425, 437),
    35: range(437, 449),
    36: range(449, 461),
    37: range(461, 473),
    38: range(473, 485),
    39: range(485, 497),
    40: range(497, 509),
    41: range(509, 521),
    42: range(521, 533),
    43: range(533, 545),
    44: range(545, 557),
    45: range(557, 569),
    46: range(569, 581),
    47: range(581, 593),
    48: range(593, 605),
    49: range(605, 617),
    50: range(617, 629),
    51: range(629, 641),
    52: range(641, 653),
}
"""Each batch's numbers, the same for every kind (DRAFTS.md)."""
BATCHES = tuple(BATCH_IDS)

ONE_LANGUAGE = {5: "en"}
"""Batches written in one language only; the others have both (48 drafts each, 12 per kind)."""


def languages(n: int) -> tuple[str, ...]:
    """The languages batch `n` was written in."""
    return (ONE_LANGUAGE[n],) if n in ONE_LANGUAGE else LANGS


def batch(draft: dict) -> int:
    """The batch a draft came in, from its number; a number no batch holds is refused."""
    n = int(draft["id"].rsplit("-", 1)[1])
    for b, ids in BATCH_IDS.items():
        if n in ids:
            return b
    raise ValueError(f"{draft['id']}: no batch numbers its drafts {n} (BATCH_IDS)")


def listing(drafts: list[dict]) -> list[str]:
    """Each draft's grade and failed rules, the drafts out of their band first (marked `x`)."""
    lines = []
    for d in drafts:
        report = grade(d["text"], kind=d["kind"], lang=d["lang"])
        failed = sorted(f.rule for f in report.findings)
        mark = " " if report.band == d["expect"] else "x"
        cap = f" cap={report.cap.rule}" if report.cap else ""
        lines.append(
            f"{mark} {d['id']:16} expect {d['expect']:10} got {report.score:>3} {report.band:10}"
            f"{cap}\n      fails: {', '.join(failed) or '-'}"
        )
    return sorted(lines, key=lambda line: not line.startswith("x"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.add_argument("--list", action="store_true", help="each draft's grade")
    args = parser.parse_args(argv)
    drafts = load(DRAFTS, "draft")
    if args.list:
        print("\n".join(listing(drafts)))
        return 0
    grades = graded(drafts)
    rows = table(grades)
    for n in BATCHES:
        rows.append((f"batch{n}", figures([r for r in grades if batch(r[0]) == n])))
    print_figures(rows, "drafts", as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
