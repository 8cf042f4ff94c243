"""`patterns_from`: a rule grades with the patterns of the rules it names, as they stand in the
rubric in force (a trainer's added phrases, disabled and redefined rules), never with a copy; and
the refusals it shares with `veto_from` (test_veto_from.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import LANGS, RubricError, default_rubric, grade, load_rubric
from connecteur_cli.inputs import load_rubric_file

UNION = "intro-reason-or-consent"
NAMED = ("intro-purpose", "intro-benefit", "intro-consent")
# An introduction that says neither why the two should meet nor asks first, but for one sentence
# that no shipped pattern (nor the role model) reads as a purpose.
DRAFTS = {
    "fr": "Bonjour Marie,\n\nJe te présente Sam. Sam se forme au tournage sur bois.\n\nBonne "
    "journée,\nLéa",
    "en": "Hi Nora,\n\nThis is Karl. Karl is restoring old boats.\n\nBest,\nLea",
}
PHRASES = {"fr": "se forme au tournage", "en": "restoring old boats"}


def flagged(text: str, lang: str, rubric=None) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in grade(text, kind="intro", lang=lang, rubric=rubric).findings}


def joined(rubric, ids, lang, key="patterns"):  # type: ignore[no-untyped-def]
    """The named rules' patterns one after the other, each once."""
    return tuple(dict.fromkeys(p for r in ids for p in getattr(rubric.rule(r), key)[lang]))


def test_the_default_union_rule_grades_with_the_three_rules_patterns() -> None:
    rubric = default_rubric()
    union = rubric.rule(UNION)
    assert union.patterns_from == NAMED
    assert not any(union.own_patterns.values())  # no copy left in the rubric file
    for lang in LANGS:
        assert union.patterns[lang] == joined(rubric, NAMED, lang), lang
        assert union.matchers[lang] is not None
        assert set(union.patterns[lang]) == {
            p for r in NAMED for p in rubric.rule(r).patterns[lang]
        }


def test_a_trainers_added_phrase_reaches_the_rule_that_takes_its_patterns(tmp_path: Path) -> None:
    path = tmp_path / "atelier.toml"
    path.write_text(
        'extends = "default"\nname = "atelier"\n[add_phrases.intro-purpose]\n'
        f'fr = ["{PHRASES["fr"]}"]\nen = ["{PHRASES["en"]}"]\n',
        encoding="utf-8",
    )
    rubric = load_rubric_file(str(path))  # as `connecteur grade --rubric atelier.toml` reads it
    for lang in LANGS:
        assert {"intro-purpose", UNION} <= flagged(DRAFTS[lang], lang), lang
        after = flagged(DRAFTS[lang], lang, rubric)
        assert "intro-purpose" not in after and UNION not in after, lang
        assert rubric.rule(UNION).patterns[lang] == joined(rubric, NAMED, lang)
    # The default rubric is untouched.
    assert UNION in flagged(DRAFTS["en"], "en")


def test_a_disabled_rule_still_lends_its_patterns() -> None:
    """Disabling a rule drops its finding, not the evidence other rules take from it; through a
    second layer too, which also sees the phrases the first one added."""
    first = load_rubric(
        'extends = "default"\n[add_phrases.intro-purpose]\n'
        f'fr = ["{PHRASES["fr"]}"]\nen = ["{PHRASES["en"]}"]\n',
        source="first.toml",
    )
    second = load_rubric(
        'extends = "default"\ndisable = ["intro-purpose"]\n[add_phrases.intro-benefit]\n'
        'en = ["is a born sailor"]\n',
        source="second.toml",
        base=first,
    )
    assert "intro-purpose" not in [r.id for r in second.rules]
    assert "intro-purpose" in second.disabled
    union = second.rule(UNION).patterns["en"]
    assert set(first.rule("intro-purpose").patterns["en"]) <= set(union)
    assert any("sailor" in p for p in union)
    after = flagged(DRAFTS["en"], "en", second)
    assert "intro-purpose" not in after and UNION not in after
    third = load_rubric('extends = "default"\nname = "third"', source="third.toml", base=second)
    assert third.rule(UNION).patterns["en"] == union


def test_a_rule_disabled_then_defined_anew_lends_its_new_patterns() -> None:
    rubric = load_rubric(
        'extends = "default"\ndisable = ["intro-purpose"]\n[[rules]]\nid = "intro-purpose"\n'
        'kind = "present"\ncriterion = "objective"\napplies_to = ["intro"]\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
        f'phrases = {{ fr = ["{PHRASES["fr"]}"], en = ["{PHRASES["en"]}"] }}\n',
        source="anew.toml",
    )
    old = default_rubric().rule("intro-purpose").patterns["en"]
    union = rubric.rule(UNION).patterns["en"]
    assert not set(old) & set(union)
    assert union[0] == rubric.rule("intro-purpose").patterns["en"][0]
    assert "intro-purpose" not in rubric.disabled


