"""absent: none of the patterns may appear (optionally only `when` another pattern appears too).

`partial` patterns are a lesser form of the fault: when only they appear, the rule is half met and
never caps (checker/grader.py), as "Cdt" closing an otherwise careful email is a habit where
"slt" opening it is a register."""

from __future__ import annotations

from ..draft import Draft
from ..prefilter import may_match
from ..rubric import Rule
from .outcome import FAIL, PARTIAL, PASSED, Outcome, all_matches


def _hits(rule: Rule, draft: Draft, text: str, partial: bool) -> list[tuple[int, int]]:
    """The matches of the rule's patterns (or its partial ones), once `unless` and `when` agree."""
    matcher = (rule.partial_matchers if partial else rule.matchers).get(draft.lang)
    if matcher is None or not may_match(matcher.gate, text):
        return []
    hits = all_matches(matcher, text)
    if not hits:
        return []
    unless = rule.unless_matchers.get(draft.lang)
    if unless is not None and unless.search(text):
        return []
    when = rule.when_matchers.get(draft.lang)
    if when is not None:
        also = all_matches(when, text)
        if not also:
            return []
        hits = sorted(set(hits + also))
    return hits


def evaluate(rule: Rule, draft: Draft, whole: bool = False) -> Outcome:
    """`whole`: read the whole text, subject line and signature included (placeholders)."""
    text = draft.folded.folded if whole else draft.judged
    hits = _hits(rule, draft, text, partial=False)
    if hits:
        return Outcome(FAIL, tuple(hits))
    weak = _hits(rule, draft, text, partial=True)
    return Outcome(PARTIAL, tuple(weak)) if weak else PASSED
