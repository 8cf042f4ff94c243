"""Refuse, when a rubric is read, the regular expressions that can backtrack catastrophically.

Python's ``re`` backtracks and has no time limit: ``(a+)+$`` takes minutes on forty ``a``. A
trainer's pattern is read here from the parse tree that ``re`` itself compiles (``re._parser``,
standard library), and refused when its structure lets one text be matched in very many ways. The
test is a small, conservative approximation of the ambiguity analyses in the literature (a loop
that can go round again or stop on the same character is ambiguous):

- **ambiguous choices inside a repetition**: inside a repeated group, an optional or repeated part
  (``?``, ``+``, ``*``, ``{0,60}``) whose characters can also start what comes after it on the
  loop's way round, or alternatives that can start the same way, so one text can be shared out
  in many ways: ``(a+)+``, ``(\\w+\\s?)*``, ``(.*a){20}``, ``(a|aa)+``, ``(a|a)*``. The ways are
  counted (choices per round, to the power of the rounds, over the whole pattern) and refused past
  MAX_WAYS; an unbounded part inside a loop always is. ``(\\w+ ){0,3}`` or ``(good |great )*`` are
  accepted: ``\\w+`` must stop at the space, and ``good`` and ``great`` differ by their second
  letter, so the text splits one way only;
- **a repetition of something that can match nothing** (more than 10 rounds): ``(a?)*``, ``(a*)*``;
- **a back-reference inside a repetition**: ``((a)\\1)*``;
- **two unbounded repetitions in a row** that can each stop or go on at the same character, at the
  top level: ``.*a.*x``, ``\\w+\\w+x`` (the time per start grows like the square of the text's
  length: 5,000 characters take a minute). One is accepted (``.*urgent``, ``\\w+ing``).

What is not refused is still bounded by the length of the draft, to a power of one or by a
constant factor (bounded gaps in a row, such as ``[^.]{0,300}[^.]{0,300}x``, can still be slow on
a long run of text); the command line's ``batch`` and the page give grading a time limit for
whatever slips through. Patterns are ``str`` patterns as the rubric folds them; probe characters
stand in for the character classes (Latin-1, a few letters, digits and spaces beyond it, and every
literal and range end of the pattern), so an overlap between two classes is found when one of
those characters is in both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property

from .texts import Text
from .texts import text as _t

# The standard library's own regex parser (re/_parser.py since Python 3.11; sre_parse before).
_parser = re._parser  # type: ignore[attr-defined]
_c = re._constants  # type: ignore[attr-defined]

MAX_WAYS = 1024
"""A loop may give one text at most this many ways to match (choices per round, to the power of
the rounds): an optional part or two overlapping alternatives under 10 rounds, a {0,30} gap under
2. A repetition without bound inside a loop has no bound either: it is refused."""
MAX_ROUNDS = 10
"""A repetition of more rounds than this (or unbounded) may not repeat what can match nothing."""

MAX_LIST_ITEMS = 1000
"""At most this many phrases, patterns or examples in one list of a rubric (the shipped rubric's
longest has 18)."""
MAX_ITEM_CHARS = 5000
"""At most this many characters in one phrase, pattern or example (the shipped rubric's longest
pattern has about 930, its longest example about 1,100)."""

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_SIMPLE = (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.AT)
_EMPTY: frozenset[str] = frozenset()
# Characters beyond Latin-1 that \w \d \s and ranges may hold: Greek, Cyrillic, CJK and Arabic
# letters, Arabic-Indic digits, a combining accent, typographic quotes and spaces, an emoji.
_EXTRA_PROBES = (
    "\u0391\u03b1\u0430\u4e00\u0627\u0660\u0663\u0301\u2019\u201c\u00ab\u2003\u2028\U0001f600"
)


_BASE_PROBES: tuple[str, ...] = tuple(
    chr(c) for c in sorted(set(range(256)) | {ord(ch) for ch in _EXTRA_PROBES})
)
_BASE_SET = frozenset(_BASE_PROBES)
_CLASS_CACHE: dict[tuple[str, int], frozenset[str]] = {}


class _Follow:
    """What may come after a node, worked out when first asked (most nodes never ask)."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self._make = make
        self._value: frozenset[str] | None = None

    @classmethod
    def of(cls, value: frozenset[str]) -> _Follow:
        known = cls(lambda: value)
        known._value = value
        return known

    def __call__(self) -> frozenset[str]:
        if self._value is None:
            self._value = self._make()
        return self._value


