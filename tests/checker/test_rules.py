"""Every rule proves itself on its own examples; no rule ships without them (as in proselint)."""

from __future__ import annotations

import re

import pytest

from checker import KINDS, LANGS, default_rubric
from checker.draft import prepare
from checker.folding import fold
from checker.roles import RoleModel, default_model
from checker.rules import evaluate

RUBRIC = default_rubric()

# The site map's heading anchors (ARCHITECTURE.md): every rule's guide must be one of them.
ANCHORS = {
    "guide/motivated-request/": [
        "objective",
        "why-them",
        "small-ask",
        "not-a-pitch",
        "who-you-are",
        "easy-out",
        "courtesy",
        "reread",
        "length",
        "two-requests",
    ],
    "guide/asking-for-an-introduction/": [
        "easy-for-the-connector",
        "forwardable",
        "honest-relationship",
        "tie-strength",
        "let-them-decline",
        "entitlement",
    ],
    "guide/connector-as-guarantor/": [
        "triple-trust",
        "vetting",
        "countersign",
        "double-opt-in",
        "declining",
    ],
    "guide/callbacks/": ["defer", "prepare", "caller-side"],
    "guide/fake-networkers/": [
        "friend-of-a-friend",
        "hand-off",
        "mass-messages",
        "placeholders",
        "leftovers",
        "harassment",
        "ask-to-motivate",
        "reputation",
    ],
    "guide/strong-and-weak-ties/": ["granovetter", "first-circle", "cultivate", "what-to-ask"],
    "guide/online-and-in-person/": ["connection-requests", "online-is-not-a-relationship", "meet"],
    "guide/after-the-meeting/": ["thank", "report-back", "keep-alive"],
}
GUIDE_LINKS = {page + "#" + a for page, anchors in ANCHORS.items() for a in anchors}


def outcome(rule_id: str, text: str, lang: str) -> float | None:
    rule = RUBRIC.rule(rule_id)
    kind = rule.applies_to[0]
    return evaluate(rule, prepare(text, fold(text), kind, lang, default_model())).value


CASES = [
    pytest.param(rule.id, lang, verdict, text, id=f"{rule.id}-{lang}-{verdict}-{i}")
    for rule in RUBRIC.rules
    for lang, table in rule.examples.items()
    for verdict in ("pass", "fail")
    for i, text in enumerate(table[verdict])
]


@pytest.mark.parametrize(("rule_id", "lang", "verdict", "text"), CASES)
def test_rule_examples(rule_id: str, lang: str, verdict: str, text: str) -> None:
    value = outcome(rule_id, text, lang)
    if verdict == "pass":
        assert value in (1.0, None) and value is not None, f"{rule_id} fires on its pass example"
    else:
        assert value is not None and value < 1.0, f"{rule_id} misses its fail example"


@pytest.mark.parametrize("rule", RUBRIC.rules, ids=lambda r: r.id)
def test_rule_is_complete(rule) -> None:  # type: ignore[no-untyped-def]
    for lang in LANGS:
        assert rule.message[lang].strip() and rule.suggestion[lang].strip()
        assert rule.examples.get(lang, {}).get("pass"), f"{rule.id}: no pass example in {lang}"
        assert rule.examples.get(lang, {}).get("fail"), f"{rule.id}: no fail example in {lang}"
    assert rule.guide in GUIDE_LINKS, f"{rule.id}: guide {rule.guide!r} is not a site anchor"
    assert set(rule.applies_to) <= set(KINDS)


def test_criteria_link_to_site_anchors() -> None:
    for crit in RUBRIC.criteria.values():
        assert crit.guide in GUIDE_LINKS, crit.id
        assert crit.label["fr"] and crit.label["en"]


def test_rule_ids_are_unique_and_url_safe() -> None:
    ids = [r.id for r in RUBRIC.rules]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) for i in ids)


def test_present_rules_carry_an_example_phrase_to_add() -> None:
    """A "present" rule that fails must tell the writer what to add, in quotes."""
    for rule in RUBRIC.rules:
        if rule.kind == "present":
            for lang in LANGS:
                s = rule.suggestion[lang]
                assert ("«" in s and "»" in s) or '"' in s, (rule.id, lang)


