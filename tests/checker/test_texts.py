"""The core's messages for people in both languages: every template has a French twin that fills
the same values (the command line's own messages are checked in tests/cli/test_cli_texts.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from message_catalogue import fields, templates_in_package

import checker
from checker.texts import FRENCH, text

PACKAGE = Path(checker.__file__).parent


TEMPLATES = templates_in_package(PACKAGE)


def test_the_package_has_messages_to_translate() -> None:
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_has_a_french_twin_with_the_same_values(template: str) -> None:
    assert template in FRENCH, f"{TEMPLATES[template]}: no French for {template!r}"
    assert fields(FRENCH[template]) == fields(template)


def test_the_catalog_holds_no_unused_entry() -> None:
    assert sorted(set(FRENCH) - set(TEMPLATES)) == []


def test_values_are_rendered_in_the_same_language() -> None:
    message = text("unknown key in {where}", where=text("the rubric"))
    assert str(message) == "unknown key in the rubric"
    assert message.render("fr") == "clé inconnue dans la grille"


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
