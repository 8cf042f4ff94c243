"""From rule outcomes to criterion verdicts, a 0–100 score and a band.

Readers do not add up small merits (grading-notes.md): a decisive criterion left missing caps the
score below "ready", and some rules carry their own cap (a placeholder left in, entitlement), while
niceties only cost their weight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import CriterionVerdict
from .rubric import Criterion

READY, NEEDS_WORK = 70, 40
DECISIVE_CAP = 69
"""A decisive criterion that is missing keeps the draft below "ready" (ARCHITECTURE.md)."""
CAP_STEP = 3
"""Each further disqualifying problem lowers the ceiling a little, so fixing one of two shows."""

BAND_LABELS = {
    "ready": {"en": "Ready to send", "fr": "Prêt à envoyer"},
    "needs-work": {"en": "Needs work", "fr": "À retravailler"},
    "not-ready": {"en": "Not ready", "fr": "Pas prêt"},
    "empty": {"en": "Nothing to grade", "fr": "Rien à évaluer"},
}


def band_for(score: int) -> str:
    if score >= READY:
        return "ready"
    if score >= NEEDS_WORK:
        return "needs-work"
    return "not-ready"


def verdict_for(fraction: float) -> str:
    if fraction >= 0.999:
        return "met"
    if fraction <= 0.001:
        return "missing"
    return "partial"


def score(
    criteria: Mapping[str, Criterion],
    values: Mapping[str, Sequence[float]],
    caps: Sequence[int],
    lang: str,
    blockers: frozenset[str] = frozenset(),
) -> tuple[int, tuple[CriterionVerdict, ...]]:
    """Weighted mean of criterion fractions, capped; criteria with no applicable rule are left out.

    `values` maps a criterion id to the outcomes (1, 0.5 or 0) of its applicable rules, and
    `blockers` names the criteria where an error-severity rule failed outright: such a rule decides
    its criterion (a placeholder left in is not offset by a good greeting).
    """
    verdicts: list[CriterionVerdict] = []
    total = earned = 0.0
    all_caps = list(caps)
    for cid, crit in criteria.items():
        outcomes = values.get(cid)
        if not outcomes:
            continue
        fraction = 0.0 if cid in blockers else sum(outcomes) / len(outcomes)
        verdict = verdict_for(fraction)
        if crit.decisive and verdict == "missing":
            all_caps.append(DECISIVE_CAP)
        total += crit.weight
        earned += crit.weight * fraction
        verdicts.append(
            CriterionVerdict(
                cid, crit.label[lang], crit.weight, round(crit.weight * fraction), verdict
            )
        )
    raw = round(100 * earned / total) if total else 0
    final = raw
    if all_caps:
        final = min(raw, min(all_caps) - CAP_STEP * (len(all_caps) - 1))
    return max(0, min(100, final)), tuple(verdicts)
