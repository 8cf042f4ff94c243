"""checker/lazyre.py: the core's patterns compile on first use, and then answer like re's."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from import_probe import REPO

from checker.lazyre import LazyRegex

PROBE = (
    "import sys; sys.path.insert(0, sys.argv[1]); import json, checker.bridge; "
    "from checker import lazyre; "
    "print(json.dumps([len(lazyre._ALL), sum('compiled' in vars(r) for r in lazyre._ALL)]))"
)


def test_importing_the_bridge_compiles_none_of_the_core_patterns() -> None:
    done = subprocess.run(
        [sys.executable, "-I", "-c", PROBE, str(REPO)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    count, compiled = json.loads(done.stdout)
    assert count >= 30  # parts, folding, clauses, ...: every module-level pattern of the core
    assert compiled == 0


def test_a_lazy_regex_answers_like_the_compiled_one_before_and_after_compiling() -> None:
    text = "Bonjour Claire, merci. À bientôt ! 3.5 fois"
    for flags in (0, re.IGNORECASE):
        pattern = r"(?P<w>[^\W\d_]+)(?:\s|$)"
        reference = re.compile(pattern, flags)
        for method, arguments in [
            ("search", (text, 3)),
            ("match", (text,)),
            ("fullmatch", (text, 0, 8)),
            ("findall", (text, 2, 30)),
            ("split", (text, 2)),
            ("sub", ("<>", text, 1)),
        ]:
            fresh = LazyRegex(pattern, flags)
            expected = getattr(reference, method)(*arguments)
            got = getattr(fresh, method)(*arguments)  # compiles
            again = getattr(fresh, method)(*arguments)  # the compiled pattern's own method
            if isinstance(expected, re.Match):
                assert got is not None and again is not None
                assert (got.span(), got.groupdict()) == (expected.span(), expected.groupdict())
                assert again.span() == expected.span()
            else:
                assert got == expected == again, method
        fresh = LazyRegex(pattern, flags)
        assert [m.span() for m in fresh.finditer(text, 1)] == [
            m.span() for m in reference.finditer(text, 1)
        ]
        assert fresh.compiled().pattern == pattern and fresh.compiled().flags == reference.flags
