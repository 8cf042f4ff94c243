"""Hostile drafts and hostile shared links execute nothing (all of the Big List of Naughty Strings).

Drafts: every string is typed into one booted checker and graded for real. Links: every string is
put in a #draft= link; the page is loaded once and the real fragment-reading code runs on each
link in place, then a sample of the most markup-like links is opened by full page loads.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from helpers import CHECKER, traps, url_of, wait_ready

import checker

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Elements that no draft may ever bring into the page.
DANGEROUS = ("<script", "<img", "<iframe", "<svg", "<object", "<embed", "<video", "<audio", "<form")


def unexpected(added: list[str]) -> list[str]:
    return [html for html in added if html.lower().startswith(DANGEROUS)]


# What, inside the widget, could run or load something: nothing of the kind may be there.
EMBEDDED = """(sel) => [...document.querySelector(sel).querySelectorAll(
  "script, img, iframe, svg, object, embed, video, audio, link, style, meta, base")]
  .map(e => e.outerHTML.slice(0, 200))"""

GRADE_ALL = """
async (strings) => {
  const root = document.querySelector("[data-connecteur-checker]");
  const box = root.querySelector("textarea[name=draft]");
  const outcomes = [];
  for (const text of strings) {
    const before = window.__cnEvents.length;
    box.value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    const started = performance.now();
    // Graded (an event) or refused with a message (too long): nothing else is acceptable.
    while (window.__cnEvents.length === before && root.dataset.graded !== "too-long") {
      if (performance.now() - started > 15000) { outcomes.push("timeout"); break; }
      await new Promise((r) => setTimeout(r, 5));
    }
    if (window.__cnEvents.length > before) {
      const d = window.__cnEvents[window.__cnEvents.length - 1];
      outcomes.push(d.stats ? "graded" : "bad-event");
    } else if (root.dataset.graded === "too-long") {
      outcomes.push("too-long");
      root.removeAttribute("data-graded");
    }
    if (box.value !== text) outcomes.push("draft-changed");
  }
  return outcomes;
}
"""


def test_every_naughty_string_as_a_draft(cpage, site_server, blns) -> None:
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    page.evaluate("() => { window.__cnWatch = true; }")
    outcomes = page.evaluate(GRADE_ALL, blns)
    assert len(outcomes) >= len(blns)
    bad = [(i, o) for i, o in enumerate(outcomes) if o not in {"graded", "too-long"}]
    assert not bad, bad[:10]
    trapped = traps(page)
    assert trapped["dialogs"] == [], trapped["dialogs"][:5]
    assert trapped["errors"] == [], trapped["errors"][:5]
    assert unexpected(trapped["added"]) == []
    assert page.evaluate(EMBEDDED, CHECKER) == []
    # The last draft is on screen as text, exactly.
    assert page.input_value(f"{CHECKER} textarea[name=draft]") == blns[-1]
    assert page.problems == []


APPLY_LINKS = """
async ([base, strings]) => {
  const { readFragment } = await import(base + "assets/connecteur/js/share.js");
  const root = document.querySelector("[data-connecteur-checker]");
  const box = root.querySelector("textarea[name=draft]");
  const misread = [];
  strings.forEach((text, i) => {
    const hash = "#" + new URLSearchParams({ draft: text, kind: "ask", lang: "fr" }).toString();
    const state = readFragment(hash);
    if (!state || state.draft !== text || state.kind !== "ask") misread.push(i);
    else box.value = state.draft;  // what the widget does with it
  });
  return misread;
}
"""


def test_every_naughty_string_as_a_shared_link(cpage, site_server, blns) -> None:
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    page.wait_for_selector(CHECKER)
    misread = page.evaluate(APPLY_LINKS, [site_server.url, blns])
    assert misread == []

    # Whole page loads for the links that look most like markup or script.
    sample = [
        s
        for s in blns
        if any(c in s for c in "<>\"'&%\\") or "javascript" in s.lower() or "\u2028" in s
    ][:40]
    assert len(sample) >= 20
    # The runtime is not needed to restore a link: keep these loads cheap.
    page.route("**/assets/connecteur/js/worker.js", lambda route: route.abort())
    for text in sample:
        link = url_of(site_server, "checker/") + "#" + urlencode({"draft": text, "kind": "ask"})
        page.goto("about:blank")
        page.goto(link)
        page.wait_for_selector(CHECKER)
        page.wait_for_function(
            "(t) => document.querySelector('[data-connecteur-checker] textarea').value === t",
            arg=text,
            timeout=10_000,
        )
        trapped = traps(page)
        assert trapped["dialogs"] == [], (text, trapped["dialogs"])
        inside = page.evaluate(EMBEDDED, CHECKER)
        assert inside == [], (text, inside)
    # Hostile option values fall back to the defaults; nothing else happens.
    link = (
        url_of(site_server, "checker/")
        + "#"
        + urlencode(
            {"draft": "x", "kind": "<img src=x onerror=alert(1)>", "lang": "javascript:alert(1)"}
        )
    )
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_function(
        "() => document.querySelector('[data-connecteur-checker] textarea').value === 'x'"
    )
    assert page.input_value(f"{CHECKER} select[name=kind]") in set(checker.KINDS)
    assert page.input_value(f"{CHECKER} select[name=lang]") in {"auto", "fr", "en"}
    assert traps(page)["dialogs"] == []
    assert page.problems == []


def test_code_point_spans_become_utf16_offsets(cpage, site_server) -> None:
    """Spans count code points (Python); the widget slices UTF-16 (JavaScript) correctly."""
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    page.wait_for_selector(CHECKER)
    text = "👩🏽‍💻 𝓗𝓲 e\u0301té \ud83d Cdt 🚀!"
    spans = []
    for word in ("Cdt", "🚀", "𝓗𝓲", "e\u0301té"):
        start = text.index(word)  # a Python index: code points
        spans.append({"start": start, "end": start + len(word), "word": word})
    got = page.evaluate(
        """async ([base, text, spans]) => {
             const { codePointOffsets, toUtf16 } =
               await import(base + "assets/connecteur/js/render.js");
             const offsets = codePointOffsets(text);
             return spans.map((s) => text.slice(...toUtf16(offsets, s)));
           }""",
        [site_server.url, text, spans],
    )
    assert got == [s["word"] for s in spans]
