"""The values the checker's contracts are made of, each list defined here once.

The rubric's keys (``applies_to``, ``langs``, ``severity``), the report's fields (``kind``,
``lang``, ``band``, ``verdict``, ``severity``), the command line's choices and the site's fences
and widget all accept these words and no others: they import them from here (a test fails when
another module writes one of these lists out again). ARCHITECTURE.md gives their meaning.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

from .texts import Text
from .texts import in_context as _tc
from .texts import text as _t

MESSAGE_KINDS = ("request", "ask", "intro", "connect")
"""The kinds of message a draft can be (the checker's ``kind``, a rule's ``applies_to``)."""
KINDS = MESSAGE_KINDS
"""The public name of the message kinds (``checker.KINDS``)."""
LANGS = ("fr", "en")
"""The languages of a draft, of a rule, of every text of a rubric and of the interface."""
AUTO = "auto"
"""The draft language a reader or a fence leaves to the checker (``lang=None``)."""
DRAFT_LANGS = (AUTO, *LANGS)
"""What a reader may choose as the draft's language: detect it, or one of ``LANGS``."""
BANDS = ("ready", "needs-work", "not-ready", "empty")
"""The report's ``band``: ``empty`` for a draft with nothing but white space."""
VERDICTS = ("met", "partial", "missing")
"""A criterion's ``verdict`` in the report."""
SEVERITIES = ("error", "warning", "info")
"""A rule's ``severity``, and so a finding's: most serious first."""

BAND_TEXTS: Mapping[str, Text] = MappingProxyType(
    {
        "ready": _t("Ready to send"),
        "needs-work": _t("Needs work"),
        "not-ready": _t("Not ready"),
        "empty": _t("Nothing to grade"),
    }
)
"""Each band's label, as a message of the catalogue (``checker/locale``)."""


class _Labels(Mapping[str, str]):
    """One message's words per language, read from the catalogue when first asked for."""

    def __init__(self, message: Text) -> None:
        self._message = message

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return self._message.render(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


BAND_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {band: _Labels(label) for band, label in BAND_TEXTS.items()}
)
"""The report's ``band_label`` per band and language; the site's widget shows the same words."""
VERDICT_TEXTS: Mapping[str, Text] = MappingProxyType(
    {
        "met": _tc("verdict", "met"),
        "partial": _tc("verdict", "partly met"),
        "missing": _tc("verdict", "missing"),
    }
)
"""Each verdict's words (the command line, a class's grades, the widget's checklist)."""
SEVERITY_TEXTS: Mapping[str, Text] = MappingProxyType(
    {
        "error": _t("Must fix"),
        "warning": _t("Should fix"),
        "info": _t("Tip"),
    }
)
"""Each severity's words (the widget's cards, the rule pages, the command line in capitals)."""
