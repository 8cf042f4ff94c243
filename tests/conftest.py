"""Shared fixtures: the built site, a static server for it, and one real Chromium per session.

The browser is Debian's ``/usr/bin/chromium`` driven by Playwright (``playwright install`` cannot
download here). Every request any page makes is recorded; a page fixture fails its test if one left
the site's origin, so "no third-party request" is checked by every browser test, not by one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_fixtures import (  # noqa: F401 (re-exported for tests that import them from here)
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_SCHEMES,
    REPO,
    SESSION_REQUESTS,
    RequestLog,
    SiteServer,
    free_port,
    new_context,
)

# The tests build many small sites, each in a fresh folder: they share the repository's on-disk
# cache (the plugin's default is .cache/connecteur next to each mkdocs.yml, which would compile
# the bytecode under Node again for every one). A test about the default unsets it.
os.environ.setdefault("CONNECTEUR_CACHE", str(REPO / ".cache" / "connecteur"))

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's messages follow the locale (connecteur_cli/texts.py): tests that read
    them in English must not depend on the shell they run from. A test that wants French sets LANG
    itself."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


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
