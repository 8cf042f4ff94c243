"""Folding: a folded copy of the draft for matching, with offsets into the original.

Rules match a *folded* string (lower case, accents stripped, typographic apostrophes, quotes and
spaces unified) so that "J’ai", "j'ai" and "J'AI" are one pattern. Spans must still point into the
string the user typed, so folding keeps a map from folded positions back to original ones. For text
already in NFC (nearly all real input) the fold is one character for one character and the map is
the identity, which keeps a 1 MB paste fast.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .abbreviations import maybe_ending, never_ending
from .lazyre import LazyRegex

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


WORD_RE = LazyRegex(r"[^\W_]+(?:['-][^\W_]+)*")
"""A word: letters or digits, with inner apostrophes (j'ai, aujourd'hui) and hyphens."""

LETTERS_RE = LazyRegex(r"[^\W\d_]+")
"""Letter runs only: splits elisions (j'ai -> j, ai), used for function-word counts."""

_SENTENCE = LazyRegex(r"[^\s.!?;](?:[^.!?;\n]+|[.!?;]+(?![\s\"')\]]|$))*[.!?;]*")
"""A sentence: from a visible character to a line break, or to . ! ? ; followed by a space (so
"3.5" and "M.Dupont" stay whole). Linear: each character belongs to exactly one branch."""
_HAS_ALNUM = LazyRegex(r"[^\W_]")
_ABBREVIATION = LazyRegex(r"(?<![^\W_])(?<!\.)([^\W\d_]+(?:\.-?[^\W\d_]+)*)\.\Z")
"""The word before a sentence's final full stop, inner full stops kept ("e.g", "p.-s", "dr")."""
_CLOSERS = "\"')]"
_END_MARKS = ".!?;:\"')]"


def _ends_sentence(
    folded: str,
    original: str | None,
    end: int,
    nxt: int,
    start: int,
    never: frozenset[str],
    maybe: frozenset[str],
) -> bool:
    """Whether the sentence at [start, end) ends there, the next one starting at `nxt`."""
    if "\n" in folded[end:nxt]:
        # A line wrapped inside a sentence: no end mark, and the next line goes on in lower case.
        return (
            folded[end - 1] in _END_MARKS
            or original is None
            or not original[nxt].islower()
            or "\n\n" in folded[end:nxt].replace(" ", "")
        )
    if folded[end - 1] != ".":
        return True
    m = _ABBREVIATION.search(folded, max(start, end - 24), end)
    if m is None:
        return True
    word = m.group(1)
    if word in never:
        return False
    return not (word in maybe and original is not None and original[nxt].islower())


def sentences(
    folded: str, original: str | None = None, lang: str | None = None
) -> list[tuple[int, int]]:
    """Sentence spans over the folded text, without surrounding white space.

    A full stop after a title or an abbreviation does not end a sentence ("Mr. Marks", "e.g. a
    call", "etc. so you should chat": checker/abbreviations.py, for `lang` or both languages); a
    closing bracket or quote right after the end belongs to that sentence, and a sentence ended
    inside brackets goes on when a lower-case word follows them. `original` is the unfolded text at
    the same offsets, for the case of the next word; without it, only titles and linking
    abbreviations join.
    """
    raw: list[tuple[int, int]] = []
    has_alnum = _HAS_ALNUM.search
    for m in _SENTENCE.finditer(folded):
        start, end = m.span()
        while end > start and folded[end - 1].isspace():
            end -= 1
        if has_alnum(folded, start, end):
            raw.append((start, end))
        elif raw and start == raw[-1][1]:
            raw[-1] = (raw[-1][0], end)  # "FeelingShoppe?)." or a closing quote: the same sentence
    if len(raw) < 2:
        return raw
    never = never_ending(lang)
    maybe = maybe_ending(lang)
    spans: list[tuple[int, int]] = []
    cur_s, cur_e = raw[0]
    for nxt_s, nxt_e in raw[1:]:
        if not _ends_sentence(folded, original, cur_e, nxt_s, cur_s, never, maybe):
            cur_e = nxt_e
            continue
        if nxt_s == cur_e and folded[nxt_s] in _CLOSERS:
            # "[… a PDF!] I think": the bracket closes the sentence it ends.
            k = nxt_s
            while k < nxt_e and folded[k] in _CLOSERS:
                k += 1
            closed = folded[nxt_s:k]
            inside = folded[max(cur_s, cur_e - 400) : cur_e]  # bounded: a long run stays linear
            r = k
            while r < nxt_e and folded[r].isspace():
                r += 1
            opened = (")" in closed and inside.count("(") > inside.count(")")) or (
                "]" in closed and inside.count("[") > inside.count("]")
            )
            if opened and original is not None and original[r].islower():
                cur_e = nxt_e  # "(a good fit?) and more": the sentence goes on
                continue
            spans.append((cur_s, k))
            cur_s, cur_e = r, nxt_e  # the rest holds a letter: the raw span did
            continue
        spans.append((cur_s, cur_e))
        cur_s, cur_e = nxt_s, nxt_e
    spans.append((cur_s, cur_e))
    return spans
