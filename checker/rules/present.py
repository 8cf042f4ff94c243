"""present: evidence must appear, inside a clause (a sentence with a verb) unless `clause = false`.

Weaker `partial` evidence earns half. The evidence may also be a body sentence doing one of the
rule's `roles` (whatever its words), or a part of the draft (`part = "greeting"`); a sentence that
more surely does one of its `veto_roles` than any of its `roles` is no evidence, by role or by
phrase ("I'm open to opportunities" names a purpose without having one), and the failure then
points at that sentence. So is a sentence holding one of the rule's `veto` phrases and none of its
own patterns apart from it, whatever role the model reads in it: an own phrase whose object is a
veto phrase ("interested in any opening at…") is no evidence, not even of a vague direction.

With `phrase_floor`, a phrase is evidence only in a sentence the role model does not deny: one
where it gives one of the rule's roles at least that percentage of the role's threshold. A phrase
in a sentence the model reads as doing nothing of the kind ("How can you help me?", "happy to
talk shop about what I'm learning") names the element without doing its job: it counts as a
direction in vague words (`veto_cap`), not as the element. Lists of phrases help the model find
an element; they no longer overrule it.

With `overshadowed_by`, a sentence that more surely does one of those roles than any of the
rule's own is evidence only through one of the rule's phrases: the model's reading of the rule's
role in it is not enough ("I'm a chartered accountant with twelve years in audit" says who the
writer is, whatever purpose the model also hears in it; "I'm an engineer moving into product"
keeps its phrase).

A rule that fails still says how likely it is that the element is there after all
(`Outcome.near`): the best probability, below the role's threshold, that the model gives one of
the rule's roles in a sentence that could have been its evidence. Scoring turns it into partial
credit and a softer cap (checker/scoring.py).
"""

from __future__ import annotations

from ..draft import Draft
from ..prefilter import may_match
from ..rubric import Rule
from .outcome import FAIL, FAILED, MAX_SPANS, PARTIAL, PASSED, Outcome

NEAR_MAX = 0.99
"""A miss stays a miss: the nearest one is worth at most this share of a pass."""