class _Risk(Exception):
    def __init__(self, reason: Text) -> None:
        super().__init__(str(reason))
        self.reason = reason


def backtracking_risk(pattern: str) -> Text | None:
    """Why ``pattern`` could make matching take exponential time, or None when no risk is found.

    ``pattern`` must be a valid ``str`` pattern (``re.error`` otherwise).
    """
    try:
        tree = _parser.parse(pattern)
        degree = _Analysis(tree).walk(tree, tree.state.flags, _Follow.of(_EMPTY), ())
    except _Risk as risk:
        return risk.reason
    except RecursionError:
        return _t("groups are nested too deeply")
    if degree >= 2:
        return _t(
            "two unbounded repetitions in a row (such as .* or \\w+) can share out the same text"
        )
    return None


def list_problem(items: list[str]) -> Text | None:
    """Why a list of phrases, patterns or examples is too large to read, or None."""
    if len(items) > MAX_LIST_ITEMS:
        return _t(
            "{count} entries is too many (at most {limit})", count=len(items), limit=MAX_LIST_ITEMS
        )
    longest = max(map(len, items), default=0)
    if longest > MAX_ITEM_CHARS:
        return _t(
            "an entry of {count} characters is too long (at most {limit})",
            count=longest,
            limit=MAX_ITEM_CHARS,
        )
    return None


def pattern_problem(pattern: str, folded: str) -> Text | None:
    """The loader's complaint about a rubric's pattern (as written, and as folded to be matched)."""
    risk = backtracking_risk(folded)
    if risk is None:
        return None
    return _t("pattern {pattern!r} could make grading hang: {reason}", pattern=pattern, reason=risk)


LIST_FIX = _t("keep the most telling entries")
SAFE_FIX = _t(
    "use a literal phrase (key 'phrases'), or a bounded repetition such as [^.!?\\n]{{0,60}}? "
    "between words, with no repetition inside a repeated group"
)


def _alternatives() -> Text:
    return _t("a repeated group has alternatives that can match the same text")


def _nested() -> Text:
    return _t(
        "a repeated group holds an optional or repeated part that lets one text be matched in "
        "very many ways"
    )


