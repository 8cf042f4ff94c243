"""The command line's messages for people in both languages: every template has a French twin
that fills the same values, and the command line speaks the language of the user's locale."""

from __future__ import annotations

from pathlib import Path

import pytest
from message_catalogue import fields, templates_in_package

import connecteur_cli
from connecteur_cli.cli import main
from connecteur_cli.texts import FRENCH, ui_language

TEMPLATES = templates_in_package(Path(connecteur_cli.__file__).parent)


def test_the_command_line_has_messages_to_translate() -> None:
    assert len(TEMPLATES) > 50


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_has_a_french_twin_with_the_same_values(template: str) -> None:
    assert template in FRENCH, f"{TEMPLATES[template]}: no French for {template!r}"
    assert fields(FRENCH[template]) == fields(template)


def test_the_catalog_holds_no_unused_entry() -> None:
    assert sorted(set(FRENCH) - set(TEMPLATES)) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANGUAGE": "fr"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_BE"}, "fr"),
        ({"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_the_interface_language_comes_from_the_locale(
    environ: dict[str, str], expected: str
) -> None:
    assert ui_language(environ) == expected


def test_the_command_line_speaks_french_in_a_french_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["grade", str(tmp_path / "absent.txt")]) == 3
    assert (
        capsys.readouterr().err
        == f"connecteur: brouillon introuvable\u00a0: {tmp_path}/absent.txt\n"
    )
    assert main(["grade", "-", "--kind", "lettre"]) == 2
    assert "type\u00a0: valeur inconnue 'lettre'" in capsys.readouterr().err
    rubric = tmp_path / "grille.toml"
    rubric.write_text('extends = "default"\nname = "x"\nrulez = []\n', encoding="utf-8")
    assert main(["rules", "--rubric", str(rubric)]) == 4
    assert capsys.readouterr().err == (
        f"connecteur: grille invalide\u00a0: {rubric}\u00a0: clé 'rulez'\u00a0: clé inconnue dans "
        "la grille (vouliez-vous dire 'rules'\u00a0?)\n"
    )


def test_the_command_line_speaks_english_otherwise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["grade", str(tmp_path / "absent.txt")]) == 3
    assert capsys.readouterr().err == f"connecteur: draft not found: {tmp_path}/absent.txt\n"


def help_text(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["grade"], ["batch"], ["rules"], ["new"]])
def test_the_help_follows_the_locale_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    english = help_text([*command, "--help"], capsys)
    assert english.startswith("usage: connecteur")
    assert "show this help and exit" in english
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    french = help_text([*command, "--help"], capsys)
    assert french.startswith("utilisation\u00a0: connecteur")
    assert "afficher cette aide et quitter" in french
    # Every help line that says something in English says it in French: none is left over.
    described = [line for line in english.splitlines() if "  " in line.strip()]
    assert described
    assert not set(described) & set(french.splitlines())


def test_a_trainer_reads_the_batch_options_in_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    french = help_text(["batch", "--help"], capsys)
    assert "noter les brouillons d’un groupe, en CSV ou JSON Lines, dans un CSV" in french
    assert "commencer le CSV par un BOM UTF-8 (Excel)" in french


@pytest.mark.parametrize(
    ("argv", "english", "french"),
    [
        (
            ["grade", "--format", "x"],
            # Python versions quote the choices differently: up to the list.
            "connecteur grade: error: argument --format: invalid choice: 'x' (choose from ",
            "connecteur grade\u00a0: erreur\u00a0: --format\u00a0: choix invalide, 'x' "
            "(choisir parmi ",
        ),
        (
            ["batch", "class.csv"],
            "connecteur batch: error: the following arguments are required: -o/--output",
            "connecteur batch\u00a0: erreur\u00a0: arguments obligatoires\u00a0: -o/--output",
        ),
        (
            ["grade", "--bogus"],
            "connecteur: error: unrecognized arguments: --bogus",
            "connecteur\u00a0: erreur\u00a0: arguments inconnus\u00a0: --bogus",
        ),
        (
            ["rules", "--lang"],
            "connecteur rules: error: argument --lang: expected one argument",
            "connecteur rules\u00a0: erreur\u00a0: --lang\u00a0: une valeur est attendue",
        ),
    ],
)
def test_argparse_errors_follow_the_locale(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    english: str,
    french: str,
) -> None:
    cases = (("C", english, "usage: "), ("fr_FR.UTF-8", french, "utilisation\u00a0: "))
    for locale, expected, usage in cases:
        monkeypatch.setenv("LANG", locale)
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(usage)
        assert err.rstrip("\n").splitlines()[-1].startswith(expected)


def test_an_argparse_error_we_do_not_know_is_shown_as_it_is() -> None:
    from connecteur_cli.cli import argparse_error

    message = argparse_error("argument --x: invalid int value: 'y'")
    assert message.render("fr") == message.render("en") == "argument --x: invalid int value: 'y'"
