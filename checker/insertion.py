"""Where a missing element's text goes in a draft: a rule's `insert_at`, resolved from the parts.

A rule that finds an element missing (a `present` rule) may carry a text to insert, in each
language, and where it belongs: at the `start` (after a subject line), `after-greeting`,
`before-closing` (before the closing, else before the signature, else at the end of the body) or at
the `end-of-body`. The grader turns that into a code-point offset and the exact text to insert
there, separators included, so that a widget inserts it as is, with no layout logic of its own.

The inserted text keeps the draft's layout: a new paragraph where the neighbouring parts are on
lines of their own (with the same line breaks as between them), a new sentence on the same line
where they share one.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lazyre import LazyRegex
from .model import Insert, PartSpan

MAX_PLACEHOLDER = 40
"""The longest placeholder the default rubric's no-placeholder rule still flags (the rubric
loader refuses an insert text with a longer one)."""
PLACEHOLDER_RE = LazyRegex(rf"\[[^\[\]\n]{{1,{MAX_PLACEHOLDER}}}\]")
"""A bracketed placeholder ("[20 minutes]"): the first one is selected after inserting."""


def _first(parts: Sequence[PartSpan], name: str) -> PartSpan | None:
    return next((p for p in parts if p.part == name), None)


def _last(parts: Sequence[PartSpan], name: str) -> PartSpan | None:
    return next((p for p in reversed(parts) if p.part == name), None)


def anchor(parts: Sequence[PartSpan], where: str, length: int) -> int:
    """The boundary (a code-point offset) that `where` names in a draft of `length` code points."""
    if where == "start":
        subject = _first(parts, "subject")
        return subject.end if subject is not None else 0
    if where == "after-greeting":
        greeting = _first(parts, "greeting")
        return greeting.end if greeting is not None else anchor(parts, "start", length)
    if where == "before-closing":
        for name in ("closing", "signature"):
            part = _first(parts, name)
            if part is not None:
                return part.start
        return anchor(parts, "end-of-body", length)
    if where == "end-of-body":
        body = _last(parts, "body")
        if body is not None:
            return body.end
        greeting = _first(parts, "greeting")
        if greeting is not None:
            return greeting.end
        # No body, no greeting: a draft of closing, signature or quoted text only.
        first = min((p.start for p in parts), default=length)
        return first
    raise ValueError(f"unknown insert_at {where!r}")


def place(text: str, parts: Sequence[PartSpan], where: str, snippet: str) -> Insert:
    """Insert `snippet` at the boundary `where` names: the offset, the text with its separators,
    and the first placeholder's offsets in the draft once inserted (or None)."""
    p = anchor(parts, where, len(text))
    left = p
    while left > 0 and text[left - 1].isspace():
        left -= 1
    right = p
    while right < len(text) and text[right].isspace():
        right += 1
    gap = text[left:right]
    several_lines = "\n" in text.strip()
    edge = "\n\n" if several_lines else " "
    if not text[:left].strip():
        # Nothing before: the snippet comes first, then the draft.
        at, lead = right, ""
        tail = "" if right >= len(text) else (gap if "\n" in gap else edge)
    else:
        at, tail = left, ""
        if right >= len(text):
            lead = edge
        elif "\n" in gap:
            lead = gap
        else:
            lead = " "
    inserted = lead + snippet + tail
    select = None
    m = PLACEHOLDER_RE.search(snippet)
    if m is not None:
        base = at + len(lead)
        select = (base + m.start(), base + m.end())
    return Insert(at, inserted, select)
