"""The rule kinds: one module each, registered here by the name a rubric gives in `kind`.

Each module's `evaluate(rule, draft)` turns a rule and a prepared draft into an `Outcome`; the
rubric supplies the data. Adding a kind is one module and one line below (and its name in
`checker.rubric.RULE_KINDS`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..draft import Draft
from ..rubric import Rule
from . import absent, addressee, duplicate, metric, placeholder, present, repetition, role
from .outcome import FAIL, MAX_SPANS, PARTIAL, PASS, SKIP, SKIPPED, Outcome

Evaluator = Callable[[Rule, Draft], Outcome]

REGISTRY: dict[str, Evaluator] = {
    "present": present.evaluate,
    "absent": absent.evaluate,
    "placeholder": placeholder.evaluate,
    "metric": metric.evaluate,
    "repetition": repetition.evaluate,
    "role": role.evaluate,
    "addressee": addressee.evaluate,
    "duplicate": duplicate.evaluate,
}


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Run one rule on one draft (rules for other kinds or languages do not apply)."""
    if draft.kind not in rule.applies_to or draft.lang not in rule.langs:
        return SKIPPED
    return REGISTRY[rule.kind](rule, draft)


__all__ = [
    "FAIL",
    "MAX_SPANS",
    "PARTIAL",
    "PASS",
    "REGISTRY",
    "SKIP",
    "Outcome",
    "evaluate",
]
