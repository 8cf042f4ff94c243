"""The five rule kinds. Each turns (rule, draft) into an outcome; the rubric supplies the data.

- present: evidence must appear, inside a clause (a sentence with a verb) unless `clause = false`;
  weaker `partial` evidence earns half.
- absent: none of the patterns may appear (optionally only `when` another pattern appears too).
- placeholder: like absent, for template slots left unfilled.
- metric: a count (words, characters, sentences) within per-kind limits.
- repetition: keyword stuffing, i.e. verbless fragments and marker words repeated.
- role: no body sentence may do one of `roles` (unless another does one of `unless_roles`).

`present` rules may also name `roles` (a body sentence doing that job is evidence, whatever its
words), `veto_roles` (a phrase found in a sentence doing that job is no evidence: "I'm open to
opportunities" names a purpose without having one) and `part` (a greeting line is a greeting).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .draft import Draft
from .language import EN_WORDS, FR_WORDS
from .patterns import LazyPattern
from .prefilter import may_match
from .rubric import Rule
from .text import LETTERS_RE

MAX_SPANS = 25
"""A 1 MB paste can match a pattern thousands of times; the reader needs the first few."""

PASS, PARTIAL, FAIL, SKIP = 1.0, 0.5, 0.0, None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one rule concluded about one draft."""

    value: float | None  # 1 pass, 0.5 partial, 0 fail, None: does not apply to this draft
    spans: tuple[tuple[int, int], ...] = ()  # folded offsets
    values: tuple[tuple[str, str], ...] = ()  # for {value}, {min}, {max} in messages


_PASSED = Outcome(PASS)
_FAILED = Outcome(FAIL)
_SKIPPED = Outcome(SKIP)


def _evidence(rule: Rule, draft: Draft, partial: bool = False) -> tuple[int, int] | None:
    """The first match inside a clause (or anywhere, for `clause = false` rules), outside any
    sentence that does one of the rule's `veto_roles`."""
    matcher = (rule.partial_matchers if partial else rule.matchers).get(draft.lang)
    if matcher is None or not may_match(matcher.gate, draft.f):
        return None
    vetoed = draft.vetoed(rule.veto_roles, rule.roles) if rule.veto_roles else set()
    for m in matcher.finditer(draft.f):
        if m.end() == m.start():
            continue
        if vetoed and draft.sentence_index(m.start()) in vetoed:
            continue
        if not rule.clause or draft.in_clause(m.start()):
            return (m.start(), m.end())
    return None


def present(rule: Rule, draft: Draft) -> Outcome:
    if rule.part is not None and draft.has_part(rule.part):
        return _PASSED
    if rule.roles and any(
        not rule.clause or draft.verbs[i] for i in draft.with_role(rule.roles, rule.confidence)
    ):
        return _PASSED
    if _evidence(rule, draft) is not None:
        return _PASSED
    weak = _evidence(rule, draft, partial=True)
    if weak is not None:
        return Outcome(PARTIAL, (weak,))
    return _FAILED


def _all(matcher: LazyPattern | None, text: str) -> list[tuple[int, int]]:
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


def absent(rule: Rule, draft: Draft, whole: bool = False) -> Outcome:
    """`whole`: read the whole text, subject line and signature included (placeholders)."""
    text = draft.folded.folded if whole else draft.f
    matcher = rule.matchers.get(draft.lang)
    if matcher is None or not may_match(matcher.gate, text):
        return _PASSED
    hits = _all(matcher, text)
    if not hits:
        return _PASSED
    unless = rule.unless_matchers.get(draft.lang)
    if unless is not None and unless.search(text):
        return _PASSED
    when = rule.when_matchers.get(draft.lang)
    if when is not None:
        also = _all(when, text)
        if not also:
            return _PASSED
        hits = sorted(set(hits + also))
    return Outcome(FAIL, tuple(hits))


def metric(rule: Rule, draft: Draft) -> Outcome:
    limits = rule.limits.get(draft.kind)
    if limits is None:
        return _SKIPPED
    lo, hi = limits
    if rule.measure == "words":
        value = draft.words
    elif rule.measure == "sentences":
        value = draft.sentence_count
    else:
        value = len(draft.text)
    values = (("value", str(value)), ("min", str(lo or 0)), ("max", str(hi or "")))
    # A little over (or under) the bound costs half the rule, and no cap: no cliff at 126 words.
    slack = rule.params.get("tolerance", 50) / 100
    if hi is not None and value > hi:
        return Outcome(PARTIAL if value <= hi * (1 + slack) else FAIL, (), values)
    if lo is not None and value < lo:
        return Outcome(PARTIAL if value >= lo * (1 - slack) else FAIL, (), values)
    return Outcome(PASS, (), values)


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
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
"""Marker words worth counting: four letters or more."""


def repetition(rule: Rule, draft: Draft) -> Outcome:
    """Keyword stuffing: most words sit in verbless fragments, or marker words repeat."""
    p = rule.params
    min_words = p.get("min_words", 4)
    if draft.words < min_words:
        return _SKIPPED
    f = draft.f
    verbless_words = 0
    spans: list[tuple[int, int]] = []
    for (s, e), verb in zip(draft.sentences, draft.verbs, strict=True):
        if verb:
            continue
        runs = LETTERS_RE.findall(f, s, e)
        if len(runs) < p.get("min_fragment_words", 3) or runs[0] in _COURTESY_START:
            continue
        verbless_words += len(runs)
        spans.append((s, e))
    stuffed = verbless_words * 100 >= p.get("verbless_share", 50) * draft.words
    counts = Counter(_LONG_WORD.findall(f))
    repeat_min = p.get("max_repeat", 3)
    share = p.get("repeat_share", 8) * draft.words
    repeated = [
        w for w, n in counts.items() if n >= repeat_min and n * 100 >= share and w not in _FUNCTION
    ]
    if repeated:
        stuffed = True
        targets = set(repeated)
        for m in LETTERS_RE.finditer(f):
            if m.group() in targets:
                spans.append((m.start(), m.end()))
                if len(spans) >= MAX_SPANS:
                    break
    if not stuffed:
        return _PASSED
    return Outcome(FAIL, tuple(sorted(set(spans))[:MAX_SPANS]))


def placeholder(rule: Rule, draft: Draft) -> Outcome:
    return absent(rule, draft, whole=True)


def role(rule: Rule, draft: Draft) -> Outcome:
    hits = draft.with_role(rule.roles, rule.confidence)
    if not hits:
        return _PASSED
    if rule.unless_roles and draft.with_role(rule.unless_roles):
        return _PASSED
    return Outcome(FAIL, tuple(draft.sentences[i] for i in hits[:MAX_SPANS]))


EVALUATORS = {
    "present": present,
    "absent": absent,
    "placeholder": placeholder,
    "role": role,
    "metric": metric,
    "repetition": repetition,
}


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Run one rule on one draft (rules for other kinds or languages do not apply)."""
    if draft.kind not in rule.applies_to or draft.lang not in rule.langs:
        return _SKIPPED
    return EVALUATORS[rule.kind](rule, draft)
