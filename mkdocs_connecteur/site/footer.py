"""The checker's version in the site's footer, beside Material's copyright line.

A reader who reports a surprising grade, or a trainer comparing two sites, can tell which
Connecteur graded: the same number as the report's ``checker`` field and ``connecteur --version``
(``checker.__version__``, defined once). A theme without Material's footer is left as it is.
"""

from __future__ import annotations

from html import escape

from ..content.labels import SITE

_COPYRIGHT = '<div class="md-copyright">'


def with_version(html: str, version: str, ui_lang: str) -> str:
    """``html`` with "Checker: Connecteur <version>" first in Material's copyright block."""
    if _COPYRIGHT not in html:
        return html
    label = SITE["footer_version"].translated(ui_lang).format(version=version)
    line = f'<div class="md-copyright__connecteur">{escape(label, quote=False)}</div>'
    return html.replace(_COPYRIGHT, _COPYRIGHT + line, 1)
