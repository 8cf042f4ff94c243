"""Shared fixtures: the built site, a static server for it, and one real Chromium per session.

The browser is Debian's ``/usr/bin/chromium`` driven by Playwright (``playwright install`` cannot
download here). Every request any page makes is recorded; a page fixture fails its test if one left
the site's origin, so "no third-party request" is checked by every browser test, not by one.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
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


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """Our site, built with ``--strict`` and ``SITE_URL`` set to the test server's address."""
    out = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "SITE_URL": f"http://127.0.0.1:{site_port}/",
        "NO_MKDOCS_2_WARNING": "1",
    }
    mkdocs = Path(sys.executable).with_name("mkdocs")
    # CONNECTEUR_TEST_STRICT=0 is a debugging aid only: see a content warning and test anyway.
    strict = ["--strict"] if os.environ.get("CONNECTEUR_TEST_STRICT", "1") != "0" else []
    command = [str(mkdocs), "build", *strict, "-f", str(REPO / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return out


@pytest.fixture(scope="session")
def site_server(built_site: Path, site_port: int) -> Iterator[SiteServer]:
    server = SiteServer(built_site, site_port).start()
    yield server
    server.stop()


@pytest.fixture
def serve_folder() -> Iterator:  # type: ignore[type-arg]
    """Factory: serve another folder (a broken copy of the site…) on a fresh port until teardown."""
    servers: list[SiteServer] = []

    def serve(root: Path) -> SiteServer:
        server = SiteServer(root, free_port()).start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


def chromium_missing_reason() -> str | None:
    """Why browser tests cannot run here, or None. Under CI a missing browser is a failure."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    return f"Chromium not found at {CHROMIUM} (install Debian's chromium: scripts/ensure-chromium)"


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """One headless Chromium for the whole session."""
    reason = chromium_missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the browser tests", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
    except Exception:
        playwright.stop()
        raise
    yield instance
    instance.close()
    playwright.stop()


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


# Session-wide record, checked after each test and once more at the end of the session.
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


@pytest.fixture
def make_context(browser, site_server: SiteServer):  # type: ignore[no-untyped-def]
    """Factory of fresh contexts (``ctx.request_log``); at teardown, fails if a request left
    the site's origin."""
    made = []

    def make(server: SiteServer | None = None, **options):  # type: ignore[no-untyped-def]
        server = server or site_server
        ctx, log = new_context(browser, server, **options)
        ctx.request_log = log  # type: ignore[attr-defined]
        made.append((ctx, log, server))
        return ctx

    yield make
    for ctx, log, server in made:
        ctx.close()
        foreign = log.foreign(server.origin)
        assert not foreign, f"requests left {server.origin}: {foreign[:10]}"


@pytest.fixture
def context(make_context):  # type: ignore[no-untyped-def]
    """A fresh browser context; the test fails if any of its requests left the site's origin."""
    return make_context()


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    """A page whose JavaScript errors and dialogs are collected in ``page.problems``."""
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    page.problems = problems  # type: ignore[attr-defined]
    return page


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A last word on the whole session's requests (each test already checked its own)."""
    if SESSION_REQUESTS.urls:
        hosts = sorted({urlsplit(u).netloc for u in SESSION_REQUESTS.urls if urlsplit(u).netloc})
        sys.stderr.write(f"\nbrowser requests this session went to: {json.dumps(hosts)}\n")
