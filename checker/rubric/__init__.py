"""Rubrics as data: read TOML text, validate every key, extend or replace the default.

- model.py: what a rubric is once read (`Rubric`, `Criterion`, `Rule`, `RubricError`) and the
  values its keys accept: its own (`RULE_KINDS`, `MEASURES`, `INSERT_AT`) and those it shares with
  the report and the adapters (`MESSAGE_KINDS`, `LANGS`, `SEVERITIES`, from checker/vocabulary.py);
- schema.py: validating one rule or one criterion, key by key;
- patterns.py: folding patterns like drafts, phrases as patterns, checking and compiling them
  (regex_safety.py refuses the patterns that can backtrack catastrophically);
- loading.py: TOML text, inheritance (extends, replaces, disable, add_phrases), `load_rubric`
  and `default_rubric`.
"""

from .loading import default_rubric, load_rubric
from .model import (
    INSERT_AT,
    KINDS,
    LANGS,
    MEASURES,
    MESSAGE_KINDS,
    RULE_KINDS,
    SEVERITIES,
    Criterion,
    Rubric,
    RubricError,
    Rule,
)
from .patterns import LazyPattern, fold_pattern, phrase_to_pattern

__all__ = [
    "INSERT_AT",
    "KINDS",
    "LANGS",
    "MEASURES",
    "MESSAGE_KINDS",
    "RULE_KINDS",
    "SEVERITIES",
    "Criterion",
    "LazyPattern",
    "Rubric",
    "RubricError",
    "Rule",
    "default_rubric",
    "fold_pattern",
    "load_rubric",
    "phrase_to_pattern",
]
