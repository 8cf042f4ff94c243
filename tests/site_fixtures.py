"""Shared test plumbing (static server, Chromium flags, request log), importable by any test.

Test folders without ``__init__.py`` all import their conftest as the module ``conftest``, so
``from conftest import ...`` can reach the wrong one: import these from ``site_fixtures`` instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("CONNECTEUR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    # Anything that tries to leave loopback fails at once instead of hanging.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


def free_port() -> int:
    """A free TCP port on 127.0.0.1, chosen before the build so that site_url can name it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder with the MIME types Pyodide needs, quietly, and records each path."""

    extensions_map = {  # noqa: RUF012 (the standard library's own class attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".toml": "text/plain; charset=utf-8",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
    }

    def __init__(self, *args, log: list[str], **kwargs) -> None:
        self._log = log
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request stderr line; the path is kept in the log list instead."""

    def handle_one_request(self) -> None:
        """A browser dropping a connection (navigation, aborted fetch) is not a server error."""
        try:
            super().handle_one_request()
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True

    def send_head(self):  # type: ignore[no-untyped-def]
        self._log.append(self.path)
        return super().send_head()

    def end_headers(self) -> None:
        """Send the headers the site's ``_headers`` file asks for, as Netlify or Cloudflare Pages
        would (the plugin writes one: the Content-Security-Policy of worker scripts)."""
        path = self.path.split("?", 1)[0]
        for pattern, name, value in _header_rules(Path(self.directory) / "_headers"):
            if pattern.fullmatch(path):
                self.send_header(name, value)
        super().end_headers()


def _header_rules(file: Path) -> list[tuple[re.Pattern[str], str, str]]:
    """The rules of a ``_headers`` file: a path (``*`` matches anything), then indented
    ``Name: value`` lines."""
    rules: list[tuple[re.Pattern[str], str, str]] = []
    if not file.is_file():
        return rules
    pattern = None
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.compile(".*".join(re.escape(p) for p in line.strip().split("*")))
        elif pattern is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            rules.append((pattern, name.strip(), value.strip()))
    return rules


@dataclass
class SiteServer:
    """A running static server: ``url`` ends with "/"; ``paths`` lists every path requested."""

    root: Path
    port: int
    paths: list[str] = field(default_factory=list)
    httpd: http.server.ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> SiteServer:
        handler = functools.partial(StaticHandler, directory=str(self.root), log=self.paths)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


@dataclass
class RequestLog:
    """Every URL requested by the pages of one browser context (workers included)."""

    urls: list[str] = field(default_factory=list)

    def foreign(self, origin: str) -> list[str]:
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in LOCAL_SCHEMES:
                continue
            if f"{parts.scheme}://{parts.netloc}" != origin:
                out.append(url)
        return out


# Session-wide record of every browser request (each test checks its own).
SESSION_REQUESTS = RequestLog()


def new_context(browser, site_server: SiteServer, **options):  # type: ignore[no-untyped-def]
    """A fresh context (empty storage) whose requests go to the log."""
    context = browser.new_context(base_url=site_server.url, **options)
    log = RequestLog()

    def record(request) -> None:  # type: ignore[no-untyped-def]
        log.urls.append(request.url)
        SESSION_REQUESTS.urls.append(request.url)

    context.on("request", record)
    context.set_default_timeout(60_000)
    return context, log


def add_axe(page, axe: Path) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core's source in the page through the DevTools protocol. A ``<script>`` tag (what
    ``page.add_script_tag`` adds) is an inline script the build did not hash: the site's
    Content-Security-Policy refuses it, as it should. The page stays under its policy."""
    page.evaluate(axe.read_text(encoding="utf-8") + "\n;0")


def click_link_to(page, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """Click (as a reader would, so Material's instant navigation handles it) a link to a page.

    Material intercepts links only once it has its sitemap: a click before that is a full load.
    """
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('sitemap.xml'))"
    )
    found = page.evaluate(
        """(suffix) => {
             const a = [...document.querySelectorAll("a[href]")]
               .find(a => new URL(a.href).pathname.endsWith(suffix) && !new URL(a.href).hash);
             if (!a) return false;
             a.click();
             return true;
           }""",
        suffix,
    )
    assert found, f"no link to …{suffix} on {page.url}"
    arrived(page, suffix)


def arrived(page, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page at …suffix is the one shown, not merely in the address bar.

    Instant navigation changes the URL first and swaps the content later: a click in between
    would land on the old page's links.
    """
    page.wait_for_function(
        """(suffix) => location.pathname.endsWith(suffix) &&
             (document.querySelector('link[rel=canonical]')?.href || '').endsWith(suffix)""",
        arg=suffix,
    )
