"""The frozen values a grading returns, and their one JSON shape (ARCHITECTURE.md, "The report")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA = "connecteur.report/1"


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets in code points into the original draft, end exclusive; text is that slice."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that the draft breaks, with the words that caused it when there are any."""

    rule: str
    criterion: str
    severity: str
    message: str
    suggestion: str
    spans: tuple[Span, ...]
    guide: str

    @property
    def rule_page(self) -> str:
        return f"rules/{self.rule}/"

    def sort_key(self) -> tuple[int, int, str]:
        first = self.spans[0].start if self.spans else -1
        return (_SEVERITY_ORDER.get(self.severity, 9), first, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "criterion": self.criterion,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "spans": [s.to_dict() for s in self.spans],
            "rule_page": self.rule_page,
            "guide": self.guide,
        }


_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class CriterionVerdict:
    """How well one criterion is met, and how many of its points that earned."""

    id: str
    label: str
    weight: int
    earned: int
    verdict: str  # met | partial | missing

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "weight": self.weight,
            "earned": self.earned,
            "verdict": self.verdict,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    characters: int
    words: int
    sentences: int

    def to_dict(self) -> dict[str, int]:
        return {"characters": self.characters, "words": self.words, "sentences": self.sentences}


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a grading says about one draft; to_dict() is the versioned JSON shape."""

    checker: str
    rubric: str
    kind: str
    lang: str
    lang_source: str  # forced | detected | default
    status: str  # graded | empty
    score: int
    band: str  # ready | needs-work | not-ready | empty
    band_label: str
    summary: str
    stats: Stats
    criteria: tuple[CriterionVerdict, ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "checker": self.checker,
            "rubric": self.rubric,
            "kind": self.kind,
            "lang": self.lang,
            "lang_source": self.lang_source,
            "status": self.status,
            "score": self.score,
            "band": self.band,
            "band_label": self.band_label,
            "summary": self.summary,
            "stats": self.stats.to_dict(),
            "criteria": [c.to_dict() for c in self.criteria],
            "findings": [f.to_dict() for f in self.findings],
        }
