"""Messages for people, in English and French, read from the gettext catalogues.

Every label and message that Connecteur shows (the report's own words, the rubric loader's
errors, the command line, the site's widget and rule pages) is a ``msgid`` of one catalogue per
language, ``checker/locale/<lang>/LC_MESSAGES/connecteur.po``, compiled to ``connecteur.mo`` by
``make messages`` (Babel) and read here with the standard library's ``gettext.GNUTranslations``:
the core stays standard library only, and reads the same bytes in CPython and in Pyodide.

A message is built once, as an English ``str.format`` template with its values, and rendered in
the reader's language when it is shown: ``str()`` gives English (logs, MkDocs builds). The markers
Babel extracts (``make messages``, ``babel.cfg``):

- ``_t("English template", **values)``: a message (``text``);
- ``_tc("context", "English template", **values)``: the same words that read differently in French
  depending on where they stand (``pgettext``);
- ``_tn("one {count} …", "{count} …", count, **values)``: a count (``ngettext``; ``count`` is
  also a value of the template).

ARCHITECTURE.md ("Messages and their catalogues") says how to add a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gettext import GNUTranslations

DOMAIN = "connecteur"
"""The one gettext domain: ``checker/locale/<lang>/LC_MESSAGES/connecteur.mo``."""
NBSP = "\u00a0"  # French puts a non-breaking space before : ; ? !


@cache
def catalogue(lang: str) -> GNUTranslations:
    """The compiled catalogue of ``lang`` (``fr``, ``en``), read once from the package's data."""
    # Deferred: in the browser, importing the checker must stay short (tests/checker/test_imports).
    from gettext import GNUTranslations
    from io import BytesIO

    from .package_data import read

    return GNUTranslations(BytesIO(read("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")))


@dataclass(frozen=True, slots=True)
class Text:
    """An English template, its values, and a rendering in either language."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()
    context: str | None = None
    plural: str | None = None
    count: int = 1

    def translated(self, lang: str) -> str:
        """The template in ``lang``, values not filled in."""
        cat = catalogue(lang)
        if self.plural is not None:
            if self.context is not None:
                return cat.npgettext(self.context, self.template, self.plural, self.count)
            return cat.ngettext(self.template, self.plural, self.count)
        if self.context is not None:
            return cat.pgettext(self.context, self.template)
        return cat.gettext(self.template)

    def render(self, lang: str = "en") -> str:
        # A value may itself be bilingual: a Text, or an error that renders (RubricError).
        values = {k: render(v, lang) for k, v in self.params}
        return self.translated(lang).format(**values)

    def __str__(self) -> str:
        return self.render("en")


def text(template: str, /, **params: Any) -> Text:
    """A message to render later: ``text("unknown key in {where}", where="the rubric")``."""
    return Text(template, tuple(params.items()))


def in_context(context: str, template: str, /, **params: Any) -> Text:
    """A message whose words depend on where they stand (``pgettext``)."""
    return Text(template, tuple(params.items()), context=context)


def counted(singular: str, plural: str, count: int, /, **params: Any) -> Text:
    """A message about ``count`` things (``ngettext``); the template may use ``{count}``."""
    values = {"count": count, **params}
    return Text(singular, tuple(values.items()), plural=plural, count=count)


def render(message: object, lang: str) -> str:
    """Render a message that may be plain text (a value, a name) or bilingual (a Text)."""
    return message.render(lang) if hasattr(message, "render") else str(message)


def labels(messages: Mapping[str, Text], lang: str) -> dict[str, str]:
    """A table of messages in ``lang``, as templates: the caller fills their ``{values}``."""
    return {key: message.translated(lang) for key, message in messages.items()}
