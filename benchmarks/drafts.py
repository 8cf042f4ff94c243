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


FIRST_REGULAR, LAST_BATCH = 8, 64
"""From batch 8 on, each batch holds the next twelve numbers per kind (8: 113-124, 9: 125-136…)."""
BATCH_IDS = {
    1: range(1, 13),
    2: range(51, 63),
    3: range(71, 83),
    4: range(21, 33),
    5: range(86, 98),
    6: range(36, 48),
    7: range(101, 113),
    **{
        b: range(113 + 12 * (b - FIRST_REGULAR), 125 + 12 * (b - FIRST_REGULAR))
        for b in range(FIRST_REGULAR, LAST_BATCH + 1)
    },
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
