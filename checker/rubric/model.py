"""What a rubric is once read: its criteria and rules, the values its keys accept, its errors.

The values shared with the report and the adapters (message kinds, languages, severities) come
from checker/vocabulary.py; those only a rubric uses (rule kinds, measures) are defined here.

The loader (loading.py) builds these from TOML, validating each key (schema.py); the grader and
the rule kinds (checker/rules/) only read them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..texts import Text
from ..texts import text as _t
from ..vocabulary import KINDS, LANGS, MESSAGE_KINDS, SEVERITIES
from .patterns import LazyPattern

RULE_KINDS = (
    "present",
    "absent",
    "metric",
    "placeholder",
    "repetition",
    "role",
    "addressee",
    "duplicate",
)
"""The kinds of rule (a rule's ``kind``): one module each in checker/rules/."""
MEASURES = ("words", "characters", "sentences")
"""What a ``metric`` rule counts."""
INSERT_AT = ("start", "after-greeting", "before-closing", "end-of-body")
"""Where a rule's ``insert`` text goes in the draft (checker/insertion.py resolves it)."""

__all__ = [
    "INSERT_AT",
    "KINDS",
    "LANGS",
    "MEASURES",
    "MESSAGE_KINDS",
    "RULE_KINDS",
    "SEVERITIES",
    "Criterion",
    "Rubric",
    "RubricError",
    "Rule",
]


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
    """One line of the checklist: its weight, whether it is decisive, its label and guide."""

    id: str
    weight: int
    decisive: bool
    label: Mapping[str, str]
    guide: str


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One rule; `matchers` holds its pattern per language (None when it has none), compiled the
    first time a draft in that language needs it.

    `patterns`, `partial` and `veto` are the ones the rule grades with: its own (`own_patterns`,
    `own_partial`, `own_veto`: its `patterns` and `phrases`, and the phrases a trainer added)
    followed by those of the rules it names in `patterns_from`, which the loader resolves once
    every rubric layer has applied (loading.py): what another rule counts as evidence counts here,
    and what it refuses as evidence is refused here too. `veto_from` takes only the named rules'
    veto phrases."""

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
    only_against: bool = False
    """A rule that looks for a slip earns nothing when it finds none: met, it is left out of its
    criterion, so it can lower a score and never raise one (not cutting a sentence is no merit)."""
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    partial: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unless: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    veto: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    measure: str | None = None
    limits: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)
    params: Mapping[str, int] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    veto_roles: tuple[str, ...] = ()
    overshadowed_by: tuple[str, ...] = ()
    unless_roles: tuple[str, ...] = ()
    confidence: int | None = None
    veto_cap: int | None = None
    phrase_floor: int | None = None
    part: str | None = None
    insert: Mapping[str, str] = field(default_factory=dict)
    insert_at: str | None = None
    patterns_from: tuple[str, ...] = ()
    veto_from: tuple[str, ...] = ()
    own_patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    own_partial: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    own_veto: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    partial_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    when_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    unless_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)
    veto_matchers: Mapping[str, LazyPattern | None] = field(default_factory=dict)

    def lazy_patterns(self) -> Iterator[LazyPattern]:
        """Every pattern of the rule, for warming them up in idle time."""
        for table in (
            self.matchers,
            self.partial_matchers,
            self.when_matchers,
            self.unless_matchers,
            self.veto_matchers,
        ):
            yield from (m for m in table.values() if m is not None)


@dataclass(frozen=True, slots=True, eq=False)
class Rubric:
    """A validated rubric. Compared and hashed by identity, so callers can cache per rubric."""

    name: str
    criteria: Mapping[str, Criterion]
    rules: tuple[Rule, ...]
    source: str = "<rubric>"
    disabled: Mapping[str, Rule] = field(default_factory=dict, repr=False)
    """The rules switched off (`disable`, here or in the rubric extended), by id: they grade
    nothing, but a rule's `patterns_from` still reads their patterns."""
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
