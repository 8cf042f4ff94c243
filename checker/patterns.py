"""A rule's regex for one language, compiled the first time a draft in that language needs it.

Compiling the default rubric's few hundred patterns for both languages takes about 0.3 s in
Pyodide, and a reader only ever grades in one or two of them: the page's first result should not
wait for the other language. The literal prefixes (prefilter.py) are found lazily too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .prefilter import Gate, gate, literal_prefixes


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
