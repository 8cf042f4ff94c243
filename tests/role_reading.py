"""Whether the shipped role model reads a role in one sentence: the tests' one question to it."""

from __future__ import annotations

from checker.folding import fold_fast
from checker.roles import default_model


def model_reads(sentence: str, kind: str, role: str) -> bool:
    """The role's probability for the folded sentence at or above the model's threshold for it
    (the decision `Draft.with_role` takes)."""
    model = default_model()
    scores = model.scores(fold_fast(sentence), kind)
    i = model.roles.index(role)
    return scores[i] >= model.thresholds[i]
