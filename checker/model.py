"""The frozen values a grading returns, and their one JSON shape (ARCHITECTURE.md, "The report")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabulary import SEVERITIES

SCHEMA = "connecteur.report/3"


@dataclass(frozen=True, slots=True)
class Span:
    """Offsets in code points into the original draft, end exclusive; text is that slice."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Insert:
    """A missing element's text to insert: at a code-point offset of the draft, the text with its
    separators; `select` is its first placeholder's offsets in the draft once inserted."""

    at: int
    text: str
    select: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        select = None
        if self.select is not None:
            select = {"start": self.select[0], "end": self.select[1]}
        return {"at": self.at, "text": self.text, "select": select}


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
    gain: int = 0
    band_after: str = ""
    insert: Insert | None = None

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
            "gain": self.gain,
            "band_after": self.band_after,
            "insert": None if self.insert is None else self.insert.to_dict(),
        }


_SEVERITY_ORDER = {severity: order for order, severity in enumerate(SEVERITIES)}


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
class Cap:
    """The ceiling that held the score down, and the rule or criterion behind it."""

    score: int
    rule: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "rule": self.rule, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class PartSpan:
    """A structural part of the draft: subject, greeting, body, closing, signature or quoted."""

    part: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class RoleScore:
    """One role a sentence plays, with the model's confidence (0-100) that it does."""

    role: str
    confidence: int  # 0-100

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the subject line or the body, and the jobs it does for its reader."""

    start: int
    end: int
    part: str
    roles: tuple[RoleScore, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "part": self.part,
            "roles": [r.to_dict() for r in self.roles],
        }


@dataclass(frozen=True, slots=True)
class Slot:
    """One question of the recipient's five-second read, and the sentences that answer it."""

    id: str
    label: str
    filled: bool
    sentences: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "filled": self.filled,
            "sentences": list(self.sentences),
        }


@dataclass(frozen=True, slots=True)
class Stats:
    """The draft's size as the report gives it: characters, judged words and sentences."""

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
    cap: Cap | None = None
    parts: tuple[PartSpan, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    slots: tuple[Slot, ...] = ()

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
            "cap": None if self.cap is None else self.cap.to_dict(),
            "parts": [p.to_dict() for p in self.parts],
            "sentences": [s.to_dict() for s in self.sentences],
            "slots": [s.to_dict() for s in self.slots],
        }