def test_own_phrases_partial_patterns_and_chains() -> None:
    """A rule's own phrases come first, then the named rules' (a named rule's own patterns_from
    included); partial patterns are joined the same way; phrases added to the rule itself stay."""
    rubric = load_rubric(
        """
        extends = "default"
        [[rules]]
        id = "says-a-plan"
        kind = "present"
        criterion = "objective"
        applies_to = ["intro"]
        message = { en = "m", fr = "m" }
        suggestion = { en = "s", fr = "s" }
        phrases = { en = ["has a plan"], fr = ["a un plan"] }
        partial = { en = ["maybe"], fr = ["peut-être"] }
        [[rules]]
        id = "says-anything"
        kind = "present"
        criterion = "objective"
        applies_to = ["intro"]
        message = { en = "m", fr = "m" }
        suggestion = { en = "s", fr = "s" }
        phrases = { en = ["anything"], fr = ["quoi que ce soit"] }
        patterns_from = ["says-a-plan", "intro-reason-or-consent"]
        [add_phrases.intro-reason-or-consent]
        en = ["wants a word"]
        """,
        source="chain.toml",
    )
    default = default_rubric()
    anything = rubric.rule("says-anything")
    assert anything.patterns["en"] == (
        rubric.rule("says-anything").own_patterns["en"]
        + rubric.rule("says-a-plan").patterns["en"]
        + rubric.rule(UNION).patterns["en"]
    )
    union = rubric.rule(UNION)
    assert (
        len(union.own_patterns["en"]) == 1
        and union.patterns["en"][0] == union.own_patterns["en"][0]
    )
    assert union.patterns["en"][1:] == default.rule(UNION).patterns["en"]
    assert anything.partial["en"] == rubric.rule("says-a-plan").partial["en"]
    assert anything.partial_matchers["en"] is not None
    text = "Hi Nora, this is Karl. He maybe sails. Best, Lea"
    report = grade(text, kind="intro", lang="en", rubric=rubric)
    outcome = next(f for f in report.findings if f.rule == "says-anything")
    assert [s.text for s in outcome.spans] == ["maybe"]  # a partial, pointing at its evidence


@pytest.mark.parametrize("page", ["rubric.md", "rubric.fr.md"])
def test_the_documented_example_loads_and_takes_the_patterns(page: str) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "reference" / page).read_text("utf-8")
    blocks = (b.split("```")[0] for b in doc.split("```toml")[1:])
    block = next(b for b in blocks if "patterns_from" in b)
    rubric = load_rubric(block, source=page)
    default = default_rubric()
    for lang in LANGS:
        taken = rubric.rule("leaves-a-choice").patterns[lang]
        assert taken == joined(default, ("easy-out", "their-convenience"), lang), lang
        added = rubric.rule("intro-purpose").patterns[lang][-1]
        assert added in rubric.rule(UNION).patterns[lang], lang
        assert added not in default.rule(UNION).patterns[lang], lang


def _new_rule(rid: str, extra: str, kind: str = "present") -> str:
    return (
        f'[[rules]]\nid = "{rid}"\nkind = "{kind}"\ncriterion = "objective"\n'
        'applies_to = ["intro"]\nmessage = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
        + extra
    )


