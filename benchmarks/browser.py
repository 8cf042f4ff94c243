"""Browser benchmark: what a reader waits for, against a bare Pyodide boot, and how fast it answers.

In one run and one headless Chromium (Debian's /usr/bin/chromium), on a fresh build of the site:

- ``bare_boot_bundled``: a minimal generated page that boots Pyodide in a module worker, on the
  runtime as our site ships it (Pyodide's files, the standard library with bytecode instead of
  sources, see mkdocs_connecteur/runtime/stdlib.py), navigation start to "booted", vs
  ``checker_ready``: our checker page, navigation start to ``data-state=ready``; ``ready_ratio``
  = checker / that (target <= 1.15): what the page adds to the boot of the runtime it ships.
  ``bare_boot``: the same bare page on the pinned npm package's files as published, and
  ``npm_ratio`` = checker / that. Where the time goes: ``at <mark>``, ms since navigation start
  (medians): the page's marks (``connecteur:worker-created`` by runtime.js, ``connecteur:main``
  when main.js runs, after Material's bundle), the document's DOMContentLoaded, the worker's
  marks (``connecteur:worker`` when its module runs, ``config``, ``pyodide-module``, ``runtime``
  when loadPyodide returned, ``core`` when the checker's zip is on sys.path (``wheel``, when
  it was installed, in builds before it), ``import`` of checker.bridge, ``model`` when the role
  model is read, ``ready``) and when each
  runtime file finished downloading (``fetched:<file>``); ``worker_started``; ``bare_runtime``,
  ``bundled_runtime`` and ``our_runtime``, loadPyodide inside each worker; and
  ``our_checker_load``, installing and importing the checker after that. Runs alternate, each in
  a fresh context (cold HTTP cache for all), medians reported. ``runtime_mb`` and
  ``npm_runtime_mb``: what a cold boot downloads from the site's runtime folder, and the same
  files as npm publishes them; ``bytes_before_ready_mb``: what the server sent for our page
  before ``ready`` (its own log); ``downloaded_twice``: runtime or widget files the server sent
  more than once in one cold boot (target 0). With ``--without-search``, our page also boots with
  Material's search index request refused (``ready_ratio_no_search``).
- ``slow_*``: the bundled bare page and our checker page side by side on a throttled link
  (Chromium's network emulation, 10 Mbit/s down, 40 ms; dedicated workers' requests go through
  the page's network stack, so the runtime's downloads are throttled too): ``slow_ready_ratio``.
  ``--throttled-runs N`` (default 3), ``--no-throttle`` to skip.
- ``baseline_*`` with ``--baseline DIR``: a site built from another commit (``git archive`` it,
  ``mkdocs build -d DIR``), its checker page and bundled bare page booted in turn with ours in
  the same browser: before and after, side by side; ``baseline_paired_difference``, the median
  over runs of ours minus the baseline's checker ready time, and ``baseline_runs_won``.
- ``keystroke_to_result``: last keystroke to the ``connecteur:graded`` event (dispatched after the
  results are rendered) for a typical 120-word draft, debounce included (median; target < 150 ms),
  and ``grade_in_worker``: the grading call inside the worker (median; target < 30 ms);
  ``first_grade_in_worker``: the same for the first draft typed a second after ``ready``;
  ``prefilled_ready_to_result``: on a guide page whose checker holds an example, from ``ready``
  to its first result (cold boot).
- ``instant_nav_ready``: click on a link to the checker, from another page of a tab whose runtime
  has booted, to ``data-state=ready`` (median; target < 150 ms).
- Experiments, each measured against the site as built (as the baseline): ``--hold-material``,
  the checker pages with Material's bundle held back until ``ready``; ``--early-held``,
  ``--hold-material`` with the worker started from an async module in the head. Neither is the
  site we ship (docs/reference/performance.md). ``--without-snapshot``: the site as built against
  a copy of it that ships no memory snapshot, as the baseline (what the snapshot earns).

    .venv/bin/python benchmarks/browser.py [--json] [--runs 3] [--site DIR] [--without-search]
        [--throttled-runs 3 | --no-throttle]
        [--baseline OTHER_SITE | --hold-material | --early-held | --without-snapshot]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNTIME = "assets/connecteur/runtime/"
CHROMIUM = os.environ.get("CONNECTEUR_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
CHECKER = "[data-connecteur-checker]"
READY = "() => window.__bench.readyAt !== null"

DRAFT_120 = (
    "Bonjour Claire,\n\nJe m'appelle Paul Martin et je suis ingénieur logiciel chez Acme à Lyon "
    "depuis six ans. Marc Dubois, avec qui j'ai travaillé sur le projet de facturation, m'a dit "
    "que vous aviez quitté le développement pour la gestion de produit il y a trois ans. Je "
    "prépare la même transition et j'aimerais comprendre comment vous avez vécu la première "
    "année : ce qui vous a surprise, ce que vous auriez aimé savoir avant, et comment vous avez "
    "convaincu votre direction. Accepteriez-vous un appel de vingt minutes dans les deux "
    "prochaines semaines, au moment qui vous convient le mieux ? Je peux aussi vous envoyer "
    "deux questions par courriel si c'est plus simple pour vous. Je comprendrais tout à fait "
    "que ce ne soit pas possible en ce moment.\n\nBien cordialement,\nPaul Martin"
)

BARE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>
</head><body><p id="out">booting</p><script type="module">
const worker = new Worker(new URL("./bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (e) => {
  window.__bareBooted = performance.now();
  window.__bareRuntimeMs = e.data.runtime_ms;
  document.getElementById("out").textContent = "booted " + e.data.version;
};
</script></body></html>
"""
BARE_WORKER = """
const RUNTIME = new URL("RUNTIME_DIR", import.meta.url).href;
const started = performance.now();
const { loadPyodide } = await import(RUNTIME + "pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: RUNTIME, packageBaseUrl: RUNTIME });
self.postMessage({ version: pyodide.version, runtime_ms: Math.round(performance.now() - started) });
"""

