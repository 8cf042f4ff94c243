"""Connecteur's checker: grade a networking request draft against a rubric kept as data.

Standard library only, no I/O beyond the package's own rubric: the same code runs in CPython and
in Pyodide inside the browser, so the draft never leaves the user's machine.
"""

from .grader import __version__, grade
from .model import SCHEMA, CriterionVerdict, Finding, Report, Span, Stats
from .rubric import Criterion, Rubric, RubricError, Rule, default_rubric, load_rubric
from .vocabulary import (
    AUTO,
    BAND_LABELS,
    BANDS,
    DRAFT_LANGS,
    KINDS,
    LANGS,
    MESSAGE_KINDS,
    SEVERITIES,
    VERDICTS,
)

__all__ = [
    "AUTO",
    "BANDS",
    "BAND_LABELS",
    "DRAFT_LANGS",
    "KINDS",
    "LANGS",
    "MESSAGE_KINDS",
    "SCHEMA",
    "SEVERITIES",
    "VERDICTS",
    "Criterion",
    "CriterionVerdict",
    "Finding",
    "Report",
    "Rubric",
    "RubricError",
    "Rule",
    "Span",
    "Stats",
    "__version__",
    "default_rubric",
    "grade",
    "load_rubric",
]
