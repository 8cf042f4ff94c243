"""What a page with a checker says in its ``<head>`` so the runtime starts as early as it can.

- ``<script type="module" async src=".../js/boot.js">``: an async module runs as soon as it has
  arrived, while the page is still being parsed, so the worker starts before Material's bundle
  (a classic script at the end of the body) and before ``main.js`` (a deferred module, which runs
  after it). ``boot.js`` only starts the shared runtime (runtime.js), nothing else.
- ``<link rel="modulepreload">`` for runtime.js, which boot.js imports.
- No ``<link rel="preload">`` for Pyodide's wasm, the standard library zip or the wheel: a
  preload fills the *document's* preload cache, which a worker does not read; the worker could
  only meet it again in the HTTP cache, and Chromium with a fresh profile (memory-backed cache)
  did not keep the 9.6 MB wasm there: it was downloaded twice (measured: the server saw two
  GETs), and every preload drew a "preloaded but not used" warning. The worker, started by
  boot.js, asks for all of them at once itself (worker.js), which is as early and downloads each
  file once (benchmarks/browser.py counts the server's requests per file).

Every URL is the site's own (the Content-Security-Policy's ``connect-src 'self'`` allows them).
The hints go right after the Content-Security-Policy (which the plugin puts after
``<meta charset>``), ahead of the style sheets.
"""

from __future__ import annotations

import re
from html import escape

from .pyodide import RUNTIME_DIR

ASSETS = RUNTIME_DIR.rsplit("/", 1)[0]  # assets/connecteur
_MAIN_JS = re.compile(r'<script src="([^"]*)' + re.escape(ASSETS) + r'/js/main\.js"')
_HEAD_START = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>\s*)?", re.IGNORECASE)
MARK = "data-connecteur-hint"


def head_hints(html: str) -> str:
    """``html`` with the hints, when it holds a checker and loads main.js; else as it is."""
    if "<connecteur-checker" not in html or MARK in html:
        return html
    found = _MAIN_JS.search(html)
    head = _HEAD_START.search(html)
    if found is None or head is None:
        return html
    base = found.group(1) + ASSETS
    links = [
        f'<script type="module" async src="{escape(base)}/js/boot.js" {MARK}></script>',
        f'<link rel="modulepreload" href="{escape(base)}/js/runtime.js" {MARK}>',
    ]
    return html[: head.end()] + "\n".join(links) + "\n" + html[head.end() :]
