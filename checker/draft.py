"""One draft prepared once for every rule: folded text, sentences, clause flags, counts."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .clauses import has_verb
from .text import WORD_RE, Folded, sentences


@dataclass(frozen=True, slots=True)
class Draft:
    """What the rule kinds look at. Offsets are in the folded text; `folded.span` maps them back."""

    text: str
    folded: Folded
    kind: str
    lang: str
    sentences: tuple[tuple[int, int], ...]
    verbs: tuple[bool, ...]
    words: int
    starts: tuple[int, ...]

    @property
    def f(self) -> str:
        return self.folded.folded

    def sentence_index(self, pos: int) -> int | None:
        """Index of the sentence holding folded position `pos`, if any."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return None

    def in_clause(self, start: int) -> bool:
        i = self.sentence_index(start)
        return i is not None and self.verbs[i]


def prepare(text: str, folded: Folded, kind: str, lang: str) -> Draft:
    f = folded.folded
    spans = tuple(sentences(f))
    verbs = tuple(has_verb(f[s:e], lang) for s, e in spans)
    words = sum(1 for _ in WORD_RE.finditer(f))
    return Draft(text, folded, kind, lang, spans, verbs, words, tuple(s for s, _ in spans))
