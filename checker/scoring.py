"""From rule outcomes to criterion verdicts, a 0–100 score, a band, and what held the score down.

Readers do not add up small merits (grading-notes.md): a decisive criterion left missing caps the
score below "ready", and some rules carry their own cap (a placeholder left in, entitlement), while
niceties only cost their weight. A cap is a ceiling that scales, not a wall: under it the score
still grows with what the draft has (a capped draft with everything else scores near the ceiling,
one with little scores low), so scores order drafts within a band. The report names the cap and why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import CriterionVerdict
from .rubric import Criterion

READY, NEEDS_WORK = 70, 40
DECISIVE_CAP = 69
"""A decisive criterion that is missing keeps the draft below "ready" (ARCHITECTURE.md)."""
CAP_STEP = 3
"""Each further disqualifying problem lowers the ceiling a little, so fixing one of two shows."""


def band_for(score: int) -> str:
    """The band a score falls in; the thresholds are the report's contract."""
    if score >= READY:
        return "ready"
    if score >= NEEDS_WORK:
        return "needs-work"
    return "not-ready"


def verdict_for(fraction: float) -> str:
    """A criterion's verdict from the share of its weight earned."""
    if fraction >= 0.999:
        return "met"
    if fraction <= 0.001:
        return "missing"
    return "partial"


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One applicable rule's result, as scoring needs it."""

    rule: str
    criterion: str
    value: float  # 1 pass, 0.5 partial, 0 fail
    cap: int | None  # the rule's own ceiling when it is not fully met
    blocker: bool  # an error-severity rule failed outright: it decides its criterion


@dataclass(frozen=True, slots=True)
class Scored:
    """The score, each criterion's verdict, and the cap that lowered the score, if any."""

    score: int
    verdicts: tuple[CriterionVerdict, ...]
    cap: tuple[int, str] | None  # (ceiling, rule id or "criterion:<id>") when it lowered the score


def _ceiling(cap: int, raw: int) -> int:
    """The score under a ceiling: the band floor plus the ceiling's share of the raw score."""
    floor = 0 if cap < NEEDS_WORK else NEEDS_WORK if cap < READY else READY
    return floor + round((cap - floor) * raw / 100)


def score(
    criteria: Mapping[str, Criterion],
    outcomes: Sequence[RuleResult],
    lang: str,
    *,
    explain: bool = True,
) -> Scored:
    """Weighted mean of criterion fractions under the caps; criteria with no rule are left out.

    `explain=False` skips the per-criterion verdicts: what-if scores (a finding's gain) need only
    the number."""
    values: dict[str, list[float]] = {}
    blockers: set[str] = set()
    caps: list[tuple[int, str]] = []
    capping: set[str] = set()  # criteria one of whose rules already caps the score
    for o in outcomes:
        values.setdefault(o.criterion, []).append(o.value)
        if o.value < 1.0 and o.cap is not None:
            caps.append((o.cap, o.rule))
            capping.add(o.criterion)
        if o.blocker:
            blockers.add(o.criterion)
    verdicts: list[CriterionVerdict] = []
    total = earned = 0.0
    for cid, crit in criteria.items():
        got = values.get(cid)
        if not got:
            continue
        fraction = 0.0 if cid in blockers else sum(got) / len(got)
        verdict = verdict_for(fraction)
        # One problem counts once: a rule that caps already stands for its criterion's absence.
        if crit.decisive and verdict == "missing" and cid not in capping:
            caps.append((DECISIVE_CAP, "criterion:" + cid))
        total += crit.weight
        earned += crit.weight * fraction
        if explain:
            verdicts.append(
                CriterionVerdict(
                    cid, crit.label[lang], crit.weight, round(crit.weight * fraction), verdict
                )
            )
    raw = round(100 * earned / total) if total else 0
    final, held = raw, None
    if caps:
        lowest, why = min(caps)
        ceiling = max(0, lowest - CAP_STEP * (len(caps) - 1))
        capped = min(raw, _ceiling(ceiling, raw))
        if capped < raw:
            final, held = capped, (ceiling, why)
    return Scored(max(0, min(100, final)), tuple(verdicts), held)
