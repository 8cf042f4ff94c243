"""absent: none of the patterns may appear (optionally only `when` another pattern appears too)."""

from __future__ import annotations

from ..draft import Draft
from ..prefilter import may_match
from ..rubric import Rule
from .outcome import FAIL, PASSED, Outcome, all_matches


def evaluate(rule: Rule, draft: Draft, whole: bool = False) -> Outcome:
    """`whole`: read the whole text, subject line and signature included (placeholders)."""
    text = draft.folded.folded if whole else draft.f
    matcher = rule.matchers.get(draft.lang)
    if matcher is None or not may_match(matcher.gate, text):
        return PASSED
    hits = all_matches(matcher, text)
    if not hits:
        return PASSED
    unless = rule.unless_matchers.get(draft.lang)
    if unless is not None and unless.search(text):
        return PASSED
    when = rule.when_matchers.get(draft.lang)
    if when is not None:
        also = all_matches(when, text)
        if not also:
            return PASSED
        hits = sorted(set(hits + also))
    return Outcome(FAIL, tuple(hits))