INIT = """
(() => {
  const bench = { readyAt: null, events: [], keyAt: null, navAt: null };
  Object.defineProperty(window, "__bench", { value: bench });
  const check = () => {
    const ready = document.querySelector("[data-connecteur-checker][data-state=ready]");
    if (bench.readyAt === null && ready) bench.readyAt = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  document.addEventListener("connecteur:graded", (e) => bench.events.push({
    at: performance.now(), ms: Number(e.target.dataset.gradeMs), band: e.detail.band }));
  document.addEventListener("keydown", () => { bench.keyAt = performance.now(); }, true);
})();
"""


# Chromium's network emulation (DevTools protocol), like a reader on a modest connection.
THROTTLE = {"latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8}

# Where the time goes, in the page's clock (ms since navigation start): the page's own marks
# (runtime.js, main.js), the document's milestones, and the worker's marks (worker.js sends them
# as epoch times with "ready").
MARKS = r"""(url) => import(url).then((m) => {
  const state = m.current();
  const out = {};
  for (const e of performance.getEntriesByType("mark")) out[e.name] = e.startTime;
  const nav = performance.getEntriesByType("navigation")[0];
  out["document:dom-content-loaded"] = nav.domContentLoadedEventStart;
  const bundle = performance.getEntriesByType("resource")
    .find((r) => /bundle\.[^/]*\.js$/.test(r.name));
  if (bundle) out["material-bundle:downloaded"] = bundle.responseEnd;
  for (const mark of state.timings.marks) out[mark.name] = mark.at - performance.timeOrigin;
  for (const f of state.timings.files) out["fetched:" + f.name] = f.end - performance.timeOrigin;
  out["ready"] = window.__bench.readyAt;
  return out;
})"""


def throttle(page) -> None:  # type: ignore[no-untyped-def]
    """Emulate THROTTLE for ``page`` and its workers (whose requests go through the page)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **THROTTLE})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    log: list[tuple[float, str, int]] = []  # noqa: RUF012  (time, path, bytes) of each GET

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        super().do_GET()
        path = self.translate_path(self.path)
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        Handler.log.append((time.monotonic(), self.path.split("?", 1)[0], size))

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True


def build(port: int, out: Path) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    done = subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")


def click_link(page, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """Click a link like a reader, once Material has its sitemap (else it would not intercept)."""
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))"
    )
    ok = page.evaluate(
        """(suffix) => {
             const a = [...document.querySelectorAll("a[href]")]
               .find(a => new URL(a.href).pathname.endsWith(suffix) && !new URL(a.href).hash);
             if (!a) return false;
             window.__bench.readyAt = null;
             window.__bench.navAt = performance.now();
             a.click();
             return true;
           }""",
        suffix,
    )
    if not ok:
        raise RuntimeError(f"no link to {suffix} on {page.url}")
    # The URL changes before the content is swapped: wait for the new page itself.
    page.wait_for_function(
        """(suffix) => location.pathname.endsWith(suffix) &&
             (document.querySelector('link[rel=canonical]')?.href || '').endsWith(suffix)""",
        arg=suffix,
    )


@contextmanager
def recorded_page(browser, url: str, *, refuse: str | None = None, slow: bool = False) -> Iterator:  # type: ignore[no-untyped-def]
    """``url`` in a new context (a cold HTTP cache) with the benchmark's recorder; ``refuse``: a
    URL pattern whose requests fail; ``slow``: on the THROTTLE link."""
    ctx = browser.new_context()
    ctx.add_init_script(INIT)
    if refuse:
        ctx.route(refuse, lambda route: route.abort())
    try:
        page = ctx.new_page()
        if slow:
            throttle(page)
        page.goto(url)
        yield page
    finally:
        ctx.close()


def write_bare_pages(site: Path) -> None:
    """``_bench/``: the bare page on Pyodide's files as npm publishes them (pinned, checked);
    ``_bench/bundled/``: the same page on the runtime as the site ships it."""
    from mkdocs_connecteur.runtime.pyodide import LOCKFILE, SHIPPED, find_pyodide, verify

    npm = find_pyodide(None, str(REPO / "mkdocs.yml"))
    verify(npm)
    pages = {site / "_bench": "./pyodide/", site / "_bench" / "bundled": "../../" + RUNTIME}
    for folder, runtime in pages.items():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
        worker = BARE_WORKER.replace("RUNTIME_DIR", runtime)
        (folder / "bare-worker.mjs").write_text(worker, encoding="utf-8")
    (site / "_bench" / "pyodide").mkdir(exist_ok=True)
    for name in (*SHIPPED, LOCKFILE):
        shutil.copyfile(npm / name, site / "_bench" / "pyodide" / name)


def runtime_bytes(folder: Path) -> int:
    """What a cold boot on a fast link downloads from a runtime folder: Pyodide's files, the
    lockfile, the checker's zip (or wheel, in builds before the zip), config, and the memory
    snapshot when there is one (a slow link never asks for it: bytes_before_ready_mb says what
    was sent)."""
    from mkdocs_connecteur.runtime.pyodide import LOCKFILE, SHIPPED
    from mkdocs_connecteur.runtime.snapshot import FILE as SNAPSHOT_FILE

    names = [*SHIPPED, LOCKFILE, "config.json", SNAPSHOT_FILE]
    checker = [*folder.glob("*.whl"), *folder.glob("checker-*.zip")]
    return sum((folder / n).stat().st_size for n in names if (folder / n).is_file()) + sum(
        path.stat().st_size for path in checker
    )


def boot_bare(browser, url: str, slow: bool = False) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A bare page in a new context: (navigation start to booted, loadPyodide in the worker)."""
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        if slow:
            throttle(page)
        page.goto(url)
        page.wait_for_function("() => window.__bareBooted", timeout=300_000)
        return page.evaluate("() => [window.__bareBooted, window.__bareRuntimeMs]")
    finally:
        ctx.close()


def served_since(start: float) -> list[tuple[float, str, int]]:
    return [entry for entry in Handler.log if entry[0] >= start]


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    write_bare_pages(site)
    handler = functools.partial(Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def measure(
    site: Path,
    port: int,
    runs: int,
    without_search: bool = False,
    throttled_runs: int = 3,
    baseline: Path | None = None,
) -> list[dict]:
    from playwright.sync_api import sync_playwright

    httpd = serve(site, port)
    base = f"http://127.0.0.1:{port}/"
    # Another build of the site (another commit), served beside ours and measured in turn.
    old_httpd = serve(baseline, free_port()) if baseline else None
    old_base = f"http://127.0.0.1:{old_httpd.server_address[1]}/" if old_httpd else ""
    old_bundled: list[float] = []
    old_ours: list[float] = []
    bare: list[float] = []
    bare_runtime: list[float] = []
    bundled: list[float] = []
    bundled_runtime: list[float] = []
    no_search: list[float] = []
    prefilled: list[float] = []
    our_runtime: list[float] = []
    our_checker: list[float] = []
    ours: list[float] = []
    latency: list[float] = []
    in_worker: list[float] = []
    first: list[float] = []
    started: list[float] = []
    nav: list[float] = []
    marks: dict[str, list[float]] = {}
    before_ready: list[int] = []
    twice: set[str] = set()
    slow_bundled: list[float] = []
    slow_ours: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(runs):
            if old_httpd:
                old_bundled.append(boot_bare(browser, old_base + "_bench/bundled/")[0])
                with recorded_page(browser, old_base + "checker/") as page:
                    page.wait_for_function(READY, timeout=180_000)
                    old_ours.append(page.evaluate("() => window.__bench.readyAt"))
            booted, runtime_ms = boot_bare(browser, base + "_bench/")
            bare.append(booted)
            bare_runtime.append(runtime_ms)
            booted, runtime_ms = boot_bare(browser, base + "_bench/bundled/")
            bundled.append(booted)
            bundled_runtime.append(runtime_ms)

            began = time.monotonic()
            with recorded_page(browser, base + "checker/") as page:
                page.wait_for_function(READY, timeout=180_000)
                ready_at = time.monotonic()
                ours.append(page.evaluate("() => window.__bench.readyAt"))
                # What the server sent before "ready" (its log: each GET, once it was answered),
                # and any file of the runtime asked for twice.
                served = [e for e in served_since(began) if e[0] <= ready_at]
                before_ready.append(sum(size for _, _, size in served))
                paths = [p for _, p, _ in served_since(began) if "/connecteur/" in p]
                twice |= {p for p in paths if paths.count(p) > 1}
                for name, at in page.evaluate(
                    MARKS, base + "assets/connecteur/js/runtime.js"
                ).items():
                    marks.setdefault(name, []).append(at)
                # When the page started the worker (the runtime module's own record; importing
                # its URL returns the live module): the part of the overhead that is the page.
                state = page.evaluate(
                    "(url) => import(url).then((m) => m.current())",
                    base + "assets/connecteur/js/runtime.js",
                )
                started.append(state["startedAt"])
                our_runtime.append(state["timings"]["runtime_ms"])
                our_checker.append(state["timings"]["checker_ms"])
                # A reader starts typing a moment after "ready": the first grading should not
                # pay for preparing the rubric (the worker warms it up in idle time).
                page.wait_for_timeout(1000)
                page.fill(f"{CHECKER} textarea[name=draft]", DRAFT_120)
                page.wait_for_function("() => window.__bench.events.length > 0", timeout=30_000)
                first.append(page.evaluate("() => window.__bench.events[0].ms"))

            # A guide page ends with a checker pre-filled with an example: its result should
            # follow "ready" closely (the rubric is read, and patterns compiled, on demand).
            with recorded_page(browser, base + "guide/motivated-request/") as page:
                page.wait_for_function("() => window.__bench.events.length > 0", timeout=180_000)
                prefilled.append(
                    page.evaluate("() => window.__bench.events[0].at - window.__bench.readyAt")
                )

            if without_search:
                # The same page with Material's search index request refused: how much of our
                # page's cost is the index being built in its own worker while Pyodide boots.
                refused = "**/search/search_index.json"
                with recorded_page(browser, base + "checker/", refuse=refused) as page:
                    page.wait_for_function(READY, timeout=180_000)
                    no_search.append(page.evaluate("() => window.__bench.readyAt"))

        # The same two pages on a throttled link (THROTTLE), side by side: bytes now cost time.
        for _ in range(throttled_runs):
            booted, _ = boot_bare(browser, base + "_bench/bundled/", slow=True)
            slow_bundled.append(booted)
            with recorded_page(browser, base + "checker/", slow=True) as page:
                page.wait_for_function(READY, timeout=300_000)
                slow_ours.append(page.evaluate("() => window.__bench.readyAt"))

        # Typing latency and instant navigation, in one tab whose runtime has booted.
        ctx = browser.new_context()
        ctx.add_init_script(INIT)
        page = ctx.new_page()
        page.goto(base)
        click_link(page, "/checker/")
        page.wait_for_selector(f"{CHECKER}[data-state=ready]", timeout=180_000)
        box = f"{CHECKER} textarea[name=draft]"
        page.fill(box, DRAFT_120[:-1])
        page.wait_for_function("() => window.__bench.events.length > 0")
        page.focus(box)
        page.press(box, "End")
        for i in range(21):
            count = page.evaluate("() => window.__bench.events.length")
            page.keyboard.press("Backspace" if i % 2 else DRAFT_120[-1])
            page.wait_for_function("(n) => window.__bench.events.length > n", arg=count)
            event = page.evaluate("() => window.__bench.events.at(-1)")
            key_at = page.evaluate("() => window.__bench.keyAt")
            if i:  # the first one warms up
                latency.append(event["at"] - key_at)
                in_worker.append(event["ms"])

        for _ in range(max(5, runs)):
            click_link(page, "/guide/motivated-request/")
            click_link(page, "/checker/")
            page.wait_for_function(READY, timeout=30_000)
            nav.append(page.evaluate("() => window.__bench.readyAt - window.__bench.navAt"))
        ctx.close()
        browser.close()
    for server in (httpd, old_httpd):
        if server:
            server.shutdown()
            server.server_close()

    med = statistics.median

    def figure(name: str, value: float, unit: str = "ms", target: str | None = None) -> dict:
        return {"name": name, "value": value, "unit": unit, "target": target}

    throttled = (
        [
            figure("slow_bare_boot_bundled", round(med(slow_bundled))),
            figure("slow_checker_ready", round(med(slow_ours))),
            figure(
                "slow_ready_ratio", round(med(slow_ours) / med(slow_bundled), 3), "x", "<= 1.15"
            ),
        ]
        if slow_ours
        else []
    )
    compared = (
        [
            figure("baseline_bare_boot_bundled", round(med(old_bundled))),
            figure("baseline_checker_ready", round(med(old_ours))),
            figure("baseline_ready_ratio", round(med(old_ours) / med(old_bundled), 3), "x"),
            figure("baseline_runtime_mb", round(runtime_bytes(baseline / RUNTIME) / 1e6, 2), "MB"),
            # Run by run (each run boots both checker pages, one after the other): the median
            # of our time minus the baseline's, and in how many runs ours was ready first. Less
            # exposed than two medians to a machine whose load drifts during the benchmark.
            figure(
                "baseline_paired_difference",
                round(med([new - old for new, old in zip(ours, old_ours, strict=True)])),
            ),
            figure(
                "baseline_runs_won",
                sum(new < old for new, old in zip(ours, old_ours, strict=True)),
                f"of {len(ours)}",
            ),
        ]
        if baseline and old_ours
        else []
    )
    timeline = [
        figure(f"at {name}", round(med(values)))
        for name, values in sorted(marks.items(), key=lambda item: med(item[1]))
        if len(values) == len(ours)
    ]
    return [
        figure("bare_boot", round(med(bare))),
        figure("bare_boot_bundled", round(med(bundled))),
        figure("worker_started", round(med(started))),
        figure("bare_runtime", round(med(bare_runtime))),
        figure("bundled_runtime", round(med(bundled_runtime))),
        figure("our_runtime", round(med(our_runtime))),
        figure("our_checker_load", round(med(our_checker))),
        figure("checker_ready", round(med(ours))),
        figure("ready_ratio", round(med(ours) / med(bundled), 3), "x", "<= 1.15"),
        figure("npm_ratio", round(med(ours) / med(bare), 3), "x"),
        *(
            [
                figure("checker_ready_no_search", round(med(no_search))),
                figure("ready_ratio_no_search", round(med(no_search) / med(bundled), 3), "x"),
            ]
            if no_search
            else []
        ),
        figure("runtime_mb", round(runtime_bytes(site / RUNTIME) / 1e6, 2), "MB"),
        figure("bytes_before_ready_mb", round(med(before_ready) / 1e6, 2), "MB"),
        figure("downloaded_twice", len(twice), "files", "0"),
        figure("npm_runtime_mb", round(runtime_bytes(site / "_bench" / "pyodide") / 1e6, 2), "MB"),
        figure("prefilled_ready_to_result", round(med(prefilled), 1)),
        figure("keystroke_to_result", round(med(latency), 1), target="< 150"),
        figure("grade_in_worker", round(med(in_worker), 1), target="< 30"),
        figure("first_grade_in_worker", round(med(first), 1), target="< 30"),
        figure("instant_nav_ready", round(med(nav), 1), target="< 150"),
        *throttled,
        *compared,
        *timeline,
    ]


HELD_BUNDLE = """(() => {
  // Benchmark only (--hold-material): Material's bundle, held back until the checker is ready.
  const src = document.currentScript.dataset.bundle;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    const script = document.createElement("script");
    script.src = src;
    document.body.append(script);
  };
  document.addEventListener("connecteur:runtime", go, { once: true });
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, go, { once: true, capture: true });
  }
  setTimeout(go, 8000);
})();
"""
_MATERIAL_BUNDLE = re.compile(
    r'<script src="([^"]*assets/javascripts/bundle\.[^"]*\.js)"></script>'
)


def hold_material(site: Path, out: Path) -> Path:
    """A copy of `site` whose checker pages load Material's bundle only once the checker is ready
    (or the reader presses a key or the pointer, or after 8 s): what the page's own start costs
    the checker, measured against `site` itself. An experiment, not the site we ship."""
    shutil.copytree(site, out)
    (out / "assets" / "held-bundle.js").write_text(HELD_BUNDLE, encoding="utf-8")
    for page in (out / "checker" / "index.html", out / "fr" / "checker" / "index.html"):
        html = page.read_text(encoding="utf-8")
        found = _MATERIAL_BUNDLE.search(html)
        if found is None:
            sys.exit(f"Material's bundle not found in {page}")
        assets = found.group(1).split("javascripts/bundle", 1)[0]  # "../assets/" on this page
        tag = f'<script src="{assets}held-bundle.js" data-bundle="{found.group(1)}"></script>'
        page.write_text(html[: found.start()] + tag + html[found.end() :], encoding="utf-8")
    return out


EARLY_BOOT = """// Benchmark only (--early-held): the worker, started from the page's head.
import { start } from "./runtime.js";

start();
"""
_MODULE_HINT = re.compile(
    r'<link rel="modulepreload" href="([^"]*)runtime\.js" data-connecteur-hint>'
)


def early_held(site: Path, out: Path) -> Path:
    """`hold_material`'s copy, whose checker pages also start the worker from an async module in
    the head (before the body is parsed), so that neither the page's parsing nor Material's bundle
    comes before Pyodide's boot: the fourth and fifth passes together. An experiment."""
    hold_material(site, out)
    script = out / "assets" / "connecteur" / "js" / "early-boot.js"
    script.write_text(EARLY_BOOT, encoding="utf-8")
    for page in (out / "checker" / "index.html", out / "fr" / "checker" / "index.html"):
        html = page.read_text(encoding="utf-8")
        found = _MODULE_HINT.search(html)
        if found is None:
            sys.exit(f"the runtime's modulepreload hint not found in {page}")
        tag = f'<script type="module" async src="{found.group(1)}early-boot.js"></script>'
        page.write_text(html[: found.end()] + "\n" + tag + html[found.end() :], encoding="utf-8")
    return out


def without_snapshot(site: Path, out: Path) -> Path:
    """A copy of `site` that ships no memory snapshot (as `snapshot: false` builds it): every
    worker boots Pyodide. Measured as the baseline of the site as built, it says what the snapshot
    earns on a fast link and costs on a slow one, run by run."""
    from mkdocs_connecteur.runtime.snapshot import FILE

    shutil.copytree(site, out)
    runtime = out / RUNTIME
    (runtime / FILE).unlink(missing_ok=True)
    config = json.loads((runtime / "config.json").read_text(encoding="utf-8"))
    config["snapshot"] = None
    text = json.dumps(config, indent=2, sort_keys=True) + "\n"
    (runtime / "config.json").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    parser.add_argument("--runs", type=int, default=3, help="cold boots of each page (default 3)")
    parser.add_argument("--site", type=Path, help="a site already built (with SITE_URL = --port)")
    parser.add_argument("--port", type=int, help="port to serve on (default: a free one)")
    parser.add_argument(
        "--without-search",
        action="store_true",
        help="also boot our page with Material's search index refused (its share of the cost)",
    )
    parser.add_argument(
        "--throttled-runs",
        type=int,
        default=3,
        help="cold boots on a throttled link, 10 Mbit/s and 40 ms (default 3; 0 skips them)",
    )
    parser.add_argument("--no-throttle", action="store_true", help="skip the throttled link")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="a site built from another commit: its checker page and bundled bare page are "
        "measured in turn with ours, in the same browser (baseline_ready_ratio)",
    )
    parser.add_argument(
        "--hold-material",
        action="store_true",
        help="experiment: our checker page with Material's bundle held back until the checker is "
        "ready, measured against the site as built (given as the baseline)",
    )
    parser.add_argument(
        "--without-snapshot",
        action="store_true",
        help="the site as built against a copy of it that ships no memory snapshot (the baseline)",
    )
    parser.add_argument(
        "--early-held",
        action="store_true",
        help="experiment: --hold-material, and the worker started from an async module in the "
        "head, measured against the site as built",
    )
    options = parser.parse_args()
    experiments = [options.hold_material, options.early_held, options.without_snapshot]
    if any(experiments) and options.baseline:
        parser.error("the experiments measure against the site as built, not --baseline")
    if sum(experiments) > 1:
        parser.error("one experiment at a time")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"Chromium not found at {CHROMIUM}")
    port = options.port or free_port()
    with tempfile.TemporaryDirectory(prefix="connecteur-bench-") as tmp:
        site = options.site
        if site is None:
            site = Path(tmp) / "site"
            build(port, site)
        slow = 0 if options.no_throttle else options.throttled_runs
        baseline = options.baseline
        if options.hold_material:
            site, baseline = hold_material(site, Path(tmp) / "held"), site
        if options.without_snapshot:
            baseline = without_snapshot(site, Path(tmp) / "without-snapshot")
        if options.early_held:
            site, baseline = early_held(site, Path(tmp) / "early-held"), site
        figures = measure(site, port, options.runs, options.without_search, slow, baseline)
    for figure in figures:
        if options.json:
            print(json.dumps(figure))
        else:
            target = f"  (target {figure['target']})" if figure["target"] else ""
            print(f"{figure['name']:<40} {figure['value']:>10} {figure['unit']}{target}")


if __name__ == "__main__":
    main()
