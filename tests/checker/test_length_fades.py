"""A length rule fades in past its bound (checker/rules/metric.py): its points and its cap grow
with how far past the bound a draft is, so no word makes a cliff (issue #16: "the score jumps").
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from checker import grade
from checker.draft import prepare
from checker.folding import fold
from checker.roles import default_model
from checker.rubric import default_rubric
from checker.rules import REGISTRY

# A request that meets every criterion, then grows by one 23-word sentence at a time (each one a
# little different: the same sentence twice is a paragraph pasted twice, another fault).
OPENING = (
    "Hi Dana,\n\nMarc Dubois, my former manager at the bank, said you rebuilt the onboarding at "
    "Monzo from scratch. I'm an operations lead at a 30-person fintech in Leeds. Our first hire "
    "starts in March and we have no onboarding at all, so I'm trying to decide whether to build a "
    "two-week programme ourselves or buy one of the platforms. Could I ask you how you structured "
    "the first two weeks and what you would do differently, in a 20-minute call whenever suits "
    "you? "
)
MORE = (
    "We already wrote a short checklist covering accounts, equipment and the {} team lunch, "
    "and I can send it beforehand if that helps. "
)
CLOSING = "If it's a busy month, no worries at all.\n\nThanks,\nLena Morris"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def longer(n: int) -> str:
    """The request with `n` more sentences."""
    return OPENING + "".join(MORE.format(ORDINALS[i]) for i in range(n)) + CLOSING


def _rule(rule_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in default_rubric().rules if r.id == rule_id)


def _outcome(rule_id: str, text: str, kind: str = "request"):  # type: ignore[no-untyped-def]
    rule = _rule(rule_id)
    draft = prepare(text, fold(text), kind, "en", default_model())
    return REGISTRY[rule.kind](rule, draft)


def test_a_full_marks_request_loses_a_little_with_each_sentence_past_125_words() -> None:
    reports = [grade(longer(n), kind="request", lang="en") for n in range(9)]
    words = [r.stats.words for r in reports]
    scores = [r.score for r in reports]
    assert words[0] < 125 and scores[0] == 100  # the precondition: everything else is met
    assert scores == sorted(scores, reverse=True)
    # A 24-word sentence costs at most a third of a band (31 points fade over 75 words), never a
    # band at once.
    assert max(a - b for a, b in pairwise(scores)) <= 10
    past = [s for w, s in zip(words, scores, strict=True) if 125 < w < 200]
    assert len(past) >= 2 and all(69 < s < 100 for s in past)
    assert all(s <= 69 for w, s in zip(words, scores, strict=True) if w >= 200)  # cap in full
    for report in reports:
        fails = {f.rule for f in report.findings}
        assert fails <= {"length-too-long"}
        assert ("length-too-long" in fails) == (report.stats.words > 125)


@pytest.mark.parametrize(
    ("share", "near"),
    [(1.0, None), (1.3, 0.5), (1.48, 0.2), (1.6, 0.0), (3.0, 0.0)],
)
def test_the_nearest_miss_falls_from_the_bound_to_the_tolerance(share: float, near) -> None:  # type: ignore[no-untyped-def]
    """length-too-long (tolerance 60 %): at 1.3x the bound half the rule is lost (near, the share
    still earned, = 0.5); at 1.6x the bound, all of it (a plain failure, cap in full)."""
    words = round(125 * share)
    text = " ".join(["word"] * (words - 1)) + " end."
    outcome = _outcome("length-too-long", text)
    if near is None:
        assert outcome.value == 1.0
    else:
        assert outcome.value == 0.0
        assert outcome.near == pytest.approx(near, abs=0.01)


def test_a_bound_below_fades_too_and_the_tolerance_is_the_rules_own() -> None:
    """length-too-short keeps the default tolerance (50 %): 15 words pass, 11 lose about half,
    7 or fewer all of it."""
    assert _outcome("length-too-short", " ".join(["word"] * 15)).value == 1.0
    half = _outcome("length-too-short", " ".join(["word"] * 11))
    assert half.value == 0.0 and 0.2 < half.near < 0.6
    assert _outcome("length-too-short", " ".join(["word"] * 7)).near == 0.0


def test_a_connection_note_over_300_characters_meets_its_cap_in_full() -> None:
    """connection-note-length has tolerance 0: the platform refuses the 301st character, so the
    bound is hard (a good note a sentence too long is "needs work", not faded back to "ready")."""
    note = (
        "Hi Fatima, great to meet you at the Logistics Cluster workshop in Amman last week. "
        "I'd like to keep following how your team pre-positions stock with local partners, as we "
        "plan the winter response from our Gaziantep office."
    )
    longer = (
        note + " Your point on cross-border pipelines and local warehouses was the best of the day."
    )
    assert len(note) <= 300 < len(longer) < 330  # 10 % over: the old fade kept it near "ready"
    fits = grade(note, kind="connect", lang="en")
    over = grade(longer, kind="connect", lang="en")
    assert fits.band == "ready"
    assert "connection-note-length" in {f.rule for f in over.findings}
    assert _outcome("connection-note-length", longer, kind="connect").near == 0.0
    assert over.score <= 69 and over.band == "needs-work"