def test_every_kind_has_its_decisive_objective() -> None:
    for kind in KINDS:
        assert any(
            r.criterion == "objective" and r.cap is not None and kind in r.applies_to
            for r in RUBRIC.rules
        ), kind


def _model_reading(word: str, scores: dict[str, float]) -> RoleModel:
    """A stand-in role model: a sentence holding `word` gets `scores` (logits), others nothing."""
    shipped = default_model()
    return RoleModel(
        roles=shipped.roles,
        bias=tuple(-20.0 for _ in shipped.roles),
        # Flat, in thousandths, as the model's file has them: role, weight, role, weight...
        weights={
            "w:" + word: [
                v
                for role, z in scores.items()
                for v in (shipped.roles.index(role), round(1000 * (20 + z)))
            ]
        },
        thresholds=shipped.thresholds,
        digest="test",
    )


@pytest.mark.parametrize(
    ("vague", "passes"),
    [(-1.0, True), (1.0, False)],
    ids=["purpose-surer-than-vague", "vague-surer-than-purpose"],
)
def test_a_vague_sentence_is_no_role_evidence_either(vague: float, passes: bool) -> None:
    """A sentence the model reads as a purpose is evidence, unless it reads it more surely as vague:
    the veto holds for role evidence as it does for phrases (and a vague direction earns half)."""
    text = "Hello Ms Chen, could we talk about more mentorship. Best regards, Sam"
    model = _model_reading("mentorship", {"purpose": 0.0, "vague": vague})
    draft = prepare(text, fold(text), "request", "en", model)
    outcome = evaluate(RUBRIC.rule("objective-stated"), draft)
    # A direction in vague words is worth half, under the rule's veto_cap, not nothing.
    assert outcome.value == (1.0 if passes else 0.5)
    assert passes or outcome.cap == RUBRIC.rule("objective-stated").veto_cap


@pytest.mark.parametrize(
    ("sentence", "word", "value"),
    [
        # The rule's own phrase ("opening at") is about the veto phrase ("any opening"): nothing.
        ("I am interested in any opening at your company.", "opening", 0.0),
        ("Je suis à la recherche d’opportunités dans le marketing.", "marketing", 0.0),
        # A direction in vague words: the own phrase ("I'm trying to") stands apart.
        ("I'm trying to get into fintech.", "fintech", 0.5),
    ],
)
def test_an_own_phrase_about_a_veto_phrase_is_no_direction_either(
    sentence: str, word: str, value: float
) -> None:
    """A phrase of the rule that names a veto phrase as its object is no evidence, not even of a
    vague direction; one that stands apart from it still earns the direction's half when the
    model reads the sentence as vague."""
    lang = "fr" if "recherche" in sentence else "en"
    text = ("Bonjour Madame Chen, " if lang == "fr" else "Hello Ms Chen, ") + sentence
    model = _model_reading(word, {"purpose": -1.0, "vague": 1.0})
    draft = prepare(text, fold(text), "request", lang, model)
    outcome = evaluate(RUBRIC.rule("objective-stated"), draft)
    assert outcome.value == value


@pytest.mark.parametrize(
    ("purpose", "value"),
    [(-1.0, 1.0), (-5.0, 0.5)],
    ids=["model-near-the-purpose", "model-denies-the-purpose"],
)
def test_a_phrase_the_model_denies_is_only_a_vague_direction(purpose: float, value: float) -> None:
    """With `phrase_floor`, the objective's phrase ("about what …") counts only where the model
    gives a purpose at least that share of its threshold: near it (0.27 against 0.30), the phrase
    finds the objective; far below (0.007), it is a direction in vague words under `veto_cap`."""
    rule = RUBRIC.rule("objective-stated")
    assert rule.phrase_floor
    text = "Hello Ms Chen, I'm always happy to talk shop about what I'm learning too."
    model = _model_reading("shop", {"purpose": purpose})
    draft = prepare(text, fold(text), "request", "en", model)
    outcome = evaluate(rule, draft)
    assert outcome.value == value
    if value < 1.0:
        assert outcome.cap == rule.veto_cap
        assert any("talk shop" in text[s:e] for s, e in outcome.spans)
