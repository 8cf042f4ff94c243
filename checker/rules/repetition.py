"""repetition: keyword stuffing, i.e. verbless fragments and marker words repeated."""

from __future__ import annotations

from collections import Counter

from ..draft import Draft
from ..folding import LETTERS_RE
from ..language import EN_WORDS, FR_WORDS
from ..lazyre import LazyRegex
from ..rubric import Rule
from .outcome import FAIL, MAX_SPANS, PASSED, SKIPPED, Outcome

_COURTESY_START = (
    "bonjour",
    "bonsoir",
    "madame",
    "monsieur",
    "cher",
    "chere",
    "merci",
    "cordialement",
    "bien",
    "salutations",
    "hello",
    "hi",
    "dear",
    "thanks",
    "thank",
    "regards",
    "best",
    "sincerely",
    "cheers",
    "kind",
    "warm",
    "salut",
    "a",
    "bonne",
    "belle",
)
_FUNCTION = FR_WORDS | EN_WORDS
_LONG_WORD = LazyRegex(r"[^\W\d_]{4,}")
"""Marker words worth counting: four letters or more."""


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Keyword stuffing: most words sit in verbless fragments, or marker words repeat."""
    p = rule.params
    min_words = p.get("min_words", 4)
    if draft.words < min_words:
        return SKIPPED
    judged = draft.judged
    verbless_words = 0
    spans: list[tuple[int, int]] = []
    for (s, e), verb in zip(draft.sentences, draft.verbs, strict=True):
        if verb:
            continue
        runs = LETTERS_RE.findall(judged, s, e)
        if len(runs) < p.get("min_fragment_words", 3) or runs[0] in _COURTESY_START:
            continue
        verbless_words += len(runs)
        spans.append((s, e))
    stuffed = verbless_words * 100 >= p.get("verbless_share", 50) * draft.words
    counts = Counter(_LONG_WORD.findall(judged))
    repeat_min = p.get("max_repeat", 3)
    share = p.get("repeat_share", 8) * draft.words
    repeated = [
        w for w, n in counts.items() if n >= repeat_min and n * 100 >= share and w not in _FUNCTION
    ]
    if repeated:
        names = _names(draft, set(repeated))
        repeated = [w for w in repeated if w not in names]
    if repeated:
        stuffed = True
        targets = set(repeated)
        for m in LETTERS_RE.finditer(judged):
            if m.group() in targets:
                spans.append((m.start(), m.end()))
                if len(spans) >= MAX_SPANS:
                    break
    if not stuffed:
        return PASSED
    return Outcome(FAIL, tuple(sorted(set(spans))[:MAX_SPANS]))


def _names(draft: Draft, words: set[str]) -> set[str]:
    """Those of the folded `words` written with a capital every time they occur: people's and
    firms' names. A terse intro names each person three times ("Priya: Jonas is…"), which is no
    stuffing; a stuffed keyword is also written in lower case ("Motivation motivation") or in
    capitals."""
    names = set(words)
    original = draft.folded.original
    for m in _LONG_WORD.finditer(draft.judged):
        if m.group() not in names:
            continue
        start, end = draft.folded.span(m.start(), m.end())
        written = original[start:end]
        if not written[:1].isupper() or written.isupper():  # "MOTIVATION" is shouting
            names.discard(m.group())
    return names
