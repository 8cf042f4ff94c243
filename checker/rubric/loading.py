"""Reading a rubric: TOML text, then inheritance (extends, replaces, disable, add_phrases), then
each rule's `patterns_from` and `veto_from` (the patterns or vetoes of the rules it names, as they
stand in this rubric).

`load_rubric` reads a trainer's rubric, `default_rubric` the one shipped in the package. A rubric
is either fully valid or refused with a `RubricError` naming the file, the rule and the key, with
a fix: a trainer must never grade a class against half a rubric without knowing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..texts import text as _t
from .model import LANGS, Criterion, Rubric, RubricError, Rule
from .patterns import phrase_to_pattern
from .schema import (
    _ID_RE,
    PATTERN_RULE_KINDS,
    _check_keys,
    _compile,
    _criterion,
    _Ctx,
    _did_you_mean,
    _per_lang_strings,
    _rule,
    _str,
    require_patterns,
)

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
    disabled = dict(base.disabled) if base else {}
    disabled.update((r.id, r) for r in rules if r.id in set(disable))
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
            if old.kind not in PATTERN_RULE_KINDS:
                raise rc.error(
                    _t("a {kind!r} rule has no phrases", kind=old.kind),
                    key=key,
                    fix=_t("add phrases to a present, absent or placeholder rule"),
                )
            phrases = _per_lang_strings(per_lang, rc, key)
            new_patterns = dict(old.own_patterns)  # patterns_from is resolved below
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
            rules[idx] = replace(
                old,
                patterns=MappingProxyType(new_patterns),
                own_patterns=MappingProxyType(new_patterns),
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
    for rule in rules:
        disabled.pop(rule.id, None)  # a rule disabled, then defined anew: the new one counts
    return Rubric(
        name=name,
        criteria=MappingProxyType(criteria),
        rules=_resolve_patterns_from(rules, disabled, source),
        source=source,
        disabled=MappingProxyType(disabled),
    )


def _resolve_patterns_from(
    rules: list[Rule], disabled: Mapping[str, Rule], source: str
) -> tuple[Rule, ...]:
    """Each rule with `patterns_from` grades with its own patterns, partial patterns and veto
    phrases followed by those of the rules it names (in their order, each pattern once): evidence
    for a named rule is evidence here, and what it refuses as evidence is refused here too. A rule
    with `veto_from` takes only the veto phrases of the rules it names ("we're both in fintech" is
    no link, so no reason to connect either). They stand as once this rubric has disabled, added
    phrases and defined rules; a named rule that takes patterns or vetoes from others brings
    theirs too. A disabled rule still lends its patterns: disabling drops a finding, not a phrase
    that other rules count as evidence.

    Refused, naming the rule and the key: a rule naming itself, an unknown rule, a rule of a kind
    without patterns (`patterns_from`) or a rule with no veto (`veto_from`), and rules that take
    from each other in a circle.
    """
    pool = {**disabled, **{r.id: r for r in rules}}
    done: dict[str, Rule] = {}

    def named_rule(rule: Rule, name: str, key: str, path: tuple[str, ...], c: _Ctx) -> Rule:
        """The rule `name` names, resolved, once the checks common to both keys have passed."""
        vetoes = key == "veto_from"
        if name == rule.id:
            raise c.error(
                _t("a rule cannot take vetoes from itself")
                if vetoes
                else _t("a rule cannot take patterns from itself"),
                key=key,
                fix=_t("remove {rule!r} from {key}", rule=name, key=key),
            )
        named = pool.get(name)
        if named is None:
            raise c.error(
                _t("cannot take vetoes from unknown rule {rule!r}", rule=name)
                if vetoes
                else _t("cannot take patterns from unknown rule {rule!r}", rule=name),
                key=key,
                fix=_did_you_mean(name, sorted(pool)),
            )
        if not vetoes and named.kind not in PATTERN_RULE_KINDS:
            raise c.error(
                _t(
                    "cannot take patterns from {rule!r}: a {kind!r} rule has none",
                    rule=name,
                    kind=named.kind,
                ),
                key=key,
                fix=_t("name present, absent or placeholder rules"),
            )
        if name in path:
            circle = " → ".join((*path[path.index(name) :], rule.id, name))
            raise c.error(
                _t("rules take their vetoes from each other in a circle: {circle}", circle=circle)
                if vetoes
                else _t(
                    "rules take their patterns from each other in a circle: {circle}",
                    circle=circle,
                ),
                key=key,
                fix=_t("remove {rule!r} from {key}", rule=name, key=key),
            )
        named = resolve(named, (*path, rule.id))
        if vetoes and not named.veto:
            raise c.error(
                _t("cannot take vetoes from {rule!r}: it has none", rule=name),
                key=key,
                fix=_t("name rules that have veto phrases"),
            )
        return named

    def resolve(rule: Rule, path: tuple[str, ...]) -> Rule:
        if not rule.patterns_from and not rule.veto_from:
            return rule
        if rule.id in done:
            return done[rule.id]
        c = _Ctx(source, rule.id, check_patterns=False)  # every pattern was checked as read
        patterns = {lang: list(rule.own_patterns.get(lang, ())) for lang in LANGS}
        partial = {lang: list(rule.own_partial.get(lang, ())) for lang in LANGS}
        veto = {lang: list(rule.own_veto.get(lang, ())) for lang in LANGS}
        for name in rule.patterns_from:
            named = named_rule(rule, name, "patterns_from", path, c)
            for lang in LANGS:
                patterns[lang] += named.patterns.get(lang, ())
                partial[lang] += named.partial.get(lang, ())
                veto[lang] += named.veto.get(lang, ())
        for name in rule.veto_from:
            named = named_rule(rule, name, "veto_from", path, c)
            for lang in LANGS:
                veto[lang] += named.veto.get(lang, ())
        union = {lang: tuple(dict.fromkeys(p)) for lang, p in patterns.items() if p}
        weak = {lang: tuple(dict.fromkeys(p)) for lang, p in partial.items() if p}
        refused = {lang: tuple(dict.fromkeys(p)) for lang, p in veto.items() if p}
        if rule.patterns_from:
            require_patterns(
                rule.kind, bool(rule.roles or rule.part), union, rule.langs, c, "patterns_from"
            )
        done[rule.id] = replace(
            rule,
            patterns=MappingProxyType(union),
            partial=MappingProxyType(weak),
            matchers=MappingProxyType(
                {lang: _compile(union.get(lang, ()), c, "patterns_from") for lang in LANGS}
            ),
            partial_matchers=MappingProxyType(
                {lang: _compile(weak.get(lang, ()), c, "patterns_from") for lang in LANGS}
            ),
            veto=MappingProxyType(refused),
            veto_matchers=MappingProxyType(
                {lang: _compile(refused.get(lang, ()), c, "veto_from") for lang in LANGS}
            ),
        )
        return done[rule.id]

    return tuple(resolve(rule, ()) for rule in rules)


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
    # Deferred like tomllib: the browser warms this up after ready.
    from ..package_data import read

    text = read("data", "rubric.toml").decode("utf-8")
    # The shipped rubric's patterns are all exercised by the test suite: not checked one by one.
    return _load(text, "checker/data/rubric.toml", None, check_patterns=False)