class _Analysis:
    """First characters and emptiness of the nodes of one parse tree, over a set of probes."""

    def __init__(self, tree: object) -> None:
        self.tree = tree
        self._firsts: dict[tuple[int, int], tuple[frozenset[str], bool]] = {}
        self.ways = 1  # the product of the ambiguous choices found so far, round by round

    # -- the probe characters ------------------------------------------------------------------

    @cached_property
    def probes(self) -> tuple[str, ...]:
        return _BASE_PROBES + self.extra_probes

    @cached_property
    def extra_probes(self) -> tuple[str, ...]:
        """The pattern's own characters (literals, ends of ranges) beyond the common probes."""
        codes: set[int] = set()
        for op, av in _all_nodes(self.tree):
            if op in (_c.LITERAL, _c.NOT_LITERAL):
                codes.add(av)  # type: ignore[arg-type]
            elif op == _c.RANGE:
                codes.update(av)  # type: ignore[arg-type]
        extra = {chr(c) for c in codes} - _BASE_SET
        # under IGNORECASE a literal also stands for its other cases
        extra |= {v for ch in extra for v in (ch.lower(), ch.upper()) if len(v) == 1}
        return tuple(sorted(extra - _BASE_SET))

    def _chars(self, match, flags: int) -> frozenset[str]:  # type: ignore[no-untyped-def]
        if flags & _c.SRE_FLAG_IGNORECASE:
            return frozenset(
                p for p in self.probes if match(p) or match(p.lower()) or match(p.upper())
            )
        return frozenset(p for p in self.probes if match(p))

    def _class(self, items: list, flags: int) -> frozenset[str]:  # type: ignore[type-arg]
        """The probes in a character class: the common ones once per process, then the pattern's."""
        key = (repr(items), flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_ASCII))
        base = _CLASS_CACHE.get(key)
        if base is None:
            base = frozenset(p for p in _BASE_PROBES if _in_class(p, items, flags))
            if len(_CLASS_CACHE) < 4096:
                _CLASS_CACHE[key] = base
        return base | {p for p in self.extra_probes if _in_class(p, items, flags)}

    # -- what a node can start with, and whether it can match nothing ---------------------------

    def first(
        self, seq: Iterable[tuple[object, object]], flags: int
    ) -> tuple[frozenset[str], bool]:
        key = (id(seq), flags)
        known = self._firsts.get(key)
        if known is not None:
            return known
        chars: set[str] = set()
        nullable = True
        for op, av in seq:
            f, n = self.node_first(op, av, flags)
            chars |= f
            if not n:
                nullable = False
                break
        result = (frozenset(chars), nullable)
        self._firsts[key] = result
        return result

    def node_first(self, op: object, av: object, flags: int) -> tuple[frozenset[str], bool]:
        if op == _c.LITERAL:
            ch = chr(av)  # type: ignore[arg-type]
            if flags & _c.SRE_FLAG_IGNORECASE:
                return self._chars(lambda p: p == ch, flags), False
            return frozenset((ch,)), False
        if op == _c.NOT_LITERAL:
            ch = chr(av)  # type: ignore[arg-type]
            return self._chars(lambda p: p != ch, flags), False
        if op == _c.ANY:
            dotall = flags & _c.SRE_FLAG_DOTALL
            return self._chars(lambda p: dotall or p != "\n", 0), False
        if op == _c.IN:
            return self._class(av, flags), False  # type: ignore[arg-type]
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return _EMPTY, True
        if op == _c.BRANCH:
            chars: set[str] = set()
            nullable = False
            for branch in av[1]:  # type: ignore[index]
                f, n = self.first(branch, flags)
                chars |= f
                nullable = nullable or n
            return frozenset(chars), nullable
        if op == _c.SUBPATTERN:
            _group, add, remove, body = av  # type: ignore[misc]
            return self.first(body, (flags | add) & ~remove)
        if op == _c.ATOMIC_GROUP:
            return self.first(av, flags)  # type: ignore[arg-type]
        if op in _REPEATS:
            lo, hi, body = av  # type: ignore[misc]
            if hi == 0:
                return _EMPTY, True
            f, n = self.first(body, flags)
            return f, n or lo == 0
        if op == _c.GROUPREF_EXISTS:
            _group, yes, no = av  # type: ignore[misc]
            fy, ny = self.first(yes, flags)
            fn, nn = self.first(no, flags) if no is not None else (_EMPTY, True)
            return fy | fn, ny or nn
        # A back-reference (or anything this module does not know): any character, maybe none.
        return frozenset(self.probes), True

    # -- the walk -----------------------------------------------------------------------------

    def walk(self, seq: list, flags: int, follow: _Follow, loops: tuple[int, ...]) -> int:  # type: ignore[type-arg]
        """Check each node of ``seq``; ``follow()`` is what may come after it.

        Inside a loop (``loops``: the bounds of the repetitions around ``seq``), what follows
        includes the loop's way round. At the top level, the result is the number of unbounded
        repetitions in a row that can stop or go on at the same character: each multiplies the
        time one start may take by the length of the text.
        """
        nodes = list(seq)
        degree = 0
        for i, (op, av) in enumerate(nodes):
            if op in _SIMPLE:
                continue  # one character or an anchor: no choice to make
            after = _Follow(lambda i=i: self._first_after(nodes, i + 1, flags, follow))
            degree += self.visit(op, av, flags, after, loops)
        return degree

    def _first_after(self, nodes: list, start: int, flags: int, follow: _Follow) -> frozenset[str]:  # type: ignore[type-arg]
        chars: frozenset[str] = _EMPTY
        for op, av in nodes[start:]:
            f, n = self.node_first(op, av, flags)
            chars |= f
            if not n:
                return chars
        return chars | follow()

    def visit(
        self, op: object, av: object, flags: int, follow: _Follow, loops: tuple[int, ...]
    ) -> int:
        if op in _REPEATS:
            lo, hi, body = av  # type: ignore[misc]
            unbounded = hi == _c.MAXREPEAT
            looping = hi >= 2
            if not looping and not loops:
                return self.walk(body, flags, follow, loops)
            body_first, body_empty = self.first(body, flags)
            ambiguous = body_empty or body_first & follow()
            # A choice (go round again, or stop) inside a loop, that the next character cannot
            # settle: each round of the loop around it can double the ways to match.
            if loops and hi > lo and ambiguous:
                self._spend(None if unbounded else hi - lo + 1, loops, _nested)
            if not looping:
                return self.walk(body, flags, follow, loops)
            own = 1 if unbounded and ambiguous and not loops else 0
            if not loops and all(o in _SIMPLE for o, _ in body):
                return own  # a top-level run of characters, as in \s+ or [^.!?\n]{0,60}?
            if (unbounded or hi > MAX_ROUNDS) and body_empty and body_first:
                raise _Risk(
                    _t(
                        "a repetition of more than {limit} rounds can match nothing",
                        limit=MAX_ROUNDS,
                    )
                )
            cycle = _Follow(lambda: body_first | follow()) if loops else _Follow.of(body_first)
            self.walk(body, flags, cycle, (*loops, hi))
            return own
        if op == _c.BRANCH:
            branches = av[1]  # type: ignore[index]
            if loops:
                self._check_alternatives(branches, flags, follow(), loops)
            return max(self.walk(branch, flags, follow, loops) for branch in branches)
        if op == _c.SUBPATTERN:
            _group, add, remove, body = av  # type: ignore[misc]
            return self.walk(body, (flags | add) & ~remove, follow, loops)
        if op == _c.ATOMIC_GROUP:
            return self.walk(av, flags, follow, loops)  # type: ignore[arg-type]
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            return self.walk(av[1], flags, _Follow.of(_EMPTY), loops)  # type: ignore[index]
        if op == _c.GROUPREF and loops:
            raise _Risk(_t("a back-reference inside a repetition"))
        if op == _c.GROUPREF_EXISTS:
            _group, yes, no = av  # type: ignore[misc]
            no_degree = self.walk(no, flags, follow, loops) if no is not None else 0
            return max(self.walk(yes, flags, follow, loops), no_degree)
        return 0

    def _check_alternatives(
        self,
        branches: list,
        flags: int,
        follow: frozenset[str],
        loops: tuple[int, ...],  # type: ignore[type-arg]
    ) -> None:
        """Count the alternatives (inside a loop) that can start the same way as another.

        Two alternatives whose literal beginnings differ (``good`` and ``great``) cannot; otherwise
        they can when their first characters (what follows, for one that can match nothing) meet.
        """
        starts = []
        for branch in branches:
            f, n = self.first(branch, flags)
            starts.append((f | follow if n else f, n, _literal_prefix(branch, flags)))
        choices = 1
        for f1, n1, p1 in starts:
            meets = 0
            for f2, n2, p2 in starts:
                if p1 and p2 and any(a != b for a, b in zip(p1, p2, strict=False)):
                    continue
                if f1 & f2 or (n1 and n2):
                    meets += 1
            choices = max(choices, meets)
        if choices > 1:
            self._spend(choices, loops, _alternatives)

    def _spend(
        self, choices: int | None, loops: tuple[int, ...], reason: Callable[[], Text]
    ) -> None:
        """Count an ambiguous choice of ``choices`` ways (None: unbounded) in each round of
        ``loops``; refuse the pattern once all its choices give more than MAX_WAYS ways."""
        if choices is None or _c.MAXREPEAT in loops:
            raise _Risk(reason())
        rounds = 1
        for hi in loops:
            rounds = min(rounds * hi, 64)  # 2**64 is past any limit
        self.ways *= choices**rounds
        if self.ways > MAX_WAYS:
            raise _Risk(reason())


