"""Let ``mkdocs build --strict`` pass with mkdocs-static-i18n and Material's instant navigation.

mkdocs-static-i18n warns that its contextual language links are not compatible with
``navigation.instant``: instant navigation does not redraw the header, so the selector would
keep the first page's links. This site fixes that itself (``partials/alternate.html`` makes the
switch a full page load; ``assets/javascripts/language-switch.js`` follows each navigation; a
browser test checks it), so that one warning, and only it, is dropped.
"""

from __future__ import annotations

import logging

_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
_MESSAGE = "language switcher contextual link is not compatible with theme.features"


class _HandledByTheSite(logging.Filter):
    """Drops the i18n warning about instant navigation, which this site handles."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _MESSAGE not in record.getMessage()


def _install() -> None:
    logger = logging.getLogger(_LOGGER)
    if not any(isinstance(f, _HandledByTheSite) for f in logger.filters):
        logger.addFilter(_HandledByTheSite())


_install()  # at import: MkDocs loads hooks before the i18n plugin's on_config runs
