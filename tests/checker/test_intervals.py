"""The 95 % intervals printed beside the benchmarks' figures (benchmarks/intervals.py)."""

from __future__ import annotations

import random

import pytest

from benchmarks import intervals
from benchmarks.judgement import auc


def _pairwise(good: list[int], bad: list[int]) -> float:
    """The definition, pair by pair: a win counts 1, a tie a half."""
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / (len(good) * len(bad))


def test_the_ranked_auc_is_the_pairwise_auc_ties_included() -> None:
    rng = random.Random(3)
    for _ in range(50):
        good = [rng.randint(0, 20) for _ in range(rng.randint(1, 15))]
        bad = [rng.randint(0, 20) for _ in range(rng.randint(1, 15))]
        assert intervals.ranked_auc(good, bad) == pytest.approx(_pairwise(good, bad))
        assert auc(good, bad) == intervals.ranked_auc(good, bad)  # the benchmarks' one AUC
    assert auc([], [1]) is None and auc([1], []) is None


def test_the_auc_interval_holds_the_auc_is_reproducible_and_narrows_with_more_messages() -> None:
    rng = random.Random(5)
    good = [rng.gauss(60, 20) for _ in range(30)]
    bad = [rng.gauss(45, 20) for _ in range(30)]
    lo, hi = intervals.auc_interval(good, bad) or (0.0, 0.0)
    assert lo < intervals.ranked_auc(good, bad) < hi
    assert intervals.auc_interval(good, bad) == (lo, hi)  # a fixed seed: the same digits
    more = intervals.auc_interval(good * 10, bad * 10)
    assert more is not None and more[1] - more[0] < (hi - lo) / 2


def test_a_perfect_ranking_has_no_spread_and_an_empty_side_has_no_interval() -> None:
    assert intervals.auc_interval([80, 90], [10, 20]) == (1.0, 1.0)
    assert intervals.auc_interval([], [10]) is None
    assert intervals.auc_interval([10], []) is None


def test_the_share_interval_is_wilson_s() -> None:
    lo, hi = intervals.share_interval(0, 10) or (1.0, 1.0)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    lo, hi = intervals.share_interval(10, 10) or (0.0, 0.0)
    assert lo == pytest.approx(0.7225, abs=1e-4) and hi == pytest.approx(1.0)
    lo, hi = intervals.share_interval(87, 96) or (0.0, 0.0)
    assert lo < 87 / 96 < hi and hi - lo < 0.15
    assert intervals.share_interval(0, 0) is None


def test_an_interval_is_shown_in_the_tables_shape() -> None:
    assert intervals.span((0.7912, 0.9234)) == "0.79–0.92"
    assert intervals.span((0.8412, 0.9534), percent=True) == "84–95"
    assert intervals.span(None) == "–"