def _evidence(
    rule: Rule,
    draft: Draft,
    vetoed: set[int],
    partial: bool = False,
    hollow: frozenset[int] = frozenset(),
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The first match inside a clause (or anywhere, for `clause = false` rules) outside the
    `vetoed` sentences, and the first one inside them, unless its sentence is `hollow`."""
    matcher = (rule.partial_matchers if partial else rule.matchers).get(draft.lang)
    if matcher is None or not may_match(matcher.gate, draft.judged):
        return None, None
    inside = None
    for m in matcher.finditer(draft.judged):
        if m.end() == m.start() or (rule.clause and not draft.in_clause(m.start())):
            continue
        i = draft.sentence_index(m.start()) if vetoed else None
        if i is not None and i in vetoed:
            if i not in hollow:
                inside = inside or (m.start(), m.end())
            continue
        return (m.start(), m.end()), inside
    return None, inside


TOUCHING = 4
"""A veto phrase that starts at most this many characters after one of the rule's own phrases
ends, with no punctuation between (" d’", " in ", " for "), is what that phrase is about: "je
suis à la recherche d’opportunités", "I'm looking for opportunities"; "as agreed, I'm copying
you both" keeps its own phrase."""

_BREAKS = frozenset(",;:.!?()[]\n–—")


def _vetoed_by_phrase(rule: Rule, draft: Draft) -> tuple[set[int], frozenset[int]]:
    """Sentences holding a `veto` phrase and no phrase of the rule's own apart from it: the
    model's reading of them is no evidence ("I'd like to introduce you to Jack (cc'd)" makes the
    introduction, it does not ask first; "as agreed, I'm copying you both" still reports
    consent). One of the rule's phrases that overlaps a veto phrase, or runs straight into one,
    names a vague object and is no evidence either, not even of a direction in vague words: the
    sentences where each of the rule's phrases does so come back as `hollow` ("interested in any
    opening at your company")."""
    by_sentence = draft.phrases_by_sentence(rule.veto_matchers.get(draft.lang))
    if not by_sentence:
        return set(), frozenset()
    own = rule.matchers.get(draft.lang)
    out: set[int] = set()
    hollow: set[int] = set()
    for i, vetoes in by_sentence.items():
        s, e = draft.sentences[i]
        mine = (
            []
            if own is None
            else [
                (s + m.start(), s + m.end())
                for m in own.finditer(draft.judged[s:e])
                if m.end() > m.start()
            ]
        )
        if all(_about(span, vetoes, draft.judged) for span in mine):
            out.add(i)
            if mine:
                hollow.add(i)
    return out, frozenset(hollow)


def _about(span: tuple[int, int], vetoes: list[tuple[int, int]], text: str) -> bool:
    """Whether a phrase of the rule's own overlaps a veto phrase or runs straight into one."""
    start, end = span
    for vs, ve in vetoes:
        if vs < end and ve > start:
            return True
        if end <= vs <= end + TOUCHING and not _BREAKS.intersection(text[end:vs]):
            return True
    return False


def _denied(rule: Rule, draft: Draft) -> set[int]:
    """Body sentences where the model gives every one of the rule's roles less than
    `phrase_floor` percent of its threshold: a phrase there is no evidence of the element."""
    floor = (rule.phrase_floor or 0) / 100
    limits = draft.role_limits(rule.roles, rule.confidence)
    return {
        i
        for i, scores in enumerate(draft.roles)
        if scores is not None and all(scores[j] < floor * t for j, t in limits)
    }


def _nearest_miss(rule: Rule, draft: Draft, vetoed: set[int]) -> float:
    """The chance the model gives that the element is there after all: the best probability,
    below its role's threshold, over the candidate sentences (in a clause when the rule wants one,
    not vetoed) and the rule's roles, kept below 1."""
    if not rule.roles:
        return 0.0
    limits = draft.role_limits(rule.roles, rule.confidence)
    best = 0.0
    for i, scores in enumerate(draft.roles):
        if scores is None or i in vetoed or (rule.clause and not draft.verbs[i]):
            continue
        for j, t in limits:
            if best < scores[j] < t:
                best = scores[j]
    return min(best, NEAR_MAX)


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Pass when the element is there: a part, a sentence with the rule's roles, or a phrase."""
    if rule.part is not None and draft.has_part(rule.part):
        return PASSED
    vetoed = draft.vetoed(rule.veto_roles, rule.roles) if rule.veto_roles else set()
    by_phrase, hollow = _vetoed_by_phrase(rule, draft)
    vetoed |= by_phrase
    # A sentence that more surely does a veto role than the rule's own is no evidence, whether
    # the model or a phrase finds the rule's element in it ("more mentorship" is a vague purpose).
    read = [
        i for i in draft.with_role(rule.roles, rule.confidence) if not rule.clause or draft.verbs[i]
    ]
    if rule.overshadowed_by:
        # "I am a chartered accountant with twelve years in audit and FP&A" reads as a purpose to
        # the model, but says who the writer is: there, only one of the rule's phrases counts.
        shadowed = draft.vetoed(rule.overshadowed_by, rule.roles)
        read = [i for i in read if i not in shadowed]
    if any(i not in vetoed for i in read):
        return PASSED
    # Phrases count outside the vetoed sentences and those the model denies (`phrase_floor`).
    unheard = vetoed | _denied(rule, draft) if rule.phrase_floor else vetoed
    found, vague = _evidence(rule, draft, unheard, hollow=hollow)
    if found is not None:
        return PASSED
    weak, _ = _evidence(rule, draft, unheard, partial=True)
    if weak is not None:
        return Outcome(PARTIAL, (weak,))
    # Point at what stood in for the missing element: "I'm open to new opportunities".
    pointed = set(vetoed)
    if vague is not None and (i := draft.sentence_index(vague[0])) is not None:
        pointed.add(i)  # a phrase the model denied: the sentence that named the element
    spans = tuple(draft.sentences[i] for i in sorted(pointed)[:MAX_SPANS])
    if (vague is not None or read) and rule.veto_cap is not None:
        # A direction in vague words ("I'm trying to get into fintech") is worth more than none,
        # whether a phrase or the model found it in the vetoed sentence.
        return Outcome(PARTIAL, spans, cap=rule.veto_cap)
    near = _nearest_miss(rule, draft, vetoed)
    return Outcome(FAIL, spans, near=near) if spans or near else FAILED
