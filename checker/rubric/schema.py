"""Validating one part of a rubric: a rule, a criterion, and the values their keys accept.

Every refusal is a `RubricError` naming the file, the rule and the key, with a fix (model.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..insertion import MAX_PLACEHOLDER
from ..lazyre import LazyRegex
from ..parts import PART_NAMES
from ..roles import ROLES
from ..texts import Text
from ..texts import text as _t
from .model import (
    INSERT_AT,
    LANGS,
    MEASURES,
    MESSAGE_KINDS,
    RULE_KINDS,
    SEVERITIES,
    Criterion,
    RubricError,
    Rule,
)
from .patterns import LazyPattern, PatternProblem, alternation, phrase_to_pattern
from .regex_safety import LIST_FIX, list_problem

_CRITERION_KEYS = ("weight", "decisive", "label", "guide")
_RULE_KEYS = (
    "id",
    "kind",
    "criterion",
    "applies_to",
    "langs",
    "severity",
    "guide",
    "message",
    "suggestion",
    "examples",
    "cap",
    "clause",
    "only_against",
    "patterns",
    "phrases",
    "partial",
    "when",
    "unless",
    "veto",
    "measure",
    "limits",
    "params",
    "roles",
    "veto_roles",
    "overshadowed_by",
    "unless_roles",
    "confidence",
    "veto_cap",
    "phrase_floor",
    "part",
    "insert",
    "insert_at",
    "patterns_from",
    "veto_from",
)
PATTERN_RULE_KINDS = ("present", "absent", "placeholder")
"""The kinds of rule that have patterns (phrases): `add_phrases` and `patterns_from` take these."""
VETO_RULE_KINDS = ("present", "role")
"""The kinds of rule whose `veto` phrases take evidence away: `veto_from` works on these."""
PARAM_RULE_KINDS = ("repetition", "metric", "duplicate")
"""The kinds of rule that read `params` (integers): thresholds, bounds' tolerance, lengths."""
_PATTERN_KEYS = ("patterns", "partial", "when", "unless", "veto")
_ID_RE = LazyRegex(r"^[a-z][a-z0-9-]*$")
_BRACKETS_RE = LazyRegex(r"\[([^\[\]]*)\]")
"""A bracketed placeholder in an insert text: "[20 minutes]"."""


@dataclass
class _Ctx:
    """Where a rubric check is: its file and rule, to name them in an error."""

    # (A docstring also spares dataclass its own, made with inspect.signature: 1-2 ms in
    # Pyodide at import.)
    source: str
    rule: str | None = None
    check_patterns: bool = True

    def error(
        self,
        problem: str | Text,
        *,
        key: str | None = None,
        fix: str | Text | None = None,
        rule: str | None = None,
    ) -> RubricError:
        return RubricError(self.source, problem, rule=rule or self.rule, key=key, fix=fix)


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> Text:
    import difflib  # only when explaining a mistake: importing it costs ~40 ms in the browser

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return _t("did you mean {choice!r}?", choice=close[0])
    return _t("expected one of: {choices}", choices=", ".join(choices))


def _compile(patterns: tuple[str, ...], ctx: _Ctx, key: str) -> LazyPattern | None:
    """One alternation of the folded patterns (patterns.py), refused here naming rule and key."""
    try:
        return alternation(patterns, check=ctx.check_patterns)
    except PatternProblem as exc:
        raise ctx.error(exc.problem, key=key, fix=exc.fix) from None


def _check_keys(
    table: Mapping[str, Any], allowed: tuple[str, ...], ctx: _Ctx, where: str | Text
) -> None:
    for k in table:
        if k not in allowed:
            raise ctx.error(
                _t("unknown key in {where}", where=where), key=k, fix=_did_you_mean(k, allowed)
            )


