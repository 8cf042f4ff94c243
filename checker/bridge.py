"""The browser worker's side of the checker: JSON in, JSON out, nothing else.

The Web Worker (``mkdocs_connecteur/assets/js/worker.js``) imports this module in Pyodide and
calls its functions; the parity test (``tests/node/test_pyodide_parity.py``) goes through it too,
so what is tested under Node is what the browser runs. It only translates between the worker's
messages and the core (``grade``, ``load_rubric``): arguments cross as a JSON string so that no
JavaScript ``null`` (Pyodide's ``jsnull``) or odd value reaches the API, and the report crosses
back as the JSON string of ``Report.to_dict()``, byte for byte what CPython's ``json.dumps`` gives.

Standard library only (it ships in the browser wheel, which holds ``checker/`` alone). One worker
grades with one rubric, so the state (the trainer's rubric, the warm-up under way) is one
``Bridge``; the module-level functions are the worker's default one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .grader import __version__
from .grader import grade as _grade
from .lazyre import warm_all
from .roles import default_model
from .rubric import Rubric, default_rubric, load_rubric
from .rubric.patterns import LazyPattern
from .vocabulary import AUTO, LANGS

# Patterns compiled per warm-up slice: a draft graded meanwhile waits for one slice at most.
WARM_SLICE = 8


class Bridge:
    """A worker's checker: the rubric in force, grading from JSON, the idle-time warm-up."""

    def __init__(self) -> None:
        self.rubric: Rubric | None = None  # None: the default rubric
        self._warming: Iterator[LazyPattern] | None = None
        self._core_warm = False

    def set_rubric(self, text: str, source: str) -> str:
        """Use a trainer's rubric (TOML text) from now on; its ``name``.

        Raises ``RubricError`` (its message names the file, the rule and the key).
        """
        self.rubric = load_rubric(text, source=source)
        self._warming = None
        return self.rubric.name

    def grade(self, args_json: str) -> str:
        """``{"text", "kind", "lang", "ui"}`` to the report's JSON string.

        ``lang`` null or ``"auto"``: detected; ``ui``: the language of the report's words (the
        page's), null or absent: the draft's. Raises ``ValueError`` for an unknown kind or
        language, like ``grade``."""
        args: dict[str, Any] = json.loads(args_json)
        if not isinstance(args, dict):
            raise ValueError("the grading arguments must be a JSON object")
        lang = args.get("lang")
        ui = args.get("ui")
        report = _grade(
            args["text"],
            kind=args.get("kind", "request"),
            lang=None if lang in (None, AUTO) else lang,
            rubric=self.rubric,
            interface_language=ui if ui in LANGS else None,
        )
        return json.dumps(report.to_dict())

    def warm_step(self) -> bool:
        """Compile a slice of the rubric's patterns; True while some are left.

        Reading the rubric and compiling its patterns takes a few hundred ms in Pyodide: the
        worker calls this in idle time after "ready", one slice per call, so that a draft graded
        meanwhile waits for one slice at most (and compiles its own language's patterns first).
        The first slice reads the rubric (a draft graded at "ready", even an empty one, needs
        it), the second compiles the core's own patterns (``checker/lazyre.py``).
        """
        if self._warming is None:
            rubric = self.rubric or default_rubric()
            self._warming = (p for rule in rubric.rules for p in rule.lazy_patterns())
            return True
        if not self._core_warm:
            warm_all()
            self._core_warm = True
            return True
        for _ in range(WARM_SLICE):
            pattern = next(self._warming, None)
            if pattern is None:
                return False
            pattern.warm()
        return True


def prepare() -> None:
    """What the worker does before it says "ready": read the sentence-role model, which every
    grading needs (its loading counts in the page's time to ready)."""
    default_model()


def version() -> str:
    """The checker's version, for the worker's ``ready`` message."""
    return str(__version__)


_WORKER = Bridge()
set_rubric = _WORKER.set_rubric
grade = _WORKER.grade
warm_step = _WORKER.warm_step
