"""metric: a count (words, characters, sentences) within per-kind limits."""

from __future__ import annotations

from ..draft import Draft
from ..rubric import Rule
from .outcome import FAIL, PARTIAL, PASS, SKIPPED, Outcome


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Count words or characters against the kind's bounds; a little over costs part of the rule."""
    limits = rule.limits.get(draft.kind)
    if limits is None:
        return SKIPPED
    lo, hi = limits
    if rule.measure == "words":
        value = draft.words
    elif rule.measure == "sentences":
        value = draft.sentence_count
    else:
        value = len(draft.text)
    values = (("value", str(value)), ("min", str(lo or 0)), ("max", str(hi or "")))
    # A little over (or under) the bound costs half the rule, and no cap: no cliff at 126 words.
    slack = rule.params.get("tolerance", 50) / 100
    if hi is not None and value > hi:
        return Outcome(PARTIAL if value <= hi * (1 + slack) else FAIL, (), values)
    if lo is not None and value < lo:
        return Outcome(PARTIAL if value >= lo * (1 - slack) else FAIL, (), values)
    return Outcome(PASS, (), values)
