"""Helpers for the real-browser tests: event capture, traps, waiting on the widget's state."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_fixtures import (  # noqa: F401  (re-exported for the browser tests)
    LOCAL_SCHEMES,
    SiteServer,
    arrived,
    click_link_to,
    free_port,
    new_context,
)

REPO = Path(__file__).resolve().parents[2]
CHECKER = "[data-connecteur-checker]"
BOOT_TIMEOUT = 180_000  # a cold Pyodide boot on a busy 2-core machine; ms

# Installed in every page before any of its scripts: records graded events, dialogs, errors and
# every element added to the page, so that tests can prove hostile text executed nothing.
INIT_SCRIPT = """
(() => {
  const traps = { dialogs: [], errors: [], added: [] };
  Object.defineProperty(window, "__cnTraps", { value: traps });
  Object.defineProperty(window, "__cnEvents", { value: [] });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { traps.dialogs.push(name + ":" + String(args[0])); };
  }
  window.addEventListener("error", (e) => traps.errors.push(String(e.message)));
  document.addEventListener("connecteur:graded", (e) => window.__cnEvents.push(e.detail));
  // Watching starts when a test sets window.__cnWatch (after the page's own markup is in).
  new MutationObserver((records) => {
    if (!window.__cnWatch) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) traps.added.push(node.outerHTML.slice(0, 300));
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""


def wait_ready(page, timeout: int = BOOT_TIMEOUT) -> None:  # type: ignore[no-untyped-def]
    """Wait until the checker leaves "loading"; fail with the status line if it errs."""
    page.wait_for_selector(f"{CHECKER}:not([data-state=loading])", timeout=timeout)
    state = page.get_attribute(CHECKER, "data-state")
    if state != "ready":
        status = page.inner_text(f"{CHECKER} [data-role=status]")
        pytest.fail(f"checker state {state!r}: {status}", pytrace=False)


def wait_report(page, expected: dict, timeout: int = 30_000) -> dict:  # type: ignore[no-untyped-def]
    """Wait for a graded event for the same draft as ``expected`` (CPython's to_dict()).

    Returns the last such event's detail, for the caller to compare whole.
    """
    page.wait_for_function(
        """([kind, chars, words]) => window.__cnEvents.some(d =>
             d.kind === kind && d.stats.characters === chars && d.stats.words === words)""",
        arg=[expected["kind"], expected["stats"]["characters"], expected["stats"]["words"]],
        timeout=timeout,
    )
    return page.evaluate(
        """([kind, chars, words]) => window.__cnEvents.filter(d =>
             d.kind === kind && d.stats.characters === chars && d.stats.words === words).pop()""",
        [expected["kind"], expected["stats"]["characters"], expected["stats"]["words"]],
    )


def traps(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate("() => window.__cnTraps")


def url_of(site_server, path: str) -> str:  # type: ignore[no-untyped-def]
    return site_server.url + path.lstrip("/")


def serve(folder: Path, port: int | None = None) -> SiteServer:
    """A static server for `folder` on 127.0.0.1 (a free port unless one is given)."""
    return SiteServer(folder, port or free_port()).start()


def foreign_requests(urls: list[str], *origins: str) -> list[str]:
    """Requests that left the given origins (local schemes such as data: and blob: are fine)."""
    out = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            continue
        if f"{parts.scheme}://{parts.netloc}" not in origins:
            out.append(url)
    return out


# axe-core's WCAG A/AA rules and its best practices, on the whole page or inside a selector (the
# argument); serious and critical violations, and every best-practice one.
RUN_AXE = """
async (scope) => {
  const result = await axe.run(scope ? document.querySelector(scope) : document, {
    runOnly: {
      type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
  });
  return result.violations
    .filter((v) => v.tags.includes("best-practice") || v.impact === "serious"
      || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}
"""
