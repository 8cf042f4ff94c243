"""Insert, don't just tell: a missing element's text, placed by the core at a code-point offset.

The offset comes from the report's parts (checker/insertion.py), so that the widget inserts the
text as is; the first placeholder is selected, and stays flagged by no-placeholder until filled.
"""

from __future__ import annotations

import re

import pytest

from checker import RubricError, default_rubric, grade, load_rubric
from checker.insertion import PLACEHOLDER_RE
from checker.model import Finding


def finding(text: str, rule: str, kind: str = "request", lang: str | None = None) -> Finding:
    report = grade(text, kind=kind, lang=lang)
    return next(f for f in report.findings if f.rule == rule)


def applied(text: str, f: Finding) -> str:
    assert f.insert is not None
    return text[: f.insert.at] + f.insert.text + text[f.insert.at :]


FULL = "Subject: a question\nHi Anna,\n\nI would like to meet you.\n\nThanks,\nSam\nsam@example.org"


def test_before_closing_goes_between_the_body_and_the_closing_as_a_paragraph() -> None:
    f = finding(FULL, "bounded-ask")
    assert f.insert is not None and f.insert.at == FULL.index("you.") + len("you.")
    assert applied(FULL, f) == (
        "Subject: a question\nHi Anna,\n\nI would like to meet you.\n\n"
        "A call of [20 minutes] would be plenty, at a time that suits.\n\n"
        "Thanks,\nSam\nsam@example.org"
    )


def test_after_greeting_goes_after_the_greeting_with_the_drafts_own_line_breaks() -> None:
    f = finding(FULL, "objective-stated")
    assert f.insert is not None and f.insert.at == FULL.index("Anna,") + len("Anna,")
    new = applied(FULL, f)
    assert new.startswith("Subject: a question\nHi Anna,\n\nI am writing because [")
    assert new.endswith("decide].\n\nI would like to meet you.\n\nThanks,\nSam\nsam@example.org")


def test_without_closing_the_text_goes_before_the_signature() -> None:
    text = "Hi Anna,\n\nI would like to meet you.\n\nSam Carter\nsam@example.org"
    report = grade(text)
    assert "closing" not in [p.part for p in report.parts]
    assert "signature" in [p.part for p in report.parts]
    f = next(f for f in report.findings if f.rule == "closing")
    assert f.insert is not None
    assert applied(text, f) == (
        "Hi Anna,\n\nI would like to meet you.\n\nThank you for your time.\n\n"
        "Sam Carter\nsam@example.org"
    )


def test_one_line_draft_gets_sentences_on_the_same_line() -> None:
    text = "I would like to meet you."
    report = grade(text)
    assert [p.part for p in report.parts] == ["body"]
    by_rule = {f.rule: f for f in report.findings}
    assert applied(text, by_rule["greeting"]) == "Hello [name], I would like to meet you."
    assert by_rule["greeting"].insert is not None and by_rule["greeting"].insert.at == 0
    assert applied(text, by_rule["closing"]) == "I would like to meet you. Thank you for your time."
    assert applied(text, by_rule["objective-stated"]).endswith("decide]. I would like to meet you.")


def test_inline_closing_on_the_bodys_line() -> None:
    text = "Hi Anna, could we meet? Thanks"
    f = finding(text, "bounded-ask")
    assert applied(text, f) == (
        "Hi Anna, could we meet? A call of [20 minutes] would be plenty, at a time that "
        "suits. Thanks"
    )


def test_offsets_are_code_points_after_astral_characters() -> None:
    text = "Bonjour Anna 👋,\nJe voudrais vous rencontrer 🙂.\nCordialement\nSam"
    f = finding(text, "bounded-ask", lang="fr")
    assert f.insert is not None
    assert f.insert.at == text.index("🙂.") + 2  # a Python str index: one per code point
    new = applied(text, f)
    assert "🙂.\nUn appel de [20 minutes] suffirait, au moment qui convient.\nCordialement" in new
    assert f.insert.select is not None
    start, end = f.insert.select
    assert new[start:end] == "[20 minutes]"


def test_the_select_is_the_first_placeholder_and_a_text_without_one_selects_nothing() -> None:
    text = "Hello Anna,\n\nI would like to meet you.\n\nThanks,\nSam"
    report = grade(text)
    by_rule = {f.rule: f for f in report.findings}
    objective = by_rule["objective-stated"]
    assert objective.insert is not None and objective.insert.select is not None
    new = applied(text, objective)
    assert new[slice(*objective.insert.select)] == "[what you are working on]"
    easy = by_rule["easy-out"]
    assert easy.insert is not None and easy.insert.select is None
    d = easy.to_dict()["insert"]
    assert d == {"at": easy.insert.at, "text": easy.insert.text, "select": None}


def test_a_finding_without_insert_says_null() -> None:
    text = "Hello Anna, pls call me asap. Cdt"
    report = grade(text).to_dict()
    assert report["schema"] == "connecteur.report/3"
    shorthand = next(f for f in report["findings"] if f["rule"] == "no-shorthand")
    assert shorthand["insert"] is None


