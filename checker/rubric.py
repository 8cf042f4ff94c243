"""Rubrics as data: read TOML text, validate every key, extend or replace the default.

A rubric is either fully valid or refused with a `RubricError` naming the file, the rule and the
key, with a fix: a trainer must never grade a class against half a rubric without knowing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .parts import PART_NAMES
from .patterns import LazyPattern
from .regex_safety import LIST_FIX, SAFE_FIX, list_problem, pattern_problem
from .roles import ROLES
from .text import fold_char
from .texts import Text
from .texts import text as _t

KINDS = ("request", "ask", "intro", "connect")
LANGS = ("fr", "en")
RULE_KINDS = ("present", "absent", "metric", "placeholder", "repetition", "role")
SEVERITIES = ("error", "warning", "info")
MEASURES = ("words", "characters", "sentences")


class RubricError(ValueError):
    """A rubric that cannot be used; str() names the source, the rule id, the key and the fix.

    ``str()`` is English (build logs); ``render("fr")`` is the same message in French.
    """

    def __init__(
        self,
        source: str,
        problem: str | Text,
        *,
        rule: str | None = None,
        key: str | None = None,
        fix: str | Text | None = None,
    ) -> None:
        self.source, self.rule, self.key = source, rule, key
        self.problem, self.fix = problem, fix
        super().__init__(self.render("en"))

    def render(self, lang: str) -> str:
        """The message in ``lang`` (``fr`` or ``en``), framed like ``str()``."""
        where: str | Text = self.source
        if self.rule:
            where = _t("{where}: rule {rule!r}", where=where, rule=self.rule)
        if self.key:
            where = _t("{where}: key {key!r}", where=where, key=self.key)
        message = _t("{where}: {problem}", where=where, problem=self.problem)
        if self.fix:
            message = _t("{message} ({fix})", message=message, fix=self.fix)
        return message.render(lang)


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    weight: int
    decisive: bool
    label: Mapping[str, str]
    guide: str


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One rule; `matchers` holds its pattern per language (None when it has none), compiled the
    first time a draft in that language needs it."""

    id: str
    kind: str
    criterion: str
    applies_to: tuple[str, ...]
    langs: tuple[str, ...]
    severity: str
    guide: str
    message: Mapping[str, str]
    suggestion: Mapping[str, str]
    examples: Mapping[str, Mapping[str, tuple[str, ...]]]
    cap: int | None = None
    clause: bool = True
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    partial: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unless: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    measure: str | None = None
    limits: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)
    params: Mapping[str, int] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    veto_roles: tuple[str, ...] = ()
    unless_roles: tuple[str, ...] = ()
    confidence: int | None = None
    veto_cap: int | None = None
    part: str | None = None
    matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    partial_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    when_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    unless_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)

    def lazy_patterns(self) -> Iterator[LazyPattern]:
        """Every pattern of the rule, for warming them up in idle time."""
        for table in (
            self.matchers,
            self.partial_matchers,
            self.when_matchers,
            self.unless_matchers,
        ):
            yield from (m for m in table.values() if m is not None)


