"""duplicate: the same long sentence twice, a paragraph pasted twice while editing.

Nobody writes the same sentence of a dozen words twice on purpose in a short message; it is a slip
of copy and paste that tells the reader nobody reread the draft. Short formulas ("Thanks again.")
may come back and are left alone: `params.min_words` (default 10) sets how long a sentence must be.
Only the judged text is read, so a forwarded or quoted message below repeats nothing.
"""

from __future__ import annotations

from ..draft import Draft
from ..folding import WORD_RE
from ..rubric import Rule
from .outcome import FAIL, MAX_SPANS, PASSED, Outcome


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Fail on each sentence that repeats, word for word, a long sentence before it."""
    min_words = rule.params.get("min_words", 10)
    seen: set[tuple[str, ...]] = set()
    spans: list[tuple[int, int]] = []
    for s, e in draft.sentences:
        words = tuple(WORD_RE.findall(draft.judged, s, e))
        if len(words) < min_words:
            continue
        if words in seen:
            spans.append((s, e))
            if len(spans) >= MAX_SPANS:
                break
        else:
            seen.add(words)
    return Outcome(FAIL, tuple(spans)) if spans else PASSED