def _literal_prefix(branch: list, flags: int) -> str:  # type: ignore[type-arg]
    """The literal characters a branch starts with (case-folded under IGNORECASE)."""
    chars = []
    for op, av in branch:
        if op != _c.LITERAL:
            break
        chars.append(chr(av))
    prefix = "".join(chars)
    return prefix.casefold() if flags & _c.SRE_FLAG_IGNORECASE else prefix


def _in_class(ch: str, items: list[tuple[object, object]], flags: int) -> bool:
    if flags & _c.SRE_FLAG_IGNORECASE:
        return any(_in_set(c, items, flags) for c in {ch, ch.lower(), ch.upper()} if len(c) == 1)
    return _in_set(ch, items, flags)


def _in_set(ch: str, items: list[tuple[object, object]], flags: int) -> bool:
    """Whether ``ch`` is in a character class ``[...]`` of the parse tree."""
    negate = False
    found = False
    ascii_only = bool(flags & _c.SRE_FLAG_ASCII)
    for op, av in items:
        if op == _c.NEGATE:
            negate = True
        elif op == _c.LITERAL:
            found = found or ch == chr(av)  # type: ignore[arg-type]
        elif op == _c.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]  # type: ignore[index,operator]
        elif op == _c.CATEGORY:
            found = found or _in_category(ch, av, ascii_only)
        else:  # not produced by the parser for str patterns; assume the worst
            found = True
    return found != negate


