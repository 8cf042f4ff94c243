"""grade(): the one entry point that turns a draft into a Report. Never raises on any str."""

from __future__ import annotations

import unicodedata
from functools import partial

from .draft import MAX_SCAN, prepare
from .kinds import EVALUATORS, SKIP
from .language import detect
from .model import Finding, Report, Span, Stats
from .rubric import KINDS, LANGS, Rubric, default_rubric
from .scoring import BAND_LABELS, band_for, score
from .text import LETTERS_RE, fold, fold_fast

__version__ = "0.1.0"

_SUMMARY = {
    "empty": {
        "en": "Nothing to grade yet: write or paste your draft.",
        "fr": "Rien à évaluer pour l'instant : écrivez ou collez votre brouillon.",
    },
    "clean": {
        "en": "{label} ({score}/100): every criterion is met.",
        "fr": "{label} ({score}/100) : tous les critères sont remplis.",
    },
    "one": {
        "en": "{label} ({score}/100). Start here: {first}",
        "fr": "{label} ({score}/100). Commencez par ceci : {first}",
    },
}


def _check_args(kind: str, lang: str | None) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: accepted values are {', '.join(KINDS)}")
    if lang is not None and lang not in LANGS:
        raise ValueError(
            f"unknown lang {lang!r}: accepted values are {', '.join(LANGS)} (or None to detect)"
        )


def _blank(text: str) -> bool:
    """Nothing but white space, counting invisible format characters (ZWSP, BOM) as such."""
    if not text.strip():
        return True
    if len(text) > 10_000:
        return False
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _fill(template: str, values: tuple[tuple[str, str], ...]) -> str:
    for key, val in values:
        template = template.replace("{" + key + "}", val)
    return template


def grade(
    text: str, *, kind: str = "request", lang: str | None = None, rubric: Rubric | None = None
) -> Report:
    """Grade `text` as a message of `kind`; `lang` None means detect it from the text."""
    _check_args(kind, lang)
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    rubric = rubric if rubric is not None else default_rubric()
    scan = text[:MAX_SCAN]
    folded = fold(scan)
    rest = fold_fast(text[MAX_SCAN:]) if len(text) > MAX_SCAN else ""
    if lang is not None:
        lang_used, source = lang, "forced"
    else:
        lang_used, source = detect(LETTERS_RE.findall(folded.folded))
    # What every report of this call shares; each return below says only what differs.
    report = partial(
        Report,
        checker=__version__,
        rubric=rubric.name,
        kind=kind,
        lang=lang_used,
        lang_source=source,
    )
    if _blank(text):
        return report(
            status="empty",
            score=0,
            band="empty",
            band_label=BAND_LABELS["empty"][lang_used],
            summary=_SUMMARY["empty"][lang_used],
            stats=Stats(len(text), 0, 0),
            criteria=(),
            findings=(),
        )
    draft = prepare(text, folded, kind, lang_used, rest)
    values: dict[str, list[float]] = {}
    caps: list[int] = []
    blockers: set[str] = set()
    findings: list[Finding] = []
    for rule in rubric.plan(kind, lang_used):
        outcome = EVALUATORS[rule.kind](rule, draft)
        if outcome.value is SKIP:
            continue
        values.setdefault(rule.criterion, []).append(outcome.value)
        if outcome.value >= 1.0:
            continue
        if rule.cap is not None:
            caps.append(rule.cap)
        if outcome.value == 0.0 and rule.severity == "error":
            blockers.add(rule.criterion)
        spans = []
        for s, e in outcome.spans:
            start, end = folded.span(s, e)
            spans.append(Span(start, end, text[start:end]))
        severity = rule.severity
        if outcome.value > 0 and severity == "error":
            severity = "warning"
        findings.append(
            Finding(
                rule=rule.id,
                criterion=rule.criterion,
                severity=severity,
                message=_fill(rule.message[lang_used], outcome.values),
                suggestion=_fill(rule.suggestion[lang_used], outcome.values),
                spans=tuple(sorted(set(spans), key=lambda sp: (sp.start, sp.end))),
                guide=rule.guide,
            )
        )
    total, verdicts = score(rubric.criteria, values, caps, lang_used, frozenset(blockers))
    band = band_for(total)
    findings.sort(key=Finding.sort_key)
    label = BAND_LABELS[band][lang_used]
    if findings:
        summary = _SUMMARY["one"][lang_used].format(
            label=label, score=total, first=findings[0].message
        )
    else:
        summary = _SUMMARY["clean"][lang_used].format(label=label, score=total)
    return report(
        status="graded",
        score=total,
        band=band,
        band_label=label,
        summary=summary,
        stats=Stats(len(text), draft.words, draft.sentence_count),
        criteria=verdicts,
        findings=tuple(findings),
    )
