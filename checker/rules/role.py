"""role: no body sentence may do one of `roles` (unless another does one of `unless_roles`).

A sentence holding one of the rule's `veto` phrases is not counted: a stock formula that only
sounds like the role (« Dans l’attente de votre réponse, je vous prie d’agréer… » closes a letter,
it presses nobody), which the model, reading words, may take for it."""

from __future__ import annotations

from ..draft import Draft
from ..prefilter import may_match
from ..rubric import Rule
from .outcome import FAIL, MAX_SPANS, PASSED, Outcome


def _stock(rule: Rule, draft: Draft) -> set[int]:
    """The sentences holding one of the rule's `veto` phrases."""
    veto = rule.veto_matchers.get(draft.lang)
    if veto is None or not may_match(veto.gate, draft.judged):
        return set()
    found = (draft.sentence_index(m.start()) for m in veto.finditer(draft.judged))
    return {i for i in found if i is not None}


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Fail on sentences that play the rule's roles (pressure), unless another role excuses them."""
    hits = draft.with_role(rule.roles, rule.confidence)
    if hits:
        stock = _stock(rule, draft)
        hits = [i for i in hits if i not in stock]
    if not hits:
        return PASSED
    if rule.unless_roles and draft.with_role(rule.unless_roles):
        return PASSED
    return Outcome(FAIL, tuple(draft.sentences[i] for i in hits[:MAX_SPANS]))
