"""The values the checker's contracts are made of, each list defined here once.

The rubric's keys (``applies_to``, ``langs``, ``severity``), the report's fields (``kind``,
``lang``, ``band``, ``verdict``, ``severity``), the command line's choices and the site's fences
and widget all accept these words and no others: they import them from here (a test fails when
another module writes one of these lists out again). ARCHITECTURE.md gives their meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

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

BAND_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "ready": MappingProxyType({"en": "Ready to send", "fr": "Prêt à envoyer"}),
        "needs-work": MappingProxyType({"en": "Needs work", "fr": "À retravailler"}),
        "not-ready": MappingProxyType({"en": "Not ready", "fr": "Pas prêt"}),
        "empty": MappingProxyType({"en": "Nothing to grade", "fr": "Rien à évaluer"}),
    }
)
"""The report's ``band_label`` per band and language; the site's widget shows the same words."""
