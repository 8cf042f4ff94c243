"""Folding: a folded copy of the draft for matching, with offsets into the original.

Rules match a *folded* string (lower case, accents stripped, typographic apostrophes, quotes and
spaces unified) so that "J’ai", "j'ai" and "J'AI" are one pattern. Spans must still point into the
string the user typed, so folding keeps a map from folded positions back to original ones. For text
already in NFC (nearly all real input) the fold is one character for one character and the map is
the identity, which keeps a 1 MB paste fast.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL = {
    "\u2019": "'",  # ’
    "\u2018": "'",  # ‘
    "\u02bc": "'",  # ʼ
    "\u2032": "'",  # ′
    "`": "'",
    "\u00b4": "'",  # ´
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French typography)
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2010": "-",
    "\u2011": "-",
    "\u00ad": " ",  # soft hyphen
    "\u2026": ".",  # … counts as a full stop
    "\u0153": "o",  # œ (vœu, cœur) keeps one character: "o" is the closest single letter
    "\u0152": "o",
    "\u00e6": "a",
    "\u00c6": "a",
    "\u00df": "s",
}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """Fold one character to exactly one character (so that offsets survive)."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low.isascii():
        return low
    base = unicodedata.normalize("NFD", low)
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        return base[0]
    return low


@dataclass(frozen=True, slots=True)
class Folded:
    """The original text, its folded copy, and the map from folded index to original index."""

    original: str
    folded: str
    index: tuple[int, ...] | None  # None means the identity map

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Translate a folded [start, end) into the original string."""
        if self.index is None:
            return start, end
        if start >= end:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


class _FoldTable(dict[int, str]):
    """A str.translate table that learns each new character once (translate runs in C)."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < 65_536:
            self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold_fast(text: str) -> str:
    """The folded text without an offset map, at C speed (for counting, not for spans)."""
    return unicodedata.normalize("NFC", text).translate(_TABLE)


def fold(text: str) -> Folded:
    """Fold a draft for matching; never raises on any str."""
    if text.isascii():
        return Folded(text, text.translate(_TABLE), None)
    if unicodedata.is_normalized("NFC", text) and not any(
        unicodedata.combining(c) for c in set(text)
    ):
        return Folded(text, text.translate(_TABLE), None)
    # Decomposed accents or stray combining marks: drop the marks, remember where letters came from.
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if unicodedata.combining(c):
            continue
        chars.append(fold_char(c))
        index.append(i)
    return Folded(text, "".join(chars), tuple(index))


WORD_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
"""A word: letters or digits, with inner apostrophes (j'ai, aujourd'hui) and hyphens."""

LETTERS_RE = re.compile(r"[^\W\d_]+")
"""Letter runs only: splits elisions (j'ai -> j, ai), used for function-word counts."""

_SENTENCE = re.compile(r"[^\s.!?;](?:[^.!?;\n]+|[.!?;]+(?![\s\"')\]]|$))*[.!?;]*")
"""A sentence: from a visible character to a line break, or to . ! ? ; followed by a space (so
"3.5" and "M.Dupont" stay whole). Linear: each character belongs to exactly one branch."""
_HAS_ALNUM = re.compile(r"[^\W_]")


def sentences(folded: str) -> list[tuple[int, int]]:
    """Sentence spans over the folded text, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    has_alnum = _HAS_ALNUM.search
    for m in _SENTENCE.finditer(folded):
        start, end = m.span()
        while end > start and folded[end - 1].isspace():
            end -= 1
        if has_alnum(folded, start, end):
            spans.append((start, end))
    return spans
