"""metric: a count (words, characters, sentences) within per-kind limits.

Past a bound the rule fades in rather than switching on: its points and its cap go from nothing
at the bound to all of them at the bound's tolerance (`tolerance`, 50 % by default: 187 words for
a 125-word bound; 0 makes the bound hard), through the nearest miss that scoring already turns
into partial credit and a softer cap (checker/scoring.py: the rule earns `near` and its cap fades
by as much). So a draft scores a little less with each sentence it adds past the bound, instead
of dropping from "ready" to "needs work" at one word.
"""

from __future__ import annotations

from ..draft import Draft
from ..rubric import Rule
from .outcome import FAIL, PASS, SKIPPED, Outcome


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
    slack = rule.params.get("tolerance", 50) / 100
    if hi is not None and value > hi:
        return _past(value / hi - 1, slack, values)
    if lo is not None and value < lo:
        return _past(1 - value / lo, slack, values)
    return Outcome(PASS, (), values)


def _past(excess: float, slack: float, values: tuple[tuple[str, str], ...]) -> Outcome:
    """A count `excess` (a share of the bound) past its bound: `k`, the share of the rule still
    earned and of its cap lifted, falls from 1 at the bound to 0 at the tolerance."""
    k = max(0.0, 1.0 - excess / slack) if slack > 0 else 0.0
    return Outcome(FAIL, (), values, near=k)
