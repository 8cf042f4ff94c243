"""Hostile and malformed rubric files: each is refused by `connecteur rules --rubric`, with one
clear line naming the file (and the rule and key, where there is one), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from connecteur_cli.cli import EXIT_INPUT, EXIT_RUBRIC, main

HOSTILE = Path(__file__).parent / "hostile_rubrics"

# file: (words of the message, rule, key, exit code)
EXPECTED: dict[str, tuple[str, str | None, str | None, int]] = {
    "catastrophic_nested_plus.toml": ("could make grading hang", "nested-plus", "patterns", 4),
    "catastrophic_same_alternatives.toml": (
        "alternatives that can match the same text",
        "same-alternatives",
        "patterns",
        4,
    ),
    "catastrophic_prefix_alternatives.toml": (
        "alternatives that can match the same text",
        "prefix-alternatives",
        "patterns",
        4,
    ),
    "catastrophic_words_and_spaces.toml": (
        "could make grading hang",
        "words-and-spaces",
        "patterns",
        4,
    ),
    "catastrophic_letters_then_bang.toml": (
        "could make grading hang",
        "letters-then-bang",
        "patterns",
        4,
    ),
    "catastrophic_twenty_gaps.toml": ("could make grading hang", "twenty-gaps", "patterns", 4),
    "catastrophic_in_unless.toml": ("could make grading hang", "quiet-unless", "unless", 4),
    "catastrophic_in_a_replacing_rubric.toml": (
        "could make grading hang",
        "optional-digits",
        "patterns",
        4,
    ),
    "backreference_in_a_loop.toml": (
        "back-reference inside a repetition",
        "doubled",
        "patterns",
        4,
    ),
    "empty_loop.toml": ("can match nothing", "maybe-nothing", "patterns", 4),
    "invalid_regex.toml": ("not a valid regular expression", "unclosed", "patterns", 4),
    "deeply_nested_pattern.toml": ("maximum recursion depth", "deep-groups", "patterns", 4),
    "bad_toml.toml": ("not valid TOML", None, None, 4),
    "deeply_nested_toml.toml": ("not valid TOML", None, None, 4),
    "empty.toml": ("needs a name", None, "name", 4),
    "wrong_type_weight.toml": (
        "must be an integer from 0 to 100",
        None,
        "criteria.courtesy.weight",
        4,
    ),
    "wrong_type_patterns.toml": (
        "must be a table of lists per language",
        "flat-patterns",
        "phrases",
        4,
    ),
    "wrong_type_message.toml": ("must be a table with 'en' and 'fr'", "one-language", "message", 4),
    "unknown_top_key.toml": ("unknown key in the rubric", None, "rulez", 4),
    "unknown_rule_key.toml": ("did you mean 'severity'?", "typo-key", "sevrity", 4),
    "unknown_rule_disabled.toml": ("cannot disable unknown rule", "no-shorthnd", "disable", 4),
    "unknown_rule_added_to.toml": ("unknown rule 'no-such-rule'", "no-such-rule", "add_phrases", 4),
    "unknown_rule_kind.toml": ("'forbidden' is not accepted", "forbidden-words", "kind", 4),
    "unknown_criterion.toml": (
        "criterion 'politeness' is not defined",
        "no-criterion",
        "criterion",
        4,
    ),
    "huge_list.toml": ("1001 entries is too many (at most 1000)", "too-many", "phrases.en", 4),
    "huge_phrase.toml": (
        "an entry of 5001 characters is too long",
        "no-shorthand",
        "add_phrases.fr",
        4,
    ),
    "not_utf8.toml": ("is not UTF-8 text (byte 36)", None, None, 3),
    "binary.toml": ("looks binary", None, None, 3),
}


def test_every_file_of_the_corpus_has_its_expectation() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_rubric_is_refused_naming_file_rule_and_key(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    needle, rule, key, code = EXPECTED[name]
    monkeypatch.setenv("LC_ALL", "C")
    path = str(HOSTILE / name)
    assert main(["rules", "--rubric", path]) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("connecteur: ") and err.count("\n") == 1, err
    assert path in err and needle in err, err
    assert "Traceback" not in err
    if rule:
        assert f"rule {rule!r}" in err, err
    if key:
        assert f"key {key!r}" in err, err
    assert code in (EXIT_RUBRIC, EXIT_INPUT)


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("catastrophic")))
def test_the_refusal_speaks_french_too(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    _needle, rule, key, code = EXPECTED[name]
    assert main(["rules", "--rubric", str(HOSTILE / name)]) == code
    err = capsys.readouterr().err
    assert f"règle {rule!r}\u00a0: clé {key!r}\u00a0: le motif" in err, err
    assert "risque de bloquer la notation" in err or "alternatives" in err, err
    assert "utilisez une expression littérale (clé 'phrases')" in err
    assert "{0,60}" in err
