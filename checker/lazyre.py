"""Regular expressions compiled on first use, not when their module is imported.

Importing the checker is part of the browser's time to ``ready``; compiling the core's module-level
patterns there cost a quarter of the import in Pyodide (``benchmarks/checker_import.py``). A
``LazyRegex`` compiles at its first search, or in the worker's idle-time warm-up (``warm_all``),
whichever comes first. Once compiled, the compiled pattern's own methods are put on the instance,
so later calls go straight to ``re`` with nothing of this class in between.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")
_ALL: list[LazyRegex] = []


class LazyRegex:
    """``re.compile(pattern, flags)``, done the first time one of its methods is called."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        _ALL.append(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; from now on its methods answer this object's calls directly."""
        compiled = re.compile(self.pattern, self.flags)
        methods = vars(self)
        for name in _METHODS:
            methods[name] = getattr(compiled, name)  # shadows the methods below
        methods["compiled"] = lambda: compiled
        return compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


def warm_all() -> None:
    """Compile every core pattern not compiled yet (the worker's idle time, after ``ready``)."""
    for regex in _ALL:
        regex.compiled()
