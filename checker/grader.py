"""grade(): the one entry point that turns a draft into a Report. Never raises on any str."""

from __future__ import annotations

import unicodedata
from functools import partial

from .anatomy import read
from .draft import MAX_SCAN, prepare
from .folding import LETTERS_RE, fold, fold_fast
from .insertion import place
from .language import detect
from .model import Cap, Finding, PartSpan, Report, Sentence, Span, Stats
from .roles import default_model
from .rubric import Rubric, Rule, default_rubric
from .rules import PASS, REGISTRY, SKIP, Outcome
from .scoring import RuleResult, band_for, score
from .texts import text as _t
from .vocabulary import BAND_LABELS, KINDS, LANGS

__version__ = "0.1.0"


def _check_args(kind: str, lang: str | None, interface_language: str | None) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: accepted values are {', '.join(KINDS)}")
    if lang is not None and lang not in LANGS:
        raise ValueError(
            f"unknown lang {lang!r}: accepted values are {', '.join(LANGS)} (or None to detect)"
        )
    if interface_language is not None and interface_language not in LANGS:
        raise ValueError(
            f"unknown interface_language {interface_language!r}: accepted values are "
            f"{', '.join(LANGS)} (or None for the draft's language)"
        )


def _blank(text: str) -> bool:
    """Nothing but white space, counting invisible format characters (ZWSP, BOM) as such."""
    if not text.strip():
        return True
    if len(text) > 10_000:
        return False
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


def _span_key(sp: Span) -> tuple[int, int]:
    return (sp.start, sp.end)


def _cap(held: tuple[int, str], rubric: Rubric, findings: list[Finding], ui: str) -> Cap:
    """Name the ceiling: the rule's own message, or the decisive criterion left missing."""
    ceiling, why = held
    reason: object
    if why.startswith("criterion:"):
        crit = rubric.criteria[why.removeprefix("criterion:")]
        reason = _t("missing: {criterion}", criterion=crit.label[ui])
    else:
        reason = next((f.message for f in findings if f.rule == why), why)
    return Cap(
        ceiling, why, _t("capped at {score}: {reason}", score=ceiling, reason=reason).render(ui)
    )


def _fill(template: str, values: tuple[tuple[str, str], ...]) -> str:
    for key, val in values:
        template = template.replace("{" + key + "}", val)
    return template


def grade(
    text: str,
    *,
    kind: str = "request",
    lang: str | None = None,
    rubric: Rubric | None = None,
    interface_language: str | None = None,
) -> Report:
    """Grade `text` as a message of `kind`; `lang` None means detect it from the text.

    `interface_language` is the language of the report's words (band label, summary, verdicts'
    criterion labels, findings' messages and suggestions, cap reason, slot questions): the
    reader's, such as the page's or the command line's. None means the draft's language."""
    _check_args(kind, lang, interface_language)
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
    ui = interface_language or lang_used
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
            band_label=BAND_LABELS["empty"][ui],
            summary=_t("Nothing to grade yet: write or paste your draft.").render(ui),
            stats=Stats(len(text), 0, 0),
            criteria=(),
            findings=(),
        )
    draft = prepare(text, folded, kind, lang_used, default_model(), rest)
    outcomes: list[RuleResult] = []
    failed: list[tuple[int, Rule, Outcome]] = []
    for rule in rubric.plan(kind, lang_used):
        outcome = REGISTRY[rule.kind](rule, draft)
        if outcome.value is SKIP or (rule.only_against and outcome.value == PASS):
            continue
        blocker = outcome.value == 0.0 and rule.severity == "error"
        # A partial outcome of a warning or a tip earns half and never caps: a way out offered as
        # "would you be willing…?". (A length past its bound fades in instead: rules/metric.py.)
        # A weak sign of a decisive element ("I'd like to meet you") still caps.
        rule_cap = outcome.cap if outcome.cap is not None else rule.cap
        if outcome.value > 0 and outcome.cap is None and rule.severity != "error":
            rule_cap = None
        outcomes.append(
            RuleResult(rule.id, rule.criterion, outcome.value, rule_cap, blocker, outcome.near)
        )
        if outcome.value < 1.0:
            failed.append((len(outcomes) - 1, rule, outcome))
    scored = score(rubric.criteria, outcomes, ui)
    total = scored.score
    band = band_for(total)

    def span(s: int, e: int) -> Span:
        start, end = folded.span(s, e)
        return Span(start, end, text[start:end])

    anatomy = read(draft, ui)
    parts = tuple(PartSpan(p.part, *folded.span(p.start, p.end)) for p in anatomy[0])
    findings: list[Finding] = []
    for at, rule, outcome in failed:
        # What fixing this one problem would earn, the others unchanged.
        fixed = list(outcomes)
        if rule.only_against:
            del fixed[at]  # met, such a rule is left out (rubric/model.py)
        else:
            fixed[at] = RuleResult(rule.id, rule.criterion, 1.0, None, False)
        after = score(rubric.criteria, fixed, ui, explain=False).score
        severity = rule.severity
        if outcomes[at].value > 0 and severity == "error":
            severity = "warning"
        findings.append(
            Finding(
                rule=rule.id,
                criterion=rule.criterion,
                severity=severity,
                message=_fill(rule.message[ui], outcome.values),
                suggestion=_fill(rule.suggestion[ui], outcome.values),
                spans=tuple(sorted({span(s, e) for s, e in outcome.spans}, key=_span_key)),
                guide=rule.guide,
                gain=max(0, after - total),
                band_after=band_for(max(after, total)),
                insert=(
                    place(text, parts, rule.insert_at, rule.insert[lang_used])
                    if rule.insert_at is not None and lang_used in rule.insert
                    else None
                ),
            )
        )
    findings.sort(key=Finding.sort_key)
    label = BAND_LABELS[band][ui]
    if findings:
        first = findings[0].message
        said = _t(
            "{label} ({score}/100). Start here: {first}", label=label, score=total, first=first
        )
    else:
        said = _t("{label} ({score}/100): every criterion is met.", label=label, score=total)
    summary = said.render(ui)
    cap: Cap | None = None
    if scored.cap is not None:
        cap = _cap(scored.cap, rubric, findings, ui)
    _, sentences, slots = anatomy
    return report(
        status="graded",
        score=total,
        band=band,
        band_label=label,
        summary=summary,
        stats=Stats(len(text), draft.words, draft.sentence_count),
        criteria=scored.verdicts,
        findings=tuple(findings),
        cap=cap,
        parts=parts,
        sentences=tuple(Sentence(*folded.span(x.start, x.end), x.part, x.roles) for x in sentences),
        slots=slots,
    )
