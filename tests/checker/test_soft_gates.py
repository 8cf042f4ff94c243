"""Soft gates: a role-backed rule that fails reports `near`, the model's probability that the
element is there after all, which earns that share of the rule and fades the cap it causes by as
much (checker/scoring.py, ARCHITECTURE.md)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from checker import grade
from checker.draft import prepare
from checker.folding import fold
from checker.roles import default_model
from checker.rubric import Criterion, default_rubric
from checker.rules import REGISTRY
from checker.scoring import DECISIVE_CAP, SURE_ABSENT, RuleResult, score

DRAFT = (
    "Hello Ms Laurent,\n\nI run a small plant nursery near Lyon, and Marc Petit, my former manager "
    "at Transalp, suggested I write to you. {purpose} Your talk at the Lyon growers' fair stayed "
    "with me. Would you have twenty minutes for a call in the coming weeks, whenever suits you? No "
    "problem at all if not.\n\nThank you,\nClaire Martin"
)
NEAR_MISS = "The seedlings wilt every July, which is our problem."
"""A purpose framed as a problem, which the role model reads as one with some probability under its
threshold (the precondition below says so, and fails first if a retrained model reads it
otherwise: then pick another such sentence)."""
NO_PURPOSE = "The weather has been lovely in Lyon this month."


def _crit() -> dict[str, Criterion]:
    label = {"en": "x", "fr": "x"}
    return {
        "objective": Criterion("objective", 30, True, label, "guide/x/"),
        "courtesy": Criterion("courtesy", 10, False, label, "guide/x/"),
        "vouching": Criterion("vouching", 20, True, label, "guide/x/"),
    }


def _objective_outcome(text: str):
    rule = next(r for r in default_rubric().plan("request", "en") if r.id == "objective-stated")
    draft = prepare(text, fold(text), "request", "en", default_model())
    return REGISTRY[rule.kind](rule, draft)


def test_a_near_miss_purpose_scores_above_no_purpose_and_the_report_says_capped_at() -> None:
    near_text, none_text = DRAFT.format(purpose=NEAR_MISS), DRAFT.format(purpose=NO_PURPOSE)
    near_outcome, none_outcome = _objective_outcome(near_text), _objective_outcome(none_text)
    # Preconditions: both fail the rule; one is a near miss, the other is far from it.
    assert near_outcome.value == 0.0 and 0.1 < near_outcome.near < 1.0
    assert none_outcome.value == 0.0 and none_outcome.near < SURE_ABSENT
    near, none = (
        grade(near_text, kind="request", lang="en"),
        grade(none_text, kind="request", lang="en"),
    )
    assert near.score > none.score
    # The model is sure there is no purpose: the cap holds in full.
    assert none.cap is not None and (none.cap.score, none.cap.rule) == (39, "objective-stated")
    # A near miss: the cap fades, and the report still names it and the ceiling it sets.
    assert near.cap is not None and near.cap.rule == "objective-stated"
    assert 39 < near.cap.score < 100 and near.score <= near.cap.score
    assert near.cap.reason.startswith(f"capped at {near.cap.score}: ")
    # The element is still reported missing; the finding still asks for it.
    assert any(f.rule == "objective-stated" and f.severity == "error" for f in near.findings)
    # The criterion shows the share the near miss earned.
    objective = next(c for c in near.criteria if c.id == "objective")
    assert objective.verdict == "partial" and 0 < objective.earned < objective.weight
    assert next(c for c in none.criteria if c.id == "objective").verdict == "missing"


@pytest.mark.parametrize("near", [0.0, 0.01, 0.049])
def test_a_sure_miss_keeps_the_hard_cap(near: float) -> None:
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    hard = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.0, 39, True), greeted], "en"
    )
    sure = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.0, 39, True, near), greeted], "en"
    )
    assert (sure.score, sure.cap) == (hard.score, hard.cap) and hard.cap == (39, "objective-stated")
    assert next(v for v in sure.verdicts if v.id == "objective").verdict == "missing"


@pytest.mark.parametrize("near", [0.05, 0.2, 0.28, 0.6])
def test_the_cap_fades_by_the_models_probability_and_no_more(near: float) -> None:
    """A miss at probability p gives back p of the way from the cap to the raw score: a sentence
    the model gives a one-in-four chance is worth a quarter, not most, of a pass."""
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    hard = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.0, 39, True), greeted], "en"
    )
    soft = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.0, 39, True, near), greeted], "en"
    )
    assert soft.cap == (round(39 + near * (100 - 39)), "objective-stated")
    assert hard.score <= soft.score <= hard.score + near * (100 - hard.score) + 1


def test_the_score_and_the_ceiling_rise_with_the_nearest_miss_without_a_jump() -> None:
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    scores, ceilings = [], []
    for step in range(5, 100):
        near = step / 100
        out = score(
            _crit(),
            [RuleResult("objective-stated", "objective", 0.0, 39, True, near), greeted],
            "en",
        )
        scores.append(out.score)
        if out.cap is not None:
            assert out.cap == (round(39 + near * (100 - 39)), "objective-stated")
            ceilings.append(out.cap[0])
    assert scores == sorted(scores) and scores[0] < scores[-1]
    assert ceilings == sorted(ceilings)
    # One point of probability never moves the score by more than a few points: no cliff.
    assert max(b - a for a, b in pairwise(scores)) <= 3


def test_a_decisive_criterion_cap_fades_with_its_rules_nearest_miss() -> None:
    crit = _crit()
    ok = [
        RuleResult("objective-stated", "objective", 1.0, 39, False),
        RuleResult("greeting", "courtesy", 1.0, None, False),
    ]
    hard = score(crit, [*ok, RuleResult("intro-benefit", "vouching", 0.0, None, False)], "en")
    soft = score(
        crit,
        [
            *ok,
            RuleResult("intro-benefit", "vouching", 0.0, None, False, 0.9),
            RuleResult("intro-how-known", "vouching", 0.0, None, False, 0.1),
        ],
        "en",
    )
    assert hard.cap == (DECISIVE_CAP, "criterion:vouching")
    assert soft.cap is not None and soft.cap[1] == "criterion:vouching"
    assert soft.cap[0] == round(DECISIVE_CAP + 0.9 * (100 - DECISIVE_CAP))
    assert soft.score > hard.score


def test_a_partial_outcome_keeps_its_cap_whatever_its_nearness() -> None:
    """Only an outright failure is softened: a vague purpose (a partial with its own cap) is not
    a near miss of a precise one."""
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    plain = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.5, 69, False), greeted], "en"
    )
    near = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.5, 69, False, 0.95), greeted], "en"
    )
    assert (near.score, near.cap) == (plain.score, plain.cap)


def test_a_near_miss_earns_a_share_of_its_weight() -> None:
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    out = score(
        _crit(), [RuleResult("objective-stated", "objective", 0.0, 39, True, 0.8), greeted], "en"
    )
    objective = next(v for v in out.verdicts if v.id == "objective")
    assert objective.earned == round(30 * 0.8) > 0
    assert objective.verdict == "partial"
