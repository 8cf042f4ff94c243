"""role: no body sentence may do one of `roles` (unless another does one of `unless_roles`).

A sentence holding one of the rule's `veto` phrases is not counted: a stock formula that only
sounds like the role (« Dans l’attente de votre réponse, je vous prie d’agréer… » closes a letter,
it presses nobody), which the model, reading words, may take for it."""

from __future__ import annotations

from ..draft import Draft
from ..rubric import Rule
from .outcome import FAIL, MAX_SPANS, PASSED, Outcome


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Fail on sentences that play the rule's roles (pressure), unless another role excuses them."""
    hits = draft.with_role(rule.roles, rule.confidence)
    if hits:
        stock = draft.phrases_by_sentence(rule.veto_matchers.get(draft.lang))
        hits = [i for i in hits if i not in stock]
    if not hits:
        return PASSED
    if rule.unless_roles and draft.with_role(rule.unless_roles):
        return PASSED
    return Outcome(FAIL, tuple(draft.sentences[i] for i in hits[:MAX_SPANS]))