@dataclass(frozen=True, slots=True, eq=False)
class Rubric:
    """A validated rubric. Compared and hashed by identity, so callers can cache per rubric."""

    name: str
    criteria: Mapping[str, Criterion]
    rules: tuple[Rule, ...]
    source: str = "<rubric>"
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    plans: dict[tuple[str, str], tuple[Rule, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def plan(self, kind: str, lang: str) -> tuple[Rule, ...]:
        """The rules that apply to one kind and language, computed once per rubric."""
        key = (kind, lang)
        rules = self.plans.get(key)
        if rules is None:
            rules = tuple(r for r in self.rules if kind in r.applies_to and lang in r.langs)
            self.plans[key] = rules
        return rules

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


# --- patterns -----------------------------------------------------------------------------------


def fold_pattern(pattern: str) -> str:
    """Fold a regex the way drafts are folded (É -> e, ’ -> '), leaving escapes (\\S, \\B) alone.

    Drafts are matched in folded form, so patterns can be compiled without IGNORECASE, which
    makes every search markedly faster.
    """
    out: list[str] = []
    escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        else:
            out.append(c if c.isascii() and not c.isupper() else fold_char(c))
    return "".join(out)


def phrase_to_pattern(phrase: str) -> str:
    """A literal phrase as a safe regex: escaped, folded, any run of spaces matches any space."""
    folded = "".join(fold_char(c) for c in phrase.strip())
    words = [re.escape(w) for w in folded.split()]
    body = r"\s+".join(words)
    if folded[:1].isalnum():
        body = r"\b" + body
    if folded[-1:].isalnum():
        body += r"\b"
    return body


def _compile(patterns: tuple[str, ...], ctx: _Ctx, key: str) -> LazyPattern | None:
    """One alternation of the folded patterns, compiled on first use (patterns.py).

    Each pattern is checked on its own first, unless the rubric is the one shipped in the package
    (its every rule is graded by the test suite): an invalid pattern must be refused when the
    rubric is read, naming its rule and key, not when a draft first needs it.
    """
    if not patterns:
        return None
    parts = []
    for p in patterns:
        folded = fold_pattern(p)
        try:
            if ctx.check_patterns:
                re.compile(folded)
        except (re.error, RecursionError) as exc:
            raise ctx.error(
                _t(
                    "pattern {pattern!r} is not a valid regular expression: {error}",
                    pattern=p,
                    error=str(exc),
                ),
                key=key,
                fix=_t("escape special characters, or list it under 'phrases'"),
            ) from None
        if ctx.check_patterns and (problem := pattern_problem(p, folded)):
            raise ctx.error(problem, key=key, fix=SAFE_FIX)
        parts.append(f"(?:{folded})")
    return LazyPattern("|".join(parts))


# --- validation ---------------------------------------------------------------------------------

_TOP_KEYS = (
    "schema",
    "name",
    "criteria",
    "rules",
    "extends",
    "replaces",
    "disable",
    "add_patterns",
    "add_phrases",
)
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
    "patterns",
    "phrases",
    "partial",
    "when",
    "unless",
    "measure",
    "limits",
    "params",
    "roles",
    "veto_roles",
    "unless_roles",
    "confidence",
    "veto_cap",
    "part",
)
_PATTERN_KEYS = ("patterns", "partial", "when", "unless")
_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass
class _Ctx:
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
    weight = (
        _int(table["weight"], c, f"criteria.{cid}.weight", 0, 100)
        if "weight" in table
        else base.weight
    )  # type: ignore[union-attr]
    decisive = table.get("decisive", base.decisive if base else False)
    if not isinstance(decisive, bool):
        raise c.error(_t("must be true or false"), key=f"criteria.{cid}.decisive")
    label = (
        _bilingual(table["label"], c, f"criteria.{cid}.label") if "label" in table else base.label
    )  # type: ignore[union-attr]
    guide = _str(table["guide"], c, f"criteria.{cid}.guide") if "guide" in table else base.guide  # type: ignore[union-attr]
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
    applies_to = _choices(table.get("applies_to", list(KINDS)), KINDS, c, "applies_to")
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
        _check_keys(raw, KINDS, c, "limits")
        for k, v in raw.items():
            if (
                not isinstance(v, list)
                or len(v) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in v)
            ):
                raise c.error(_t("must be [min, max] (0 for no bound)"), key=f"limits.{k}")
            limits[k] = (v[0] or None, v[1] or None)
    roles, veto_roles, unless_roles = (
        _choices(table[k], ROLES, c, k) if k in table else ()
        for k in ("roles", "veto_roles", "unless_roles")
    )
    confidence = table.get("confidence")
    if confidence is not None:
        confidence = _int(confidence, c, "confidence", 1, 99)
    veto_cap = table.get("veto_cap")
    if veto_cap is not None:
        veto_cap = _int(veto_cap, c, "veto_cap", 0, 100)
    part = table.get("part")
    if part is not None:
        part = _choice(part, PART_NAMES, c, "part")
    if kind == "role" and not roles:
        raise c.error(
            _t("a {kind!r} rule needs roles", kind=kind),
            key="roles",
            fix=_t('write roles = ["vague"]'),
        )
    role_only = kind == "present" and (roles or part)
    if kind in ("present", "absent", "placeholder") and not (
        role_only and not any(pats["patterns"].get(lang) for lang in langs)
    ):
        if not any(pats["patterns"].get(lang) for lang in langs):
            raise c.error(
                _t("a {kind!r} rule needs patterns or phrases", kind=kind),
                key="patterns",
                fix=_t('write {key} = {{ fr = ["..."], en = ["..."] }}', key="patterns"),
            )
        for lang in langs:
            if not pats["patterns"].get(lang):
                raise c.error(
                    _t("no pattern for language {lang!r}", lang=lang),
                    key=f"patterns.{lang}",
                    fix=_t("add patterns for it, or remove it from langs"),
                )
    for key in ("when", "unless"):
        given = [lang for lang in langs if pats[key].get(lang)]
        if given and len(given) != len(langs):
            missing = next(lang for lang in langs if lang not in given)
            raise c.error(
                _t("no {key!r} pattern for language {lang!r}", key=key, lang=missing),
                key=f"{key}.{missing}",
                fix=_t("give {key} patterns for every language in langs", key=key),
            )
    if kind in ("repetition", "metric"):
        raw = table.get("params", {})
        if not isinstance(raw, dict):
            raise c.error(_t("must be a table of integers"), key="params")
        for k, v in raw.items():
            params[k] = _int(v, c, f"params.{k}", 0, 1000)
    matchers = {lang: _compile(pats["patterns"].get(lang, ()), c, "patterns") for lang in LANGS}
    partial = {lang: _compile(pats["partial"].get(lang, ()), c, "partial") for lang in LANGS}
    when = {lang: _compile(pats["when"].get(lang, ()), c, "when") for lang in LANGS}
    unless = {lang: _compile(pats["unless"].get(lang, ()), c, "unless") for lang in LANGS}
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
        patterns=MappingProxyType(pats["patterns"]),
        partial=MappingProxyType(pats["partial"]),
        when=MappingProxyType(pats["when"]),
        unless=MappingProxyType(pats["unless"]),
        measure=measure,
        limits=MappingProxyType(limits),
        params=MappingProxyType(params),
        roles=roles,
        veto_roles=veto_roles,
        unless_roles=unless_roles,
        confidence=confidence,
        veto_cap=veto_cap,
        part=part,
        matchers=MappingProxyType(matchers),
        partial_matchers=MappingProxyType(partial),
        when_matchers=MappingProxyType(when),
        unless_matchers=MappingProxyType(unless),
    )


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    if not isinstance(text, str):
        raise RubricError(source, _t("a rubric is TOML text"))
    import tomllib  # imported when a rubric is read, not when the checker is imported (page boot)

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise RubricError(
            source,
            _t("not valid TOML: {error}", error=str(exc)),
            fix=_t("check quotes, brackets and commas on that line"),
        ) from None


