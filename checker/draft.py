"""One draft prepared once for every rule: folded text, sentences, clause flags, counts."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .clauses import verb_starts
from .text import WORD_RE, Folded, sentences

MAX_SCAN = 20_000
"""Phrase rules read the first 20,000 characters (about 3,000 words, some 25 times the longest
message the sources recommend); counts and lengths always cover the whole text. This bounds the
time a 1 MB paste takes without changing any realistic grade."""

_SENTENCE_BODY = re.compile(r"[^\W_][^.!?;\n]*")


@dataclass(frozen=True, slots=True)
class Draft:
    """What the rule kinds look at. Offsets are in the folded text; `folded.span` maps them back."""

    text: str
    folded: Folded
    f: str
    kind: str
    lang: str
    sentences: tuple[tuple[int, int], ...]
    verbs: tuple[bool, ...]
    starts: tuple[int, ...]
    words: int
    sentence_count: int

    def sentence_index(self, pos: int) -> int | None:
        """Index of the sentence holding folded position `pos`, if any."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return None

    def in_clause(self, start: int) -> bool:
        i = self.sentence_index(start)
        return i is not None and self.verbs[i]


def prepare(text: str, folded: Folded, kind: str, lang: str, rest: str = "") -> Draft:
    """`folded` covers at most MAX_SCAN characters; `rest` is the folded remainder, for counts."""
    f = folded.folded
    spans = tuple(sentences(f))
    starts = tuple(s for s, _ in spans)
    flags = [False] * len(spans)
    for pos in verb_starts(f, lang):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            flags[i] = True
    words = len(WORD_RE.findall(f))
    count = len(spans)
    if rest:
        words += len(WORD_RE.findall(rest))
        count += len(_SENTENCE_BODY.findall(rest))
    return Draft(text, folded, f, kind, lang, spans, tuple(flags), starts, words, count)
