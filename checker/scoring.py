"""From rule outcomes to criterion verdicts, a 0–100 score, a band, and what held the score down.

Readers do not add up small merits (grading-notes.md): a decisive criterion left missing caps the
score below "ready", and some rules carry their own cap (a placeholder left in, entitlement), while
niceties only cost their weight. A cap is a ceiling that scales, not a wall: under it the score
still grows with what the draft has (a capped draft with everything else scores near the ceiling,
one with little scores low), so scores order drafts within a band. The report names the cap and why.

Gates are soft where the role model decides them. A role-backed rule that fails reports `near`:
the model's probability, below the role's threshold, that one of the sentences that could have
been its evidence does the job after all (checker/rules/present.py). The model is calibrated
(model/reliability.py: of the sentences it scores about 0.2, about a fifth do the job), so `near`
is what the miss is worth, `k`:

- the rule earns `k` instead of 0 (a sentence the model gives a one-in-four chance earns a quarter
  of the rule);
- a cap it causes (its own, or that of a decisive criterion all of whose rules missed, taking the
  criterion's nearest miss) fades by as much: the capped score `c` becomes `c + k × (raw − c)`,
  and the ceiling reported is `cap + k × (100 − cap)`. The fade never gives back more than the
  chance that the element is there; under `SURE_ABSENT` (held-out sentences scored below 0.05
  do the job about 1 % of the time) the model is sure, `k` is 0 and the cap holds in full.

A count past its bound (rules/metric.py) reports `near` as the share of the rule it still earns,
so a length rule fades in over its tolerance instead of making a cliff. A phrase rule or a partial
outcome has `near = 0`: its cap holds in full.
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
SURE_ABSENT = 0.05
"""A nearest miss below this probability earns nothing: the element is as good as absent
(model/reliability.py), and the criterion's verdict says "missing", not "partial"."""


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
    near: float = 0.0  # a failed rule: how close it came to passing, in [0, 1)


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
    sums: dict[str, list[float]] = {}  # criterion -> [rules, value found, value earned]
    blockers: dict[str, float] = {}  # criterion -> the nearest miss of its blocking rules
    nearest: dict[str, float] = {}  # criterion -> the nearest miss of its failed rules
    caps: list[tuple[float, int, str, float]] = []  # (effective ceiling, cap, why, softening)
    capping: set[str] = set()  # criteria one of whose rules already caps the score
    for o in outcomes:
        v, cid = o.value, o.criterion
        k = o.near if o.near >= SURE_ABSENT and v == 0.0 else 0.0
        got = sums.get(cid)
        if got is None:
            sums[cid] = [1, v, k if k > v else v]
        else:
            got[0] += 1
            got[1] += v
            got[2] += k if k > v else v
        if k and k > nearest.get(cid, 0.0):
            nearest[cid] = k
        if v < 1.0 and o.cap is not None:
            caps.append((o.cap + k * (100 - o.cap), o.cap, o.rule, k))
            capping.add(cid)
        if o.blocker:
            blockers[cid] = min(blockers.get(cid, 1.0), k)
    verdicts: list[CriterionVerdict] = []
    total = earned = 0.0
    for cid, crit in criteria.items():
        got = sums.get(cid)
        if got is None:
            continue
        if cid in blockers:
            found, fraction = 0.0, blockers[cid]
        else:
            found, fraction = got[1] / got[0], got[2] / got[0]
        # Points and verdict count how near a miss came (a near miss is partly there); a cap
        # needs nothing found. One problem counts once: a rule that caps already stands for its
        # criterion's absence.
        if crit.decisive and found <= 0.001 and cid not in capping:
            k = nearest.get(cid, 0.0)
            caps.append(
                (DECISIVE_CAP + k * (100 - DECISIVE_CAP), DECISIVE_CAP, "criterion:" + cid, k)
            )
        total += crit.weight
        earned += crit.weight * fraction
        if explain:
            verdicts.append(
                CriterionVerdict(
                    cid,
                    crit.label[lang],
                    crit.weight,
                    round(crit.weight * fraction),
                    verdict_for(fraction),
                )
            )
    raw = round(100 * earned / total) if total else 0
    final, held = raw, None
    if caps:
        # The lowest ceiling once softened; every further problem lowers it by CAP_STEP.
        _, lowest, why, k = min(caps)
        ceiling = max(0, lowest - CAP_STEP * (len(caps) - 1))
        capped = min(raw, _ceiling(ceiling, raw))
        softened = round(capped + k * (raw - capped))
        if softened < raw:
            final, held = softened, (round(ceiling + k * (100 - ceiling)), why)
    return Scored(max(0, min(100, final)), tuple(verdicts), held)
