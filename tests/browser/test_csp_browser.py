"""The Content-Security-Policy in the real Chromium: the checker works under it (our site, the
embed), Material's search, palette and instant navigation too, and the browser refuses what the
policy forbids: a request to another origin from the page and from inside the checker's worker,
an inline script nobody hashed. A page framing the embed without parent_origin gets no report.

"Refused by the policy, not by a missing server": the other origin is a second local server that
answers every request (with CORS allowing any origin), and a page without the policy reaches it.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from helpers import (
    BOOT_TIMEOUT,
    CHECKER,
    INIT_SCRIPT,
    click_link_to,
    url_of,
    wait_ready,
    wait_report,
)
from site_fixtures import free_port, new_context

import checker

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DRAFT = (
    "Bonjour Paul, je termine un master de logistique et je cherche un stage à Lyon. "
    "Pourriez-vous me présenter à Marie, qui dirige l'équipe achats ? Merci, Léa"
)

# Every violation the document sees, and the console lines that report one (workers included).
VIOLATIONS = """
(() => {
  const seen = [];
  Object.defineProperty(window, "__cnViolations", { value: seen });
  document.addEventListener("securitypolicyviolation", (e) =>
    seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
})();
"""

# Run where it is evaluated (the page, or the worker's global scope): fetch the URL, and say
# what happened and which violations that scope saw.
FETCH_PROBE = """async (url) => {
  const seen = [];
  const listener = (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI });
  self.addEventListener("securitypolicyviolation", listener);
  let outcome;
  try {
    outcome = "answered: " + (await (await fetch(url, { cache: "no-store" })).text());
  } catch (error) {
    outcome = "refused: " + error.name;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  self.removeEventListener("securitypolicyviolation", listener);
  return { outcome, seen };
}"""


def cpython(text: str, kind: str, lang: str | None = None, ui: str | None = None) -> dict:
    """CPython's report; ``ui``: the page's language (the report's words follow it)."""
    report = checker.grade(text, kind=kind, lang=lang, interface_language=ui)
    return json.loads(json.dumps(report.to_dict()))


class _Answering(http.server.BaseHTTPRequestHandler):
    """Answers any GET with a short text that any origin may read."""

    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"here")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def other_origin() -> Iterator[tuple[str, list[str]]]:
    """A second local server, on another port, that would answer: (its URL, paths it served)."""
    hits: list[str] = []
    handler = type("Answering", (_Answering,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    server.shutdown()
    server.server_close()


def violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    return page.evaluate("() => window.__cnViolations")


def policy_of(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "() => document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content || ''"
    )


def checker_worker(page):  # type: ignore[no-untyped-def]
    """The checker's worker: the one started from a blob: URL (Material's search has its own)."""
    workers = [w for w in page.workers if w.url.startswith("blob:")]
    assert len(workers) == 1, [w.url for w in page.workers]
    return workers[0]


def test_the_checker_boots_and_grades_under_the_policy(cpage, site_server) -> None:  # type: ignore[no-untyped-def]
    page = cpage
    page.add_init_script(VIOLATIONS)
    page.goto(url_of(site_server, "checker/"))
    assert "connect-src 'self'" in policy_of(page)
    wait_ready(page)
    page.fill(f"{CHECKER} textarea[name=draft]", DRAFT)
    expected = cpython(DRAFT, "request", ui="en")
    assert wait_report(page, expected) == expected
    # The worker is the one that inherits the page's policy, and nothing was refused on the way.
    assert checker_worker(page).url.startswith(f"blob:{site_server.origin}/")
    assert violations(page) == []
    assert page.problems == []


def test_material_works_under_the_policy(cpage, site_server) -> None:  # type: ignore[no-untyped-def]
    """Search (its own worker), the palette toggle and instant navigation, then the checker on
    the page navigated to: that page's inline scripts run under the FIRST page's policy."""
    page = cpage
    page.add_init_script(VIOLATIONS)
    page.goto(url_of(site_server, "glossary/"))
    first_policy = policy_of(page)

    page.locator("input.md-search__input").focus()
    page.keyboard.type("introduction", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    page.keyboard.press("Escape")

    # The palette toggle: system setting -> light -> dark (the reader's choice is kept).
    toggle = """() => [...document.querySelectorAll('form[data-md-component=palette] label')]
                      .find((l) => !l.hidden && l.offsetParent).click()"""
    assert page.evaluate("() => document.body.dataset.mdColorMedia") == "(prefers-color-scheme)"
    page.evaluate(toggle)
    page.wait_for_function("() => document.body.dataset.mdColorMedia.includes('light')")
    page.evaluate(toggle)
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")

    page.evaluate("() => { window.__samePage = true; }")
    click_link_to(page, "/checker/")
    assert page.evaluate("() => window.__samePage") is True  # no reload: instant navigation
    wait_ready(page)
    page.fill(f"{CHECKER} textarea[name=draft]", DRAFT)
    expected = cpython(DRAFT, "request", ui="en")
    assert wait_report(page, expected) == expected
    # The head now holds the checker page's meta too: it is the same policy, so nothing stacks.
    metas = page.evaluate(
        "() => [...document.querySelectorAll('meta[http-equiv=Content-Security-Policy]')]"
        ".map((m) => m.content)"
    )
    assert set(metas) == {first_policy}
    assert violations(page) == []
    assert page.problems == []


def test_a_request_to_another_origin_is_refused_by_the_policy(
    browser, site_server, other_origin
) -> None:  # type: ignore[no-untyped-def]
    target, hits = other_origin
    context, log = new_context(browser, site_server)
    try:
        page = context.new_page()
        page.add_init_script(INIT_SCRIPT)
        page.goto(url_of(site_server, "checker/"))
        wait_ready(page)
        blocked = {"directive": "connect-src", "blocked": target + "from-page"}

        # The control: a document of the same site without the policy reaches the other server.
        plain = context.new_page()
        plain.goto(url_of(site_server, "assets/connecteur/js/storage.js"))
        control = plain.evaluate(FETCH_PROBE, target + "control")
        assert control == {"outcome": "answered: here", "seen": []}
        assert hits == ["/control"]

        # From the page.
        result = page.evaluate(FETCH_PROBE, target + "from-page")
        assert result == {"outcome": "refused: TypeError", "seen": [blocked]}

        # From inside the checker's worker, where the draft is graded.
        result = checker_worker(page).evaluate(FETCH_PROBE, target + "from-worker")
        blocked["blocked"] = target + "from-worker"
        assert result == {"outcome": "refused: TypeError", "seen": [blocked]}

        # Material's search worker is a file: the policy reaches it through the header the
        # plugin's _headers file asks the host for (the test server honours it, as Netlify does).
        search = [w for w in page.workers if "/workers/search." in w.url]
        assert len(search) == 1
        result = search[0].evaluate(FETCH_PROBE, target + "from-search")
        blocked["blocked"] = target + "from-search"
        assert result == {"outcome": "refused: TypeError", "seen": [blocked]}
        # The other server never heard from the page or the worker.
        assert hits == ["/control"]
    finally:
        context.close()
    foreign = {u for u in log.urls if not u.startswith((site_server.origin, "blob:"))}
    assert foreign <= {target + p for p in ("control", "from-page", "from-worker", "from-search")}


def test_an_inline_script_nobody_hashed_does_not_run(
    make_context, built_site: Path, serve_folder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A built page with a script added after the build (as an injection would): the browser
    runs the plugin's hashed scripts and refuses the new one."""
    folder = tmp_path / "site"
    (folder / "privacy").mkdir(parents=True)
    for name in ("assets", "search", "sitemap.xml"):
        (folder / name).symlink_to(built_site / name)
    text = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    injected = "<script>window.__injected = true;</script>"
    (folder / "privacy" / "index.html").write_text(
        text.replace("</article>", injected + "</article>", 1), encoding="utf-8"
    )
    server = serve_folder(folder)
    page = make_context(server).new_page()
    page.add_init_script(VIOLATIONS)
    page.goto(server.url + "privacy/")
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__injected") is None
    # The plugin's hashed inline scripts did run (Material's head script defines __md_scope).
    assert page.evaluate("() => typeof window.__md_scope") == "object"
    page.wait_for_function("() => window.__cnViolations.length > 0")
    seen = violations(page)
    assert [v["directive"] for v in seen] == ["script-src-elem"]
    # A script a page's code inserts later is refused too.
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__inserted = true;"; document.body.append(s); }"""
    )
    page.wait_for_function("() => window.__cnViolations.length > 1")
    assert page.evaluate("() => window.__inserted") is None


def test_the_embed_runs_under_trusted_types(cpage, site_server) -> None:  # type: ignore[no-untyped-def]
    page = cpage
    page.add_init_script(VIOLATIONS)
    page.goto(url_of(site_server, "fr/embed/?kind=ask&lang=fr"))
    assert "require-trusted-types-for 'script'" in policy_of(page)
    wait_ready(page)
    page.fill(f"{CHECKER} textarea[name=draft]", DRAFT)
    expected = cpython(DRAFT, "ask", "fr")
    assert wait_report(page, expected) == expected
    assert checker_worker(page).url.startswith("blob:")
    assert violations(page) == []
    assert page.problems == []
    # Markup from a string is refused: the browser holds every script of the page to it.
    refused = page.evaluate(
        """() => { try { document.createElement("div").innerHTML = "<b>x</b>"; return "written"; }
                   catch (error) { return error.name; } }"""
    )
    assert refused == "TypeError"
    page.wait_for_function("() => window.__cnViolations.length > 0")
    assert {v["directive"] for v in violations(page)} == {"require-trusted-types-for"}


def test_a_page_framing_the_embed_without_parent_origin_gets_heights_only(
    browser, site_server, serve_folder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "parent"
    folder.mkdir()
    src = f"{site_server.url}embed/?kind=ask&example={quote(DRAFT)}"
    (folder / "frame.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framing</title>'
        "</head><body><script>window.received = [];"
        'addEventListener("message", (e) => received.push(e.data));</script>'
        f'<iframe src="{src}" title="checker" style="width:100%;height:600px"></iframe>'
        "</body></html>",
        encoding="utf-8",
    )
    parent = serve_folder(folder)
    context, _ = new_context(browser, parent)
    context.add_init_script(INIT_SCRIPT)  # in the embed too: it records its own graded events
    try:
        page = context.new_page()
        page.goto(parent.url + "frame.html")
        page.wait_for_function(
            "() => received.some((m) => m?.type === 'connecteur:height')", timeout=60_000
        )
        # The embed graded the draft (its own page got the report) ...
        embed = page.frames[1]
        expected = cpython(DRAFT, "ask", ui="en")
        embed.wait_for_function("() => window.__cnEvents.length > 0", timeout=BOOT_TIMEOUT)
        assert embed.evaluate("() => window.__cnEvents[0]") == expected
        # ... typing grades again, and still only heights reach the framing page.
        page.frame_locator("iframe").locator("textarea[name=draft]").fill(DRAFT + " Au revoir.")
        embed.wait_for_function("() => window.__cnEvents.length > 1")
        page.wait_for_timeout(500)  # a message posted with the report would have arrived by now
        kinds = set(page.evaluate("() => received.map((m) => m?.type)"))
        assert kinds == {"connecteur:height"}
    finally:
        context.close()