def _str(value: Any, ctx: _Ctx, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.error(_t("must be a non-empty string"), key=key)
    return value


def _int(value: Any, ctx: _Ctx, key: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ctx.error(_t("must be an integer from {low} to {high}", low=lo, high=hi), key=key)
    return value


def _choice(value: Any, choices: tuple[str, ...], ctx: _Ctx, key: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise ctx.error(
            _t("{value!r} is not accepted", value=value),
            key=key,
            fix=_did_you_mean(str(value), choices),
        )
    return value


def _choices(value: Any, choices: tuple[str, ...], ctx: _Ctx, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ctx.error(
            _t("must be a non-empty list"),
            key=key,
            fix=_t("for example {example}", example=repr(list(choices))),
        )
    return tuple(_choice(v, choices, ctx, key) for v in value)


def _bilingual(value: Any, ctx: _Ctx, key: str) -> Mapping[str, str]:
    if not isinstance(value, dict):
        raise ctx.error(
            _t("must be a table with 'en' and 'fr' texts"),
            key=key,
            fix=_t('write {key} = {{ en = "...", fr = "..." }}', key=key),
        )
    _check_keys(value, LANGS, ctx, key)
    out = {}
    for lang in LANGS:
        if lang not in value:
            raise ctx.error(
                _t("the {lang!r} text is missing", lang=lang),
                key=f"{key}.{lang}",
                fix=_t("every text exists in both languages"),
            )
        out[lang] = _str(value[lang], ctx, f"{key}.{lang}")
    return MappingProxyType(out)


def _per_lang_strings(value: Any, ctx: _Ctx, key: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ctx.error(
            _t("must be a table of lists per language"),
            key=key,
            fix=_t('write {key} = {{ fr = ["..."], en = ["..."] }}', key=key),
        )
    _check_keys(value, LANGS, ctx, key)
    out: dict[str, tuple[str, ...]] = {}
    for lang, items in value.items():
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ctx.error(_t("must be a list of non-empty strings"), key=f"{key}.{lang}")
        if problem := list_problem(items):
            raise ctx.error(problem, key=f"{key}.{lang}", fix=LIST_FIX)
        out[lang] = tuple(items)
    return out


def _examples(value: Any, ctx: _Ctx) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        raise ctx.error(
            _t("must be a table per language"),
            key="examples",
            fix=_t("write [rules.examples] fr = {{ pass = [...], fail = [...] }}"),
        )
    _check_keys(value, LANGS, ctx, "examples")
    out = {}
    for lang, table in value.items():
        if not isinstance(table, dict):
            raise ctx.error(
                _t("must be a table with 'pass' and 'fail' lists"), key=f"examples.{lang}"
            )
        _check_keys(table, ("pass", "fail"), ctx, f"examples.{lang}")
        out[lang] = MappingProxyType(
            {
                k: tuple(
                    _per_lang_strings({lang: table.get(k, [])}, ctx, f"examples.{lang}.{k}").get(
                        lang, ()
                    )
                )
                for k in ("pass", "fail")
            }
        )
    return MappingProxyType(out)


def _criterion(cid: str, table: Any, ctx: _Ctx, base: Criterion | None) -> Criterion:
    c = _Ctx(ctx.source, None, ctx.check_patterns)
    if not isinstance(table, dict):
        raise c.error(_t("must be a table"), key=f"criteria.{cid}")
    for k in table:
        if k not in _CRITERION_KEYS:
            raise c.error(
                _t("unknown key in {where}", where=_t("criterion {criterion!r}", criterion=cid)),
                key=f"criteria.{cid}.{k}",
                fix=_did_you_mean(k, _CRITERION_KEYS),
            )
    if base is None:
        for k in ("weight", "label", "guide"):
            if k not in table:
                raise c.error(
                    _t("new criterion {criterion!r} needs a {key}", criterion=cid, key=k),
                    key=f"criteria.{cid}.{k}",
                )
        # A new criterion gives weight, label and guide (checked above): only `decisive` is
        # ever read from this stand-in.
        base = Criterion(cid, 0, False, MappingProxyType({}), "")
    weight = (
        _int(table["weight"], c, f"criteria.{cid}.weight", 0, 100)
        if "weight" in table
        else base.weight
    )
    decisive = table.get("decisive", base.decisive)
    if not isinstance(decisive, bool):
        raise c.error(_t("must be true or false"), key=f"criteria.{cid}.decisive")
    label = (
        _bilingual(table["label"], c, f"criteria.{cid}.label") if "label" in table else base.label
    )
    guide = _str(table["guide"], c, f"criteria.{cid}.guide") if "guide" in table else base.guide
    return Criterion(cid, weight, decisive, label, guide)


def _rule(table: Any, ctx: _Ctx, criteria: Mapping[str, Criterion], index: int) -> Rule:
    if not isinstance(table, dict):
        raise ctx.error(_t("rules entry #{number} must be a table", number=index + 1), key="rules")
    rid = table.get("id")
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        raise ctx.error(
            _t("rules entry #{number} needs an id in lower-case-with-dashes", number=index + 1),
            key="id",
            fix=_t('write id = "my-rule"'),
        )
    c = _Ctx(ctx.source, rid, ctx.check_patterns)
    _check_keys(table, _RULE_KEYS, c, _t("the rule"))
    for k in ("kind", "criterion", "message", "suggestion"):
        if k not in table:
            raise c.error(_t("is required"), key=k)
    kind = _choice(table["kind"], RULE_KINDS, c, "kind")
    criterion = table["criterion"]
    if criterion not in criteria:
        raise c.error(
            _t("criterion {criterion!r} is not defined", criterion=criterion),
            key="criterion",
            fix=_did_you_mean(str(criterion), tuple(criteria)),
        )
    applies_to = _choices(
        table.get("applies_to", list(MESSAGE_KINDS)), MESSAGE_KINDS, c, "applies_to"
    )
    langs = _choices(table.get("langs", list(LANGS)), LANGS, c, "langs")
    severity = _choice(table.get("severity", "warning"), SEVERITIES, c, "severity")
    guide = _str(table.get("guide", criteria[criterion].guide), c, "guide")
    message = _bilingual(table["message"], c, "message")
    suggestion = _bilingual(table["suggestion"], c, "suggestion")
    examples = _examples(table.get("examples"), c)
    cap = table.get("cap")
    if cap is not None:
        cap = _int(cap, c, "cap", 0, 100)
    clause = table.get("clause", True)
    if not isinstance(clause, bool):
        raise c.error(_t("must be true or false"), key="clause")
    only_against = table.get("only_against", False)
    if not isinstance(only_against, bool):
        raise c.error(_t("must be true or false"), key="only_against")

    pats: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in _PATTERN_KEYS:
        pats[key] = _per_lang_strings(table.get(key, {}), c, key)
    for lang, phrases in _per_lang_strings(table.get("phrases", {}), c, "phrases").items():
        pats["patterns"][lang] = pats["patterns"].get(lang, ()) + tuple(
            phrase_to_pattern(p) for p in phrases
        )

    measure = None
    limits: dict[str, tuple[int | None, int | None]] = {}
    params: dict[str, int] = {}
    if kind == "metric":
        measure = _choice(table.get("measure"), MEASURES, c, "measure")
        raw = table.get("limits")
        if not isinstance(raw, dict) or not raw:
            raise c.error(
                _t("a metric rule needs limits per kind"),
                key="limits",
                fix=_t("write limits = {{ request = [50, 125] }} (0 for no bound)"),
            )
        _check_keys(raw, MESSAGE_KINDS, c, "limits")
        for k, v in raw.items():
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in v)
            ):
                raise c.error(_t("must be [min, max] (0 for no bound)"), key=f"limits.{k}")
            limits[k] = (v[0] or None, v[1] or None)
    roles, veto_roles, overshadowed_by, unless_roles = (
        _choices(table[k], ROLES, c, k) if k in table else ()
        for k in ("roles", "veto_roles", "overshadowed_by", "unless_roles")
    )
    confidence = table.get("confidence")
    if confidence is not None:
        confidence = _int(confidence, c, "confidence", 1, 99)
    veto_cap = table.get("veto_cap")
    if veto_cap is not None:
        veto_cap = _int(veto_cap, c, "veto_cap", 0, 100)
    phrase_floor = table.get("phrase_floor")
    if phrase_floor is not None:
        phrase_floor = _int(phrase_floor, c, "phrase_floor", 1, 99)
    for key, setting in (("overshadowed_by", overshadowed_by), ("phrase_floor", phrase_floor)):
        if setting and (kind != "present" or not roles):  # both refine how roles count as evidence
            raise c.error(
                _t("{key} needs a 'present' rule with roles", key=key),
                key=key,
                fix=_t('write roles = ["purpose"], or remove {key}', key=key),
            )
    part = table.get("part")
    if part is not None:
        part = _choice(part, PART_NAMES, c, "part")
    insert, insert_at = _insert(table, kind, c)
    if kind == "role" and not roles:
        raise c.error(
            _t("a {kind!r} rule needs roles", kind=kind),
            key="roles",
            fix=_t('write roles = ["vague"]'),
        )
    patterns_from, veto_from = (
        _borrowed(table, key, c, example=example, allowed=allowed, refusal=refusal, fix=fix)
        for key, example, allowed, refusal, fix in (
            (
                "patterns_from",
                _t('write patterns_from = ["intro-purpose", "intro-consent"]'),
                kind in PATTERN_RULE_KINDS,
                _t("a {kind!r} rule has no patterns", kind=kind),
                _t("remove patterns_from, or make the rule present, absent or placeholder"),
            ),
            (
                "veto_from",
                _t('write veto_from = ["connect-link"]'),
                kind in VETO_RULE_KINDS,
                _t("a {kind!r} rule takes no veto", kind=kind),
                _t("remove veto_from, or make the rule present or role"),
            ),
        )
    )
    if not patterns_from:  # else checked once the named rules' patterns are in (loading.py)
        require_patterns(kind, bool(roles or part), pats["patterns"], langs, c)
    for key in ("when", "unless", "veto"):
        given = [lang for lang in langs if pats[key].get(lang)]
        if given and len(given) != len(langs):
            missing = next(lang for lang in langs if lang not in given)
            raise c.error(
                _t("no {key!r} pattern for language {lang!r}", key=key, lang=missing),
                key=f"{key}.{missing}",
                fix=_t("give {key} patterns for every language in langs", key=key),
            )
    if kind in PARAM_RULE_KINDS:
        raw = table.get("params", {})
        if not isinstance(raw, dict):
            raise c.error(_t("must be a table of integers"), key="params")
        for k, v in raw.items():
            params[k] = _int(v, c, f"params.{k}", 0, 1000)
    matchers = {lang: _compile(pats["patterns"].get(lang, ()), c, "patterns") for lang in LANGS}
    partial = {lang: _compile(pats["partial"].get(lang, ()), c, "partial") for lang in LANGS}
    when = {lang: _compile(pats["when"].get(lang, ()), c, "when") for lang in LANGS}
    unless = {lang: _compile(pats["unless"].get(lang, ()), c, "unless") for lang in LANGS}
    veto = {lang: _compile(pats["veto"].get(lang, ()), c, "veto") for lang in LANGS}
    return Rule(
        id=rid,
        kind=kind,
        criterion=criterion,
        applies_to=applies_to,
        langs=langs,
        severity=severity,
        guide=guide,
        message=message,
        suggestion=suggestion,
        examples=examples,
        cap=cap,
        clause=clause,
        only_against=only_against,
        patterns=MappingProxyType(pats["patterns"]),
        partial=MappingProxyType(pats["partial"]),
        when=MappingProxyType(pats["when"]),
        unless=MappingProxyType(pats["unless"]),
        veto=MappingProxyType(pats["veto"]),
        measure=measure,
        limits=MappingProxyType(limits),
        params=MappingProxyType(params),
        roles=roles,
        veto_roles=veto_roles,
        overshadowed_by=overshadowed_by,
        unless_roles=unless_roles,
        confidence=confidence,
        veto_cap=veto_cap,
        phrase_floor=phrase_floor,
        part=part,
        insert=insert,
        insert_at=insert_at,
        patterns_from=patterns_from,
        veto_from=veto_from,
        own_patterns=MappingProxyType(pats["patterns"]),
        own_partial=MappingProxyType(pats["partial"]),
        own_veto=MappingProxyType(pats["veto"]),
        matchers=MappingProxyType(matchers),
        partial_matchers=MappingProxyType(partial),
        when_matchers=MappingProxyType(when),
        unless_matchers=MappingProxyType(unless),
        veto_matchers=MappingProxyType(veto),
    )


def require_patterns(
    kind: str,
    role_only: bool,
    patterns: Mapping[str, tuple[str, ...]],
    langs: tuple[str, ...],
    c: _Ctx,
    key: str | None = None,
) -> None:
    """A present, absent or placeholder rule has patterns in each of its languages, unless it is a
    `present` rule that finds its evidence by role or part alone (then it may have none at all).
    `key` names the key the patterns came from (default: `patterns`)."""
    if kind not in PATTERN_RULE_KINDS:
        return
    if not any(patterns.get(lang) for lang in langs):
        if kind == "present" and role_only:
            return
        raise c.error(
            _t("a {kind!r} rule needs patterns or phrases", kind=kind),
            key=key or "patterns",
            fix=_t('write {key} = {{ fr = ["..."], en = ["..."] }}', key="patterns"),
        )
    for lang in langs:
        if not patterns.get(lang):
            raise c.error(
                _t("no pattern for language {lang!r}", lang=lang),
                key=key or f"patterns.{lang}",
                fix=_t("add patterns for it, or remove it from langs"),
            )


def _rule_ids(table: Mapping[str, Any], key: str, c: _Ctx, example: Text) -> tuple[str, ...]:
    """The rule ids a `*_from` key names, each once; `example` is the fix shown for a bad list."""
    if key not in table:
        return ()
    value = table[key]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise c.error(_t("must be a non-empty list of rule ids"), key=key, fix=example)
    return tuple(dict.fromkeys(value))


def _borrowed(
    table: Mapping[str, Any],
    key: str,
    c: _Ctx,
    *,
    example: Text,
    allowed: bool,
    refusal: Text,
    fix: Text,
) -> tuple[str, ...]:
    """The ids of the rules whose patterns (`patterns_from`) or veto phrases (`veto_from`) this
    rule takes too, resolved in loading.py: two rules reading the same evidence keep one list.
    Only a rule of a kind that reads such phrases may borrow them."""
    named = _rule_ids(table, key, c, example)
    if named and not allowed:
        raise c.error(refusal, key=key, fix=fix)
    return named


def _insert(table: Mapping[str, Any], kind: str, c: _Ctx) -> tuple[Mapping[str, str], str | None]:
    """A missing element's text to insert (per language) and where it goes: both or neither, on
    a `present` rule; every bracketed placeholder short enough to stay flagged until filled."""
    if "insert" not in table and "insert_at" not in table:
        return MappingProxyType({}), None
    if kind != "present":
        key = "insert" if "insert" in table else "insert_at"
        raise c.error(
            _t("only a 'present' rule (a missing element) can insert a text"),
            key=key,
            fix=_t('remove {key}, or make the rule kind = "present"', key=key),
        )
    for key, other in (("insert", "insert_at"), ("insert_at", "insert")):
        if key not in table:
            raise c.error(
                _t("{other} needs {key}", other=other, key=key),
                key=key,
                fix=_t("give both insert and insert_at, or neither"),
            )
    where = _choice(table["insert_at"], INSERT_AT, c, "insert_at")
    texts = _bilingual(table["insert"], c, "insert")
    for lang, value in texts.items():
        for m in _BRACKETS_RE.finditer(value):
            inner = m.group(1)
            if not inner.strip() or len(inner) > MAX_PLACEHOLDER or "\n" in inner:
                raise c.error(
                    _t(
                        "placeholder {placeholder} is not flagged until filled",
                        placeholder=m.group(0),
                    ),
                    key=f"insert.{lang}",
                    fix=_t(
                        "write placeholders of 1 to {n} characters on one line, like [20 minutes]",
                        n=MAX_PLACEHOLDER,
                    ),
                )
    return texts, where
