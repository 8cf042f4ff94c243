"""Keep Material from taking a page's translations for "language roots".

Material registers every ``<link rel="alternate">`` in the head as the root of a language version:
it loads ``sitemap.xml`` under it (a 404 for every page: ``/fr/checker/sitemap.xml``) and answers
any click on a link under it with a full page load. mkdocs-static-i18n writes one such link per
language *for the page itself*: the page's own (the first page a tab opened then became a "root",
and a link back to it reloaded the page and rebooted the Python runtime), and the other languages'
(each the root of nothing, whose sitemap is fetched on every page).

So the plugin drops the self-referencing alternate (the page's URL is its canonical link), and
writes the others as ``<link rel="connecteur-alternate" hreflang>``: the widget (the draft follows
the language switch, storage.js) and the language selector (language-switch.js) read them there,
Material does not. Search engines get each page's translations from the sitemap, which
mkdocs-static-i18n writes with an ``xhtml:link rel="alternate" hreflang`` per language.
"""

from __future__ import annotations

import re

_ALTERNATE = re.compile(r'<link rel="alternate" (href="[^"]*") hreflang="(?P<lang>[^"]+)">\n?')
REL = "connecteur-alternate"
"""The rel of a page's translation in the head, read by our scripts and not by Material."""


def drop_self_alternate(html: str, lang: str) -> str:
    """Remove the head's hreflang alternate that points at the page's own language, and rename
    the others so that Material does not take them for language roots."""

    def replace(m: re.Match[str]) -> str:
        if m["lang"] == lang:
            return ""
        return f'<link rel="{REL}" {m[1]} hreflang="{m["lang"]}">\n'

    return _ALTERNATE.sub(replace, html)
