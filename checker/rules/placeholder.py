"""placeholder: like absent, for template slots left unfilled, read over the whole draft.

A `[Prénom]` left in a subject line or a signature shows as much as one in the body.
"""

from __future__ import annotations

from ..draft import Draft
from ..rubric import Rule
from .absent import evaluate as absent_evaluate
from .outcome import Outcome


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Like ``absent``, over the whole draft: a placeholder in the signature still counts."""
    return absent_evaluate(rule, draft, whole=True)
