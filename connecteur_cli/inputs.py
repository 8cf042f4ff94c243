"""What every command shares: exit codes, the user-facing error, reading the user's files.

Every failure a user can cause (missing file, binary file, bad rubric, unknown value) becomes a
``CliError``: one message in the user's language and an exit code, never a traceback. ``cli`` and
``batch`` both import this module, never each other's.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from checker import Rubric, RubricError, default_rubric, load_rubric

from .texts import Text, render
from .texts import text as _t

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_RUBRIC = 0, 2, 3, 4


# What a file or an option is, for the user ("brouillon introuvable", "type : valeur inconnue").
FILE_LABELS = {
    "file": _t("file"),
    "draft": _t("draft"),
    "rubric": _t("rubric"),
    "input": _t("input"),
}
OPTION_LABELS = {"kind": _t("kind"), "lang": _t("lang")}


class CliError(Exception):
    """A user-facing failure: message for stderr (in the user's language) and the exit code."""

    def __init__(self, message: str | Text, code: int = EXIT_INPUT) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code

    def render(self, lang: str) -> str:
        return render(self.message, lang)


def read_text_file(path: str, what: str = "file") -> str:
    """Read UTF-8 text (a BOM is tolerated); refuse binary or non-UTF-8 input, saying why.

    ``what`` names the file for the user: file, draft, rubric or input.
    """
    label = FILE_LABELS.get(what, what)
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise CliError(_t("{what} not found: {path}", what=label, path=path)) from None
    except IsADirectoryError:
        raise CliError(
            _t("{what} is a directory, not a file: {path}", what=label, path=path)
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(
            _t("cannot read {what} {path}: {reason}", what=label, path=path, reason=reason)
        ) from None
    return decode_text(data, path, what)


def decode_text(data: bytes, path: str, what: str = "file") -> str:
    """A file's bytes as text, or a ``CliError`` that names the file (binary, not UTF-8)."""
    label = FILE_LABELS.get(what, what)
    name = _t("standard input") if path == "-" else path
    if b"\x00" in data[:8192]:
        raise CliError(
            _t(
                "{what} {name} looks binary (it contains NUL bytes); give a text file",
                what=label,
                name=name,
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(
            _t(
                "{what} {name} is not UTF-8 text (byte {byte}); save it as UTF-8 and retry",
                what=label,
                name=name,
                byte=exc.start,
            )
        ) from None
    return text


def load_rubric_file(path: str | None) -> Rubric:
    """The default rubric, or the trainer's file; a broken one: ``CliError`` (file, rule, key)."""
    if path is None:
        return default_rubric()
    text = read_text_file(path, "rubric")
    try:
        return load_rubric(text, source=path)
    except RubricError as exc:
        raise CliError(_t("bad rubric: {error}", error=exc), EXIT_RUBRIC) from None


def unknown_choice(what: str, value: object, choices: Sequence[str]) -> CliError:
    """The usage error for an option value that is not one of ``choices``."""
    message = _t(
        "unknown {what} {value!r}: accepted values are {choices}",
        what=OPTION_LABELS.get(what, what),
        value=value,
        choices=", ".join(choices),
    )
    return CliError(message, EXIT_USAGE)


def check_choice(value: str | None, choices: Sequence[str], what: str) -> None:
    """Refuse a value outside ``choices`` with a message that lists them."""
    if value is not None and value not in choices:
        raise unknown_choice(what, value, choices)
