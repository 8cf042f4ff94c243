"""A rubric's patterns: folded like drafts, phrases made literal, checked, compiled on first use.

Drafts are matched in folded form (folding.py), so a rule's patterns are folded the same way when
the rubric is read; a phrase becomes a safe, escaped pattern; each pattern is checked on its own
(valid, and not one that can backtrack catastrophically: regex_safety.py), then one alternation
per language is kept as a `LazyPattern`, compiled the first time a draft in that language needs it.

Compiling the default rubric's few hundred patterns for both languages takes about 0.3 s in
Pyodide, and a reader only ever grades in one or two of them: the page's first result should not
wait for the other language. The literal prefixes (prefilter.py) are found lazily too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..folding import fold_char
from ..prefilter import Gate, gate, literal_prefixes
from ..texts import Text
from ..texts import text as _t
from .regex_safety import SAFE_FIX, pattern_problem


class LazyPattern:
    """The source of an alternation; compiles it, and finds its prefilter, on first use."""

    __slots__ = ("_compiled", "_gate", "_gate_known", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None
        self._gate: Gate = None
        self._gate_known = False

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    @property
    def gate(self) -> Gate:
        """The cheap test run before the regex (None: cannot tell, run the regex)."""
        if not self._gate_known:
            self._gate = gate(literal_prefixes(self.pattern))
            self._gate_known = True
        return self._gate

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def warm(self) -> None:
        """Do now, in idle time, what the first draft would otherwise wait for."""
        self.compiled()
        _ = self.gate

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def fold_pattern(pattern: str) -> str:
    """Fold a regex the way drafts are folded (É -> e, ’ -> '), leaving escapes (\\S, \\B) alone.

    Drafts are matched in folded form, so patterns can be compiled without IGNORECASE, which
    makes every search markedly faster.
    """
    out: list[str] = []
    escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        else:
            out.append(c if c.isascii() and not c.isupper() else fold_char(c))
    return "".join(out)


def phrase_to_pattern(phrase: str) -> str:
    """A literal phrase as a safe regex: escaped, folded, any run of spaces matches any space."""
    folded = "".join(fold_char(c) for c in phrase.strip())
    words = [re.escape(w) for w in folded.split()]
    body = r"\s+".join(words)
    if folded[:1].isalnum():
        body = r"\b" + body
    if folded[-1:].isalnum():
        body += r"\b"
    return body


class PatternProblem(Exception):
    """A pattern refused when the rubric is read; the loader names its rule and key."""

    def __init__(self, problem: Text, fix: Text) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def alternation(patterns: tuple[str, ...], *, check: bool) -> LazyPattern | None:
    """One alternation of the folded patterns, compiled on first use (None for no pattern).

    With ``check``, each pattern is checked on its own first (``PatternProblem`` otherwise): an
    invalid or unsafe pattern must be refused when the rubric is read, naming its rule and key,
    not when a draft first needs it. The rubric shipped in the package is not checked: its every
    rule is graded by the test suite.
    """
    if not patterns:
        return None
    parts = []
    for p in patterns:
        folded = fold_pattern(p)
        try:
            if check:
                re.compile(folded)
        except (re.error, RecursionError) as exc:
            raise PatternProblem(
                _t(
                    "pattern {pattern!r} is not a valid regular expression: {error}",
                    pattern=p,
                    error=str(exc),
                ),
                _t("escape special characters, or list it under 'phrases'"),
            ) from None
        if check and (problem := pattern_problem(p, folded)):
            raise PatternProblem(problem, SAFE_FIX)
        parts.append(f"(?:{folded})")
    return LazyPattern("|".join(parts))