def test_the_insert_is_in_the_drafts_language() -> None:
    f = finding("Bonjour, pourriez-vous me rappeler demain ?", "bounded-ask", lang="fr")
    assert f.insert is not None and "[20 minutes]" in f.insert.text
    assert f.insert.text.strip().startswith("Un appel de")


def _insert_cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for rule in default_rubric().rules:
        if rule.insert_at is None:
            continue
        for lang in rule.langs:
            for kind in rule.applies_to:
                for text in rule.examples.get(lang, {}).get("fail", ()):
                    cases.append((rule.id, kind, lang, text))
    return cases


@pytest.mark.parametrize(("rule", "kind", "lang", "text"), _insert_cases())
def test_inserting_flags_the_placeholder_and_filling_it_meets_the_rule(
    rule: str, kind: str, lang: str, text: str
) -> None:
    report = grade(text, kind=kind, lang=lang)
    found = [f for f in report.findings if f.rule == rule]
    if not found:
        pytest.skip("this failing example fails for this kind by another rule")
    f = found[0]
    assert f.insert is not None
    new = applied(text, f)
    placeholders = grade(new, kind=kind, lang=lang)
    flagged = [x for x in placeholders.findings if x.rule == "no-placeholder"]
    assert bool(flagged) == bool(PLACEHOLDER_RE.search(f.insert.text))
    if flagged and f.insert.select is not None:
        start, end = f.insert.select
        assert any(s.start == start and s.end == end for s in flagged[0].spans)
    filled = re.sub(r"\[([^\[\]]*)\]", r"\1", new)
    assert rule not in [x.rule for x in grade(filled, kind=kind, lang=lang).findings]


def test_rules_that_insert_are_the_missing_elements() -> None:
    inserting = {r.id for r in default_rubric().rules if r.insert_at is not None}
    assert {
        "objective-stated",
        "bounded-ask",
        "easy-out",
        "ask-let-them-decline",
        "greeting",
        "closing",
        "ask-forwardable",
        "intro-consent",
    } <= inserting
    for rule in default_rubric().rules:
        if rule.insert_at is not None:
            assert rule.kind == "present" and set(rule.insert) == {"en", "fr"}


BASE = (
    'extends = "default"\n[[rules]]\nid = "my-rule"\nkind = "present"\ncriterion = "honesty"\n'
    'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
    'phrases = {en=["x"], fr=["x"]}\n'
)


def test_a_trainer_rule_can_insert() -> None:
    rubric = load_rubric(
        BASE + 'insert_at = "end-of-body"\ninsert = {en="See [link].", fr="Voir [lien]."}',
        source="t.toml",
    )
    rule = rubric.rule("my-rule")
    assert rule.insert_at == "end-of-body" and rule.insert["fr"] == "Voir [lien]."
    text = "Hi Anna,\n\nI would like to meet you.\n\nThanks,\nSam"
    f = next(f for f in grade(text, rubric=rubric).findings if f.rule == "my-rule")
    assert (
        applied(text, f) == "Hi Anna,\n\nI would like to meet you.\n\nSee [link].\n\nThanks,\nSam"
    )


@pytest.mark.parametrize(
    ("extra", "key", "needle"),
    [
        ('insert_at = "before-closng"\ninsert = {en="a", fr="b"}', "insert_at", "before-closing"),
        ('insert_at = 3\ninsert = {en="a", fr="b"}', "insert_at", "is not accepted"),
        ('insert_at = "start"', "insert", "insert_at needs insert"),
        ('insert = {en="a", fr="b"}', "insert_at", "insert needs insert_at"),
        ('insert_at = "start"\ninsert = {en="a"}', "insert.fr", "the 'fr' text is missing"),
        ('insert_at = "start"\ninsert = "a"', "insert", "must be a table"),
        (
            'insert_at = "start"\ninsert = {en="[' + "x" * 41 + ']", fr="b"}',
            "insert.en",
            "is not flagged until filled",
        ),
        ('insert_at = "start"\ninsert = {en="[]", fr="b"}', "insert.en", "not flagged"),
    ],
)
def test_schema_rejects_a_bad_insert_naming_file_rule_and_key(
    extra: str, key: str, needle: str
) -> None:
    with pytest.raises(RubricError) as info:
        load_rubric(BASE + extra, source="trainer.toml")
    err = info.value
    message = str(err)
    assert message.startswith("trainer.toml: rule 'my-rule': key "), message
    assert err.rule == "my-rule" and err.key == key and repr(key) in message
    assert needle in message, message
    assert err.render("fr") != message  # the same error, in French


def test_only_a_present_rule_inserts() -> None:
    text = BASE.replace('kind = "present"', 'kind = "absent"') + (
        'insert_at = "start"\ninsert = {en="a", fr="b"}'
    )
    with pytest.raises(RubricError) as info:
        load_rubric(text, source="trainer.toml")
    assert info.value.key == "insert" and "only a 'present' rule" in str(info.value)
