"""The command line speaks the language of the user's locale: its own messages, its help and
argparse's own words all come from the one catalogue per language (checker/locale; the catalogue's
completeness is checked in tests/checker/test_catalogues.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from message_catalogue import extracted_in, po

import connecteur_cli
from checker.texts import catalogue
from connecteur_cli.cli import main
from connecteur_cli.texts import ARGPARSE, ui_language

MESSAGES = extracted_in(Path(connecteur_cli.__file__).parent)


def test_the_command_line_has_messages_to_translate() -> None:
    assert len(MESSAGES) > 50


def test_argparse_own_words_are_in_the_catalogue_in_french() -> None:
    french = po("fr")
    assert [msgid for msgid in ARGPARSE if not (french.get(msgid) and french[msgid].string)] == []
    assert catalogue("fr").gettext("usage: ") == "utilisation\u00a0: "
    assert catalogue("fr").gettext("%(prog)s: error: %(message)s\n") == (
        "%(prog)s\u00a0: erreur\u00a0: %(message)s\n"
    )


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
            "connecteur grade\u00a0: erreur\u00a0: argument --format\u00a0: choix invalide\u00a0: "
            "'x' (choisir parmi ",
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
            "connecteur rules\u00a0: erreur\u00a0: argument --lang\u00a0: une valeur est attendue",
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


def test_every_argparse_error_is_in_french_and_argparse_is_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (argparse._, argparse.ngettext)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    with pytest.raises(SystemExit):
        main(["batch", "in.csv", "-o", "out.csv", "--time-limit", "soon"])
    last = capsys.readouterr().err.rstrip("\n").splitlines()[-1]
    assert last == (
        "connecteur batch\u00a0: erreur\u00a0: argument --time-limit\u00a0: valeur float "
        "invalide\u00a0: 'soon'"
    )
    assert (argparse._, argparse.ngettext) == before
    # Outside the command, argparse speaks its own (untranslated) English again.
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_usage().startswith("usage: other")
