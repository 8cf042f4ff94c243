"""A cheap necessary condition for a regex: literal prefixes one of which every match starts with.

Scanning a draft with a large alternation costs far more than asking whether a few short strings
occur in it (a C-level substring search). Most rules find nothing in most drafts, so checking
"could this pattern match at all?" first makes grading several times faster. Any doubt (a pattern
that starts with a character class, a repetition...) means "cannot tell" and the regex runs.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser behind `re`; private, but the same from Python 3.11 to 3.14
    # (typeshed has no stub for these private modules: the ignores are for that alone)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _c = _p = None

MAX_PREFIXES = 200
"""Beyond this many alternatives, checking them one by one stops being cheaper than the regex."""


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which begins every match of `pattern`; None when that cannot be told."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern)
        found = _prefixes(list(parsed))
    except Exception:  # an unexpected parse tree: play safe, run the regex
        return None
    if not found or len(found) > MAX_PREFIXES or any(not p for p in found):
        return None
    return tuple(sorted(set(found)))


def _prefixes(items: list[Any]) -> list[str] | None:
    i = 0
    while i < len(items) and items[i][0] in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        i += 1
    literal = []
    while i < len(items) and items[i][0] is _c.LITERAL:
        literal.append(chr(items[i][1]))
        i += 1
    if literal:
        head = "".join(literal)
        if len(head) < 3 and i < len(items):
            # "i" or "je" alone occur in every draft: extend with what may follow, if known.
            tails = _prefixes(items[i:])
            if tails is not None and len(tails) <= MAX_PREFIXES:
                return [head + t for t in tails]
        return [head]
    if i >= len(items):
        return None
    op, av = items[i]
    if op is _c.BRANCH:
        out: list[str] = []
        for alternative in av[1]:
            sub = _prefixes(list(alternative) + items[i + 1 :])
            if sub is None:
                return None
            out += sub
        return out
    if op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]) + items[i + 1 :])
    return None


Gate = tuple[str, ...] | re.Pattern[str] | None
"""Few prefixes are tested one by one (`in`); many are merged into one literal alternation."""

MERGE_ABOVE = 6


def gate(prefixes: tuple[str, ...] | None) -> Gate:
    """The fastest form of the test for these prefixes."""
    if prefixes is None or len(prefixes) <= MERGE_ABOVE:
        return prefixes
    return re.compile("|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True)))


def may_match(prefixes: Gate, text: str) -> bool:
    """False only when no match is possible."""
    if prefixes is None:
        return True
    if isinstance(prefixes, tuple):
        return any(p in text for p in prefixes)
    return prefixes.search(text) is not None