def _in_category(ch: str, category: object, ascii_only: bool) -> bool:
    if ascii_only and not ch.isascii() and category in _POSITIVE:
        return False
    word = ch.isalnum() or ch == "_"
    table = {
        _c.CATEGORY_DIGIT: ch.isdecimal(),
        _c.CATEGORY_NOT_DIGIT: not ch.isdecimal(),
        _c.CATEGORY_SPACE: ch.isspace(),
        _c.CATEGORY_NOT_SPACE: not ch.isspace(),
        _c.CATEGORY_WORD: word,
        _c.CATEGORY_NOT_WORD: not word,
    }
    return table.get(category, True)


_POSITIVE = (_c.CATEGORY_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_WORD)


def _all_nodes(seq: Iterable[tuple[object, object]]) -> Iterable[tuple[object, object]]:
    """Every node of a parse tree, set members included."""
    for op, av in seq:
        yield op, av
        if op == _c.IN:
            yield from av  # type: ignore[misc]
        elif op == _c.BRANCH:
            for branch in av[1]:  # type: ignore[index]
                yield from _all_nodes(branch)
        elif op == _c.SUBPATTERN:
            yield from _all_nodes(av[3])  # type: ignore[index]
        elif op in _REPEATS:
            yield from _all_nodes(av[2])  # type: ignore[index]
        elif op == _c.ATOMIC_GROUP:
            yield from _all_nodes(av)  # type: ignore[arg-type]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            yield from _all_nodes(av[1])  # type: ignore[index]
        elif op == _c.GROUPREF_EXISTS:
            yield from _all_nodes(av[1])  # type: ignore[index]
            if av[2] is not None:  # type: ignore[index]
                yield from _all_nodes(av[2])  # type: ignore[index]
