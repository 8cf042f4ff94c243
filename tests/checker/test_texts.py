"""The core's messages for people in both languages, from the catalogues: values are rendered in
the message's language, and a rubric error reads in French with its file, rule, key and fix (the
catalogues themselves are checked in tests/checker/test_catalogues.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from message_catalogue import extracted_in

import checker
from checker.texts import Text, catalogue, counted, in_context, text

PACKAGE = Path(checker.__file__).parent


def test_the_package_has_messages_to_translate() -> None:
    assert len(extracted_in(PACKAGE)) > 50


def test_values_are_rendered_in_the_same_language() -> None:
    message = text("unknown key in {where}", where=text("the rubric"))
    assert str(message) == "unknown key in the rubric"
    assert message.render("fr") == "clé inconnue dans la grille"


def test_the_catalogue_is_read_with_the_standard_library() -> None:
    import gettext

    assert isinstance(catalogue("fr"), gettext.GNUTranslations)
    assert catalogue("fr").gettext("Needs work") == "À retravailler"
    assert catalogue("en").gettext("Needs work") == "Needs work"


def test_a_context_tells_the_same_english_words_apart() -> None:
    assert text("French").render("fr") == "français"
    assert in_context("language option", "French").render("fr") == "Français"


@pytest.mark.parametrize(
    ("count", "french"),
    [(0, "0 brouillon noté"), (1, "1 brouillon noté"), (2, "2 brouillons notés")],
)
def test_counts_take_the_plural_of_their_language(count: int, french: str) -> None:
    message = counted(
        "graded {count} draft into {path}", "graded {count} drafts into {path}", count, path="x.csv"
    )
    assert message.render("fr") == f"{french} dans x.csv"
    english = "draft" if count == 1 else "drafts"
    assert str(message) == f"graded {count} {english} into x.csv"


def test_a_message_missing_from_the_catalogue_shows_its_english() -> None:
    assert Text("no such message {x}", (("x", 1),)).render("fr") == "no such message 1"


def test_a_rubric_error_reads_in_french_with_its_file_rule_key_and_fix() -> None:
    bad = '[[rules]]\nid = "x"\nkind = "absent"\ncriterion = "objectve"\n'
    bad += "message = 1\nsuggestion = 1\n"
    with pytest.raises(checker.RubricError) as caught:
        checker.load_rubric('extends = "default"\n' + bad, source="atelier.toml")
    error = caught.value
    assert str(error) == (
        "atelier.toml: rule 'x': key 'criterion': criterion 'objectve' is not defined "
        "(did you mean 'objective'?)"
    )
    assert error.render("fr") == (
        "atelier.toml\u00a0: règle 'x'\u00a0: clé 'criterion'\u00a0: le critère 'objectve' "
        "n’est pas défini (vouliez-vous dire 'objective'\u00a0?)"
    )
