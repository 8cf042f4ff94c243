"""What a rule concludes about a draft, shared by every rule kind."""

from __future__ import annotations

from dataclasses import dataclass

from ..rubric.patterns import LazyPattern

MAX_SPANS = 25
"""A 1 MB paste can match a pattern thousands of times; the reader needs the first few."""

PASS, PARTIAL, FAIL, SKIP = 1.0, 0.5, 0.0, None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rule concluded about one draft."""

    value: float | None  # 1 pass, 0.5 partial, 0 fail, None: does not apply to this draft
    spans: tuple[tuple[int, int], ...] = ()  # folded offsets
    values: tuple[tuple[str, str], ...] = ()  # for {value}, {min}, {max} in messages
    cap: int | None = None  # a ceiling other than the rule's own, for this outcome
    near: float = 0.0  # a failed rule: the share of a pass its nearest miss is worth, in [0, 1)


PASSED = Outcome(PASS)
FAILED = Outcome(FAIL)
SKIPPED = Outcome(SKIP)


def all_matches(matcher: LazyPattern | None, text: str) -> list[tuple[int, int]]:
    """The first MAX_SPANS non-empty matches, as folded offsets."""
    out: list[tuple[int, int]] = []
    if matcher is None:
        return out
    for m in matcher.finditer(text):
        if m.end() > m.start():
            out.append((m.start(), m.end()))
            if len(out) >= MAX_SPANS:
                break
    return out