def _build(
    data: Mapping[str, Any], source: str, base: Rubric | None, check_patterns: bool = True
) -> Rubric:
    ctx = _Ctx(source, None, check_patterns)
    _check_keys(data, _TOP_KEYS, ctx, _t("the rubric"))
    if "schema" in data and data["schema"] != 1:
        raise ctx.error(
            _t("schema {schema!r} is not supported", schema=data["schema"]),
            key="schema",
            fix=_t("write schema = 1"),
        )
    extending = base is not None
    name = data.get("name", base.name + "+" + source if base else None)
    if name is None:
        raise ctx.error(
            _t("a rubric that replaces the default needs a name"),
            key="name",
            fix=_t('write name = "my-workshop"'),
        )
    name = _str(name, ctx, "name")

    criteria: dict[str, Criterion] = dict(base.criteria) if base else {}
    raw_criteria = data.get("criteria", {})
    if not isinstance(raw_criteria, dict):
        raise ctx.error(_t("must be a table of criteria"), key="criteria")
    for cid, table in raw_criteria.items():
        if not _ID_RE.match(cid):
            raise ctx.error(_t("criterion ids are lower-case-with-dashes"), key=f"criteria.{cid}")
        criteria[cid] = _criterion(cid, table, ctx, criteria.get(cid))
    if not criteria:
        raise ctx.error(
            _t("no criteria defined"),
            key="criteria",
            fix=_t("add [criteria.objective] with weight, label and guide"),
        )

    rules: list[Rule] = list(base.rules) if base else []
    ids = {r.id for r in rules}

    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise ctx.error(
            _t("must be a list of rule ids"),
            key="disable",
            fix=_t('write disable = ["no-shorthand"]'),
        )
    if disable and not extending:
        raise ctx.error(
            _t("only a rubric that extends another can disable rules"),
            key="disable",
            fix=_t('add extends = "default", or simply leave the rule out'),
        )
    for rid in disable:
        if rid not in ids:
            raise ctx.error(
                _t("cannot disable unknown rule {rule!r}", rule=rid),
                key="disable",
                rule=rid,
                fix=_did_you_mean(rid, sorted(ids)),
            )
    rules = [r for r in rules if r.id not in set(disable)]

    for key in ("add_patterns", "add_phrases"):
        adds = data.get(key, {})
        if not isinstance(adds, dict):
            raise ctx.error(
                _t("must be a table keyed by rule id"),
                key=key,
                fix=_t('write [{key}.rule-id] fr = ["..."]', key=key),
            )
        if adds and not extending:
            raise ctx.error(
                _t("{key} only works in a rubric that extends another", key=key),
                key=key,
                fix=_t('add extends = "default"'),
            )
        for rid, per_lang in adds.items():
            idx = next((i for i, r in enumerate(rules) if r.id == rid), None)
            if idx is None:
                raise ctx.error(
                    _t("cannot add phrases to unknown rule {rule!r}", rule=rid),
                    key=key,
                    rule=rid,
                    fix=_did_you_mean(rid, sorted(r.id for r in rules)),
                )
            rc = _Ctx(source, rid, ctx.check_patterns)
            old = rules[idx]
            if old.kind not in ("present", "absent", "placeholder"):
                raise rc.error(
                    _t("a {kind!r} rule has no phrases", kind=old.kind),
                    key=key,
                    fix=_t("add phrases to a present, absent or placeholder rule"),
                )
            phrases = _per_lang_strings(per_lang, rc, key)
            new_patterns = dict(old.patterns)
            for lang, items in phrases.items():
                if lang not in old.langs:
                    raise rc.error(
                        _t("the rule does not apply to {lang!r}", lang=lang),
                        key=f"{key}.{lang}",
                        fix=_t("use one of: {choices}", choices=", ".join(old.langs)),
                    )
                new_patterns[lang] = new_patterns.get(lang, ()) + tuple(
                    phrase_to_pattern(p) for p in items
                )
            matchers = {lang: _compile(new_patterns.get(lang, ()), rc, key) for lang in LANGS}
            rules[idx] = _replace(
                old,
                patterns=MappingProxyType(new_patterns),
                matchers=MappingProxyType(matchers),
            )

    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise ctx.error(
            _t("must be an array of tables"), key="rules", fix=_t("write [[rules]] blocks")
        )
    for i, table in enumerate(raw_rules):
        rule = _rule(table, ctx, criteria, i)
        if rule.id in ids and rule.id not in disable:
            raise ctx.error(
                _t("this id is already used"),
                key="id",
                rule=rule.id,
                fix=_t("pick another id, or disable the existing rule first"),
            )
        if rule.id in {r.id for r in rules}:
            raise ctx.error(
                _t("this id is defined twice"),
                key="id",
                rule=rule.id,
                fix=_t("give each rule its own id"),
            )
        rules.append(rule)
    if not rules:
        raise ctx.error(
            _t("no rules left to grade with"),
            key="rules",
            fix=_t("keep at least one rule enabled"),
        )
    return Rubric(
        name=name,
        criteria=MappingProxyType(criteria),
        rules=tuple(rules),
        source=source,
        raw=MappingProxyType(dict(data)),
    )


