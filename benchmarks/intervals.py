"""How far a figure measured on a hundred messages can be trusted: 95 % intervals beside it.

The public test half holds 119 messages and a batch of drafts 96: an AUC or an in-band share
measured on so few moves by several hundredths from one sample to the next. The interval says
whether a change between two stops (0.726 → 0.722) is more than that noise, and how far a figure
is from its target whatever the noise.

- An AUC gets a **stratified percentile bootstrap**: the good and the bad messages are resampled
  separately, with replacement, `ROUNDS` times, so each resample keeps the set's balance, and the
  interval is the middle 95 % of the resampled AUCs. The seed is fixed: the interval is the same
  to the digit on every run and every machine.
- A share (in band, good graded ready) gets the **Wilson score interval**, which stays inside
  0-1 and behaves on small counts.

Both describe the sampling of messages only: they say nothing of a bias the set may have.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

ROUNDS = 2000
SEED = 16
LEVEL = 0.95
_Z = 1.959963984540054  # the normal quantile for a two-sided 95 % interval


def ranked_auc(good: Sequence[float], bad: Sequence[float]) -> float:
    """The AUC (ties count half) by binary search in the sorted bad scores: the same value as the
    pairwise count, in n log n, so that two thousand resamples take a fraction of a second."""
    ordered = sorted(bad)
    wins = 0.0
    for g in good:
        below = bisect_left(ordered, g)
        wins += below + 0.5 * (bisect_right(ordered, g) - below)
    return wins / (len(good) * len(ordered))


def auc_interval(
    good: Sequence[float], bad: Sequence[float], rounds: int = ROUNDS, seed: int = SEED
) -> tuple[float, float] | None:
    """The 95 % bootstrap interval of the AUC of `good` over `bad`; None when either is empty."""
    if not good or not bad:
        return None
    rng = random.Random(seed)
    values = sorted(
        ranked_auc(rng.choices(good, k=len(good)), rng.choices(bad, k=len(bad)))
        for _ in range(rounds)
    )
    tail = (1 - LEVEL) / 2
    return values[int(tail * rounds)], values[min(rounds - 1, int((1 - tail) * rounds))]


def share_interval(hits: int, total: int) -> tuple[float, float] | None:
    """The 95 % Wilson score interval of `hits` out of `total`; None when there is nothing."""
    if total <= 0:
        return None
    p = hits / total
    z2 = _Z * _Z
    centre = (p + z2 / (2 * total)) / (1 + z2 / total)
    half = _Z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / (1 + z2 / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def span(interval: tuple[float, float] | None, percent: bool = False) -> str:
    """An interval as a table shows it: "0.64–0.80", or "84–95" for a share in percent."""
    if interval is None:
        return "–"
    lo, hi = interval
    if percent:
        return f"{lo * 100:.0f}–{hi * 100:.0f}"
    return f"{lo:.2f}–{hi:.2f}"