ERRORS = [
    (  # an unknown rule, with the closest id
        'extends = "default"\n' + _new_rule("mine", 'patterns_from = ["intro-purpse"]\n'),
        "mine",
        ["cannot take patterns from unknown rule 'intro-purpse'", "did you mean 'intro-purpose'"],
    ),
    (  # a rule naming itself
        'extends = "default"\n'
        + _new_rule("mine", 'phrases = {en=["x"], fr=["x"]}\npatterns_from = ["mine"]\n'),
        "mine",
        ["cannot take patterns from itself", "remove 'mine' from patterns_from"],
    ),
    (  # two rules naming each other
        'extends = "default"\n'
        + _new_rule("one", 'patterns_from = ["two"]\n')
        + _new_rule("two", 'patterns_from = ["intro-consent", "one"]\n'),
        "two",
        ["in a circle: one → two → one"],
    ),
    (  # a longer circle, entered from outside it
        'extends = "default"\n'
        + _new_rule("entry", 'patterns_from = ["a"]\n')
        + _new_rule("a", 'patterns_from = ["b"]\n')
        + _new_rule("b", 'patterns_from = ["c"]\n')
        + _new_rule("c", 'patterns_from = ["a"]\n'),
        "c",
        ["in a circle: a → b → c → a"],
    ),
    (  # a named rule of a kind without patterns
        'extends = "default"\n'
        + _new_rule("mine", 'patterns_from = ["intro-purpose", "length-too-long"]\n'),
        "mine",
        ["cannot take patterns from 'length-too-long': a 'metric' rule has none"],
    ),
    (  # a named rule redefined as a kind without patterns: the rule naming it is refused
        'extends = "default"\ndisable = ["intro-purpose"]\n'
        + _new_rule("intro-purpose", 'roles = ["purpose"]\n', kind="role"),
        UNION,
        ["cannot take patterns from 'intro-purpose': a 'role' rule has none"],
    ),
    (  # a rule of a kind without patterns cannot take any
        'extends = "default"\n'
        + _new_rule("mine", 'roles = ["pressure"]\npatterns_from = ["intro-purpose"]\n', "role"),
        "mine",
        ["a 'role' rule has no patterns"],
    ),
    (
        'extends = "default"\n' + _new_rule("mine", "patterns_from = []\n"),
        "mine",
        ["must be a non-empty list of rule ids"],
    ),
    (
        'extends = "default"\n' + _new_rule("mine", 'patterns_from = "intro-purpose"\n'),
        "mine",
        ["must be a non-empty list of rule ids"],
    ),
    (  # the named rules leave a language of the rule without patterns
        'extends = "default"\n'
        + _new_rule("fr-only", 'langs = ["fr"]\nphrases = {fr=["x"]}\n')
        + _new_rule("both", 'patterns_from = ["fr-only"]\n'),
        "both",
        ["no pattern for language 'en'"],
    ),
]


VETO_ERRORS = [  # veto_from shares the refusals of patterns_from, in its own words
    (
        'extends = "default"\n'
        + _new_rule("mine", 'roles = ["purpose"]\nveto_from = ["conect-link"]\n'),
        "mine",
        ["cannot take vetoes from unknown rule 'conect-link'", "did you mean 'connect-link'"],
    ),
    (
        'extends = "default"\n' + _new_rule("mine", 'roles = ["purpose"]\nveto_from = ["mine"]\n'),
        "mine",
        ["cannot take vetoes from itself", "remove 'mine' from veto_from"],
    ),
    (
        'extends = "default"\n'
        + _new_rule("one", 'roles = ["purpose"]\nveto_from = ["two"]\n')
        + _new_rule("two", 'roles = ["purpose"]\nveto_from = ["connect-link", "one"]\n'),
        "two",
        ["vetoes from each other in a circle: one → two → one"],
    ),
    (
        'extends = "default"\n'
        + _new_rule("mine", 'roles = ["purpose"]\nveto_from = ["bounded-ask"]\n'),
        "mine",
        ["cannot take vetoes from 'bounded-ask': it has none"],
    ),
    (
        'extends = "default"\n'
        + _new_rule(
            "mine",
            'roles = ["purpose"]\nphrases = {en=["x"], fr=["x"]}\nveto_from = ["connect-link"]\n',
            "absent",
        ),
        "mine",
        ["a 'absent' rule takes no veto"],
    ),
    (
        'extends = "default"\n' + _new_rule("mine", 'roles = ["purpose"]\nveto_from = []\n'),
        "mine",
        ["must be a non-empty list of rule ids"],
    ),
]


@pytest.mark.parametrize(
    ("text", "rule", "needles", "key"),
    [(*case, "patterns_from") for case in ERRORS] + [(*case, "veto_from") for case in VETO_ERRORS],
)
def test_errors_name_the_file_the_rule_and_the_key(
    text: str, rule: str, needles: list[str], key: str
) -> None:
    with pytest.raises(RubricError) as info:
        load_rubric(text, source="atelier.toml")
    err = info.value
    assert (err.source, err.rule, err.key) == ("atelier.toml", rule, key)
    message = str(err)
    assert message.startswith(f"atelier.toml: rule {rule!r}: key {key!r}: "), message
    for needle in needles:
        assert needle in message, message
    french = err.render("fr")
    assert french.startswith("atelier.toml") and repr(rule) in french, french
    assert key in french, french
    # The problem and its fix are in French: the French catalogue translates them.
    for part in (err.problem, err.fix):
        assert part is not None and part.render("fr") != part.render("en"), part  # type: ignore[union-attr]
