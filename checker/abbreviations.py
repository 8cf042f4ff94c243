"""Abbreviations whose full stop does not end a sentence, per language, as data.

Words are folded (lower case, no accents) and written without their final full stop; inner full
stops stay ("e.g"). The sentence cutter (`folding.sentences`) and the greeting's end
(`parts.segment`) read these sets; nothing else in the checker spells an abbreviation out.

- `TITLES`: a title before a name ("Mr. Marks", "M. Dupont", "Dr. X"). Its full stop never ends a
  sentence when more text follows on the same line.
- `LINKS`: abbreviations that always lead on to more words ("e.g. a call", "cf. la page", "p. ex.",
  "P.S. Here is…", "P.-S.").
  Same rule as titles.
- `ENDINGS`: abbreviations that may close a sentence ("…, etc.", "XYZ Co.", "5 p.m."). Their full
  stop ends the sentence only when the next word starts with a capital letter (or is not a word);
  "etc. so you should chat" stays one sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

TITLES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset(
            {"mr", "mrs", "ms", "mx", "dr", "prof", "messrs", "st", "rev", "hon", "engr"}
        ),
        "fr": frozenset({"m", "mme", "mmes", "mlle", "mlles", "mm", "dr", "pr", "st", "ste"}),
    }
)
LINKS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset({"e.g", "i.e", "cf", "viz", "approx", "incl", "vs", "p.s", "n.b"}),
        "fr": frozenset({"cf", "p", "ex", "env", "ibid", "vs", "p.-s", "p.s", "n.b"}),
    }
)
ENDINGS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset(
            {"etc", "inc", "co", "ltd", "llc", "corp", "jr", "sr", "a.m", "p.m", "dept", "univ"}
        ),
        "fr": frozenset({"etc", "cie", "av", "bd"}),
    }
)


def _union(table: Mapping[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*table.values())


def never_ending(lang: str | None = None) -> frozenset[str]:
    """Titles and linking abbreviations of `lang` (both languages when None)."""
    if lang is None:
        return _ALL_NEVER
    return _NEVER.get(lang, frozenset())


def maybe_ending(lang: str | None = None) -> frozenset[str]:
    """Abbreviations that end a sentence only before a capital letter."""
    if lang is None:
        return _ALL_MAYBE
    return ENDINGS.get(lang, frozenset())


_ALL_NEVER = _union(TITLES) | _union(LINKS)
# Built once: the cutter asks for a language's set at every part of every draft graded.
_NEVER = {
    lang: TITLES.get(lang, frozenset()) | LINKS.get(lang, frozenset()) for lang in (*TITLES, *LINKS)
}
_ALL_MAYBE = _union(ENDINGS)
ALL_TITLES = _union(TITLES)
"""Titles in either language: a greeting's full stop after one of these does not end it."""
