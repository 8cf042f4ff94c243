"""Keep Material's instant navigation from turning a page into a "language root".

Material registers every ``<link rel="alternate" hreflang>`` in the head as the root of a
language version, and answers any click on a link under it with a full page load. mkdocs-static-i18n
writes one such link per language *for the page itself*, including the page's own language: the
first page a tab opened then became a "root", and a link back to it reloaded the page (and rebooted
the Python runtime). The page's own URL is already its canonical link, so the plugin drops the
self-referencing alternate; the other languages' alternates stay (hreflang for search engines).
"""

from __future__ import annotations

import re

_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[^"]+)">\n?')


def drop_self_alternate(html: str, lang: str) -> str:
    """Remove the head's hreflang alternate that points at the page's own language."""
    return _ALTERNATE.sub(lambda m: "" if m["lang"] == lang else m[0], html)
