"""What a page with a checker adds so the checker is ready sooner.

- ``<link rel="modulepreload">`` in its ``<head>`` for the modules ``main.js`` imports before
  anything else (runtime.js, which starts the worker, restore.js and what it imports): the browser
  fetches them while it parses the page, so ``main.js`` starts the worker as soon as it runs,
  without further round trips (on a link with 40 ms of latency, two of them).
- ``search-later.js``, a classic script right before Material's bundle: Material's search index
  downloads once the checker is ready (or the reader goes to search), instead of being parsed and
  built while Pyodide boots, on the same cores (measured in docs/reference/performance.md).

What is deliberately not here, measured with ``benchmarks/browser.py`` (docs/reference/
performance.md, "Ready sooner"):

- An ``async`` module in the head that starts the worker while the page is parsed, before
  Material's bundle (commit 4964eb2). The worker then started 0.1 to 0.25 s earlier, but two
  side-by-side runs disagree on whether the checker is ready sooner (5.49 s with it against
  3.80 s without under load; 1.57 s against 1.88 s in a quieter run whose bare boots differed as
  much): Pyodide's boot and the page's parsing and scripts compete for the same cores. Run by
  run (``baseline_paired_difference``), it was ready first in 6 runs of 12, +22 ms median.
- An ``async`` module in the head that creates the worker IDLE while the page is parsed (it
  fetches only ``config.json`` and Pyodide's loader) and boots Pyodide when ``main.js`` says so.
  By a rule fixed beforehand (two paired ``--runs 5 --no-throttle --baseline`` runs, each ready
  first in 4 of 5 and 40 ms sooner run by run), it gave -41 ms and 3 of 5, then -31 ms and 4 of 5:
  it saves only the worker's own start, 30 to 40 ms (docs/reference/performance.md, "Ready sooner,
  fourth pass"). Not kept.
- ``<link rel="preload">`` for Pyodide's wasm, the standard library zip or the wheel: a preload
  fills the *document's* preload cache, which a worker does not read; the worker could only meet
  it again in the HTTP cache, and Chromium with a fresh profile (memory-backed cache) did not keep
  the 9.6 MB wasm there: it was downloaded twice (the server saw two GETs), and every preload
  drew a "preloaded but not used" warning. The worker asks for all of them at once itself
  (worker.js), and each file is downloaded once (``downloaded_twice`` in the benchmark).

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
# main.js's static imports, and theirs: all of them before main.js can run.
PRELOADED = ("runtime.js", "restore.js", "storage.js", "share.js")
SEARCH_LATER = "search-later.js"
_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[^"]*\.js"')


def head_hints(html: str) -> str:
    """``html`` with the hints, when it holds a checker and loads main.js; else as it is."""
    if "<connecteur-checker" not in html or MARK in html:
        return html
    found = _MAIN_JS.search(html)
    head = _HEAD_START.search(html)
    if found is None or head is None:
        return html
    base = escape(found.group(1) + ASSETS)
    bundle = _BUNDLE.search(html)
    if bundle is not None:  # Material's: the search index it asks for waits for the checker
        script = f'<script src="{base}/js/{SEARCH_LATER}" {MARK}></script>\n'
        html = html[: bundle.start()] + script + html[bundle.start() :]
    links = [f'<link rel="modulepreload" href="{base}/js/{name}" {MARK}>' for name in PRELOADED]
    return html[: head.end()] + "\n".join(links) + "\n" + html[head.end() :]
