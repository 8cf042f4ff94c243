"""One draft prepared once for every rule: its parts, the judged text, sentences and their roles.

Rules read `judged`, the folded text with the subject line, the signature block and any quoted
message blanked out (same length, so offsets hold): recipients skip those parts when they judge
what a message says and how long it is. Placeholder rules read the whole text (`folded.folded`): a
`[Prénom]` left in a subject line still shows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .clauses import verb_starts
from .folding import WORD_RE, Folded, sentences
from .lazyre import LazyRegex
from .parts import JUDGED, Part, judged_text, part_at, segment
from .prefilter import may_match
from .roles import RoleModel
from .rubric.patterns import LazyPattern

MAX_SCAN = 20_000
"""Phrase rules read the first 20,000 characters (about 3,000 words, some 25 times the longest
message the sources recommend); counts and lengths always cover the whole text. This bounds the
time a 1 MB paste takes without changing any realistic grade."""

MAX_ROLE_SENTENCES = 200
"""Sentences the role model reads: far beyond any real message, and it bounds a huge paste."""

_SENTENCE_BODY = LazyRegex(r"[^\W_][^.!?;\n]*")


@dataclass(frozen=True, slots=True)
class Draft:
    """What the rule kinds look at. Offsets are in the folded text; `folded.span` maps them back."""

    text: str
    folded: Folded
    judged: str
    kind: str
    lang: str
    sentences: tuple[tuple[int, int], ...]
    verbs: tuple[bool, ...]
    starts: tuple[int, ...]
    words: int
    sentence_count: int
    parts: tuple[Part, ...]
    sentence_parts: tuple[str, ...]
    roles: tuple[tuple[float, ...] | None, ...]
    model: RoleModel

    def sentence_index(self, pos: int) -> int | None:
        """Index of the sentence holding folded position `pos`, if any."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return None

    def phrases_by_sentence(self, pattern: LazyPattern | None) -> dict[int, list[tuple[int, int]]]:
        """Where `pattern` matches in the judged text, grouped by the sentence holding each match's
        start (matches outside any sentence are dropped): the `veto` phrases of a rule."""
        found: dict[int, list[tuple[int, int]]] = {}
        if pattern is None or not may_match(pattern.gate, self.judged):
            return found
        for m in pattern.finditer(self.judged):
            i = self.sentence_index(m.start())
            if i is not None:
                found.setdefault(i, []).append((m.start(), m.end()))
        return found

    def in_clause(self, start: int) -> bool:
        i = self.sentence_index(start)
        return i is not None and self.verbs[i]

    def role_score(self, i: int, role: str) -> float:
        """The model's probability that sentence `i` does `role` (0 outside the body)."""
        scores = self.roles[i]
        return 0.0 if scores is None else scores[self.model.roles.index(role)]

    def threshold(self, role: str, confidence: int | None = None) -> float:
        if confidence is not None:
            return confidence / 100
        return self.model.thresholds[self.model.roles.index(role)]

    def role_limits(
        self, roles: tuple[str, ...], confidence: int | None = None
    ) -> list[tuple[int, float]]:
        """(the model's output index, threshold) of each of `roles`."""
        return [(self.model.roles.index(r), self.threshold(r, confidence)) for r in roles]

    def with_role(self, roles: tuple[str, ...], confidence: int | None = None) -> list[int]:
        """Indices of the body sentences that do any of `roles`."""
        if not roles:
            return []
        limits = self.role_limits(roles, confidence)
        return [
            i
            for i, scores in enumerate(self.roles)
            if scores is not None and any(scores[j] >= t for j, t in limits)
        ]

    def vetoed(self, veto: tuple[str, ...], roles: tuple[str, ...]) -> set[int]:
        """Sentences that more surely do a `veto` role than any of `roles` (a vague purpose)."""
        out = set()
        for i in self.with_role(veto):
            worst = max(self.role_score(i, r) for r in veto)
            best = max((self.role_score(i, r) for r in roles), default=0.0)
            if worst >= 0.5 and worst > best:
                out.add(i)
        return out

    def has_part(self, name: str) -> bool:
        return any(p.name == name for p in self.parts)


def prepare(
    text: str, folded: Folded, kind: str, lang: str, model: RoleModel, rest: str = ""
) -> Draft:
    """`folded` covers at most MAX_SCAN characters; `rest` is the folded remainder, for counts."""
    # The unfolded text helps recognise a name line and a capital; offsets only match when folding
    # kept them.
    original = text[: len(folded.folded)] if folded.index is None else None
    parts = segment(folded.folded, original)
    judged = judged_text(folded.folded, parts)
    # Sentences never straddle two parts: "Bonjour Marc, pourriez-vous…" is a greeting, then a body.
    spans = tuple(
        (p.start + s, p.start + e)
        for p in parts
        if p.name in JUDGED
        for s, e in sentences(
            judged[p.start : p.end],
            original[p.start : p.end] if original is not None else None,
            lang,
        )
    )
    starts = tuple(s for s, _ in spans)
    flags = [False] * len(spans)
    for pos in verb_starts(judged, lang):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            flags[i] = True
    where = tuple(part_at(parts, s) for s, _ in spans)
    roles = tuple(
        model.scores(judged[s:e], kind) if name == "body" and i < MAX_ROLE_SENTENCES else None
        for i, ((s, e), name) in enumerate(zip(spans, where, strict=True))
    )
    words = len(WORD_RE.findall(judged))
    count = len(spans)
    if rest:
        words += len(WORD_RE.findall(rest))
        count += len(_SENTENCE_BODY.findall(rest))
    return Draft(
        text,
        folded,
        judged,
        kind,
        lang,
        spans,
        tuple(flags),
        starts,
        words,
        count,
        parts,
        where,
        roles,
        model,
    )
