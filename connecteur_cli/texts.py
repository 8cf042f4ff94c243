"""The command line's language, and argparse's own words in it.

The command line's messages are in the one catalogue per language (``checker/locale``, read by
``checker.texts``): an English template with its values, rendered in the reader's language when
shown; a value may be a core message (a ``RubricError``), rendered in the same language. The
interface language comes from the user's locale (:func:`ui_language`).

argparse writes its own words (``usage:``, ``error:``, "the following arguments are required")
through gettext: :func:`argparse_speaks` points it at the same catalogue while the command runs,
and ``ARGPARSE`` marks those msgids for extraction.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from checker.texts import NBSP, Text, catalogue, counted, in_context, render, text
from checker.texts import counted as _tn

__all__ = [
    "ARGPARSE",
    "NBSP",
    "Text",
    "argparse_speaks",
    "counted",
    "in_context",
    "render",
    "text",
    "ui_language",
]


def ui_language(environ: Mapping[str, str] | None = None) -> str:
    """``fr`` or ``en``, from the locale variables, read as gettext reads them.

    The locale is the first of LC_ALL, LC_MESSAGES, LANG that is set; under the C locale messages
    are English; otherwise LANGUAGE, a priority list like ``fr:en``, comes first.
    """
    env = os.environ if environ is None else environ
    locale = next((env[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(n)), "")
    locale = locale.strip().lower()
    if locale in ("", "c", "posix") or locale.startswith("c."):
        return "en"
    chosen = (env.get("LANGUAGE") or "").split(":")[0].strip().lower() or locale
    return "fr" if chosen.startswith("fr") else "en"


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it (gettext's ``gettext_noop``)."""
    return message


ARGPARSE = (
    N_("usage: "),
    N_("%(heading)s:"),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""argparse's own msgids (Python 3.12 to 3.14) that a user of ``connecteur`` can meet."""
_ARGPARSE_PLURAL = _tn("expected %s argument", "expected %s arguments", 2)


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the block runs.

    argparse translates each of its messages when it writes it, with the ``gettext`` and
    ``ngettext`` functions it imported from the standard library's ``gettext`` module (module
    names ``_`` and ``ngettext``). Pointing them at our catalogue's, for the command's language
    rather than through the process-wide ``gettext.textdomain``, keeps the choice of language
    :func:`ui_language`'s, and leaves argparse as it was afterwards.
    """
    cat = catalogue(lang)
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext")}
    setattr(argparse, "_", cat.gettext)  # noqa: B010 (a module's private name: no attribute syntax)
    setattr(argparse, "ngettext", cat.ngettext)  # noqa: B010
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)
