"""What the message tests share: the strings a package marks for the catalogue, and the catalogues.

A message is ``_t("English template", **values)`` (``checker.texts.text``), ``_tc(context, …)`` or
``_tn(singular, plural, count, …)``; its translations live in the one catalogue per language,
``checker/locale/<lang>/LC_MESSAGES/connecteur.po``. Babel extracts the marked strings exactly as
``make messages`` does (scripts/messages.py).
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import messages  # noqa: E402 (scripts/messages.py, make messages)

sys.path.remove(str(REPO / "scripts"))


def extracted_in(package: Path) -> dict[tuple[str | None, str], str]:
    """Every msgid (with its context) marked in ``package``'s code, with where it is."""
    found: dict[tuple[str | None, str], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        package, [("**.py", "python")], keywords=messages.KEYWORDS
    ):
        msgid = message if isinstance(message, str) else message[0]
        found[(context, msgid)] = f"{filename}:{lineno}"
    return found


def po(lang: str) -> Catalog:
    """The committed catalogue of ``lang``."""
    with messages.po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=messages.DOMAIN)


def fields(template: str) -> set[str]:
    """The names a ``str.format`` template fills, or the ``%`` fields of argparse's messages."""
    percent = set(re.findall(r"%(\([a-z_]+\))?[srd]", template))
    if percent:
        return {"%" + name for name in percent}
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
