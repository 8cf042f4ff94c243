"""Is the shipped role model calibrated? A reliability table per role, on held-out sentences.

Soft gates (checker/scoring.py) count a rule's nearest miss at the model's probability, so the
probabilities should mean what they say: of the held-out sentences (model/train.py's HELD_OUT,
never trained on) given about 0.2 for a role, about a fifth should do it. For each role this prints
the sentences per bin of predicted probability, the mean prediction, the observed share, the Brier
score and the expected calibration error (ECE: the bins' |predicted − observed|, weighted by
their sentences). It reads checker/data/roles.bin and writes nothing; `make model` runs it after
training.

    python model/reliability.py                 # the decisive roles
    python model/reliability.py --roles all     # every role
"""

from __future__ import annotations

import argparse
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "model"))

from train import DECISIVE, HELD_OUT, _kind, load_corpus  # noqa: E402

from checker.roles import ROLES, default_model  # noqa: E402

EDGES = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def table(
    role: str, probs: list[float], labels: list[bool]
) -> tuple[list[str], float, float, float]:
    """The table's lines, the Brier score, the ECE of one role, and the ECE of its middle bins
    (0.05 to 0.9, where soft gates act: most sentences sit in the two end bins, which hide the
    rest from the overall ECE)."""
    lines, ece, mid, mid_n = [], 0.0, 0.0, 0
    for lo, hi in pairwise(EDGES):
        cell = [
            (p, y)
            for p, y in zip(probs, labels, strict=True)
            if lo <= p < hi or (hi == 1.0 and p == 1.0)
        ]
        if not cell:
            continue
        pred = sum(p for p, _ in cell) / len(cell)
        seen = sum(y for _, y in cell) / len(cell)
        ece += len(cell) / len(probs) * abs(pred - seen)
        if lo >= 0.05 and hi <= 0.9:
            mid += len(cell) * abs(pred - seen)
            mid_n += len(cell)
        lines.append(
            f"    [{lo:.2f}, {hi:.2f})  n={len(cell):5}  predicted {pred:.2f}  observed {seen:.2f}"
        )
    brier = sum((p - y) ** 2 for p, y in zip(probs, labels, strict=True)) / len(probs)
    return lines, brier, ece, (mid / mid_n if mid_n else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--roles", default=",".join(DECISIVE), help="comma-separated roles, or 'all'")
    args = ap.parse_args(argv)
    wanted = ROLES if args.roles == "all" else tuple(r.strip() for r in args.roles.split(","))
    unknown = set(wanted) - set(ROLES)
    if unknown:
        print(f"unknown role(s): {sorted(unknown)}", file=sys.stderr)
        return 2
    model = default_model()
    rows = [r for r in load_corpus() if r[4] in HELD_OUT]
    scores = [model.scores(text, _kind(kind)) for _, kind, text, _, _ in rows]
    print(f"reliability on {len(rows)} held-out sentences")
    for role in wanted:
        r = ROLES.index(role)
        probs = [s[r] for s in scores]
        labels = [role in roles for *_, roles, _ in rows]
        lines, brier, ece, mid = table(role, probs, labels)
        print(
            f"  {role}: threshold {model.thresholds[r]:.2f}, Brier {brier:.4f}, ECE {ece:.3f}, "
            f"ECE of the middle bins {mid:.3f}"
        )
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