def _replace(rule: Rule, **changes: Any) -> Rule:
    from dataclasses import replace

    return replace(rule, **changes)


def load_rubric(text: str, *, source: str = "<rubric>", base: Rubric | None = None) -> Rubric:
    """Parse and validate a rubric from TOML text.

    `extends = "default"` builds on `base` (or on `default`, the shipped rubric); `replaces = true`
    (or no `extends`) stands alone.
    """
    return _load(text, source, base, check_patterns=True)


def _load(text: str, source: str, base: Rubric | None, *, check_patterns: bool) -> Rubric:
    data = _parse_toml(text, source)
    extends = data.get("extends")
    replaces = data.get("replaces", False)
    if not isinstance(replaces, bool):
        raise RubricError(source, _t("must be true or false"), key="replaces")
    if extends is not None and replaces:
        raise RubricError(
            source,
            _t("a rubric cannot both extend and replace"),
            key="replaces",
            fix=_t('keep extends = "default" or replaces = true, not both'),
        )
    parent: Rubric | None = None
    if extends is not None:
        if extends != "default":
            raise RubricError(
                source,
                _t("cannot extend {name!r}", name=extends),
                key="extends",
                fix=_t('write extends = "default"'),
            )
        parent = base if base is not None else default_rubric()
    return _build(data, source, parent, check_patterns)


@lru_cache(maxsize=1)
def default_rubric() -> Rubric:
    """The rubric shipped in the package (read once; package data, not user I/O)."""
    from importlib import resources  # deferred like tomllib: the browser warms this up after ready

    text = resources.files("checker").joinpath("data", "rubric.toml").read_text(encoding="utf-8")
    # The shipped rubric's patterns are all exercised by the test suite: not checked one by one.
    return _load(text, "checker/data/rubric.toml", None, check_patterns=False)
