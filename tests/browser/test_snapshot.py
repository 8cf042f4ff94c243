"""The memory snapshot (mkdocs_connecteur/runtime/snapshot.py): taken on a fast link, never asked
for on a slow one, booted around when it is damaged; in each case the checker grades as CPython."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import CHECKER, INIT_SCRIPT, wait_ready, wait_report
from site_fixtures import SiteServer, StaticHandler, free_port

import checker

DRAFT_BOX = f"{CHECKER} textarea[name=draft]"
DRAFT = (
    "Hi Dana, I run the night shift at a 40-bed ward and read your piece on handovers. We're "
    "choosing between two handover apps; could I ask you three questions in a 15-minute call, "
    "whenever suits you? No worries if not. Thanks, Sam"
)
# 40 Mbit/s: a link on which the snapshot costs more than it saves (worker.js: 125 Mbit/s).
SLOW = {"latency": 20, "downloadThroughput": 40e6 / 8, "uploadThroughput": 5e6 / 8}


# An 80 Mbit/s link shared by the runtime's files, made by the server itself (Chromium's network
# emulation throttles bytes once decoded, so it cannot show what a host's compression does).
SERVER_RATE = 80e6 / 8
CHUNK = 64 * 1024


class GzipWasmHandler(StaticHandler):
    """The site's server sending the runtime's files through one SERVER_RATE link, and the wasm
    gzipped, as many static hosts send it: its decoded bytes arrive at about 2.7 times the speed
    of the link."""

    gzipped: dict[str, bytes] = {}  # noqa: RUF012 (compressed once, before the page asks)

    def send_head(self):  # type: ignore[no-untyped-def]
        if not self.path.endswith(".wasm"):
            return super().send_head()
        self._log.append(self.path)
        body = self.gzipped[self.translate_path(self.path)]
        self.send_response(200)
        self.send_header("Content-Type", "application/wasm")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    link = threading.Lock()  # one link for every response: each chunk waits for its turn
    link_free_at = 0.0

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        if "/connecteur/runtime/" not in self.path:
            return super().copyfile(source, outputfile)
        cls = type(self)
        while chunk := source.read(CHUNK):
            with cls.link:
                start = max(time.monotonic(), cls.link_free_at)
                cls.link_free_at = start + len(chunk) / SERVER_RATE
            time.sleep(max(0.0, cls.link_free_at - time.monotonic()))
            outputfile.write(chunk)
        return None


@pytest.fixture
def gzip_server(site_server: SiteServer) -> Iterator[SiteServer]:
    wasm = site_server.root / "assets" / "connecteur" / "runtime" / "pyodide.asm.wasm"
    GzipWasmHandler.gzipped[str(wasm)] = gzip.compress(wasm.read_bytes(), compresslevel=6)
    server = SiteServer(site_server.root, free_port())
    handler = functools.partial(GzipWasmHandler, directory=str(server.root), log=server.paths)
    server.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", server.port), handler)
    server.httpd.daemon_threads = True
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    yield server
    server.stop()


def cpython(text: str) -> dict:
    report = checker.grade(text, kind="request", interface_language="en")
    return json.loads(json.dumps(report.to_dict()))


def boot_marks(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The worker's marks sent with "ready" (runtime.js's state)."""
    marks = page.evaluate(
        "(url) => import(url).then((m) => m.current().timings.marks.map((x) => x.name))",
        page.url.split("checker/")[0] + "assets/connecteur/js/runtime.js",
    )
    return [name.removeprefix("connecteur:") for name in marks]


def snapshot_requests(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        u for u in page.context.request_log.urls if urlsplit(u).path.endswith("snapshot.bin.gz")
    ]


def grade_like_cpython(page) -> None:  # type: ignore[no-untyped-def]
    page.fill(DRAFT_BOX, DRAFT)
    expected = cpython(DRAFT)
    assert wait_report(page, expected) == expected


def booted_without_it(page) -> None:  # type: ignore[no-untyped-def]
    """The worker decided against the snapshot, never asked for it, and grades as CPython."""
    wait_ready(page)
    marks = boot_marks(page)
    assert "no-snapshot" in marks and "snapshot" not in marks, marks
    assert snapshot_requests(page) == []
    grade_like_cpython(page)


def test_the_site_ships_a_snapshot_with_its_integrity(built_site: Path) -> None:
    import base64
    import hashlib

    runtime = built_site / "assets" / "connecteur" / "runtime"
    config = json.loads((runtime / "config.json").read_text(encoding="utf-8"))
    data = (runtime / config["snapshot"]["file"]).read_bytes()
    digest = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
    assert config["snapshot"]["integrity"] == f"sha256-{digest}"
    assert data[:2] == b"\x1f\x8b"  # gzipped: the worker gunzips it as it arrives


def test_a_fast_link_starts_from_the_snapshot(make_context, site_server) -> None:
    page = make_context().new_page()
    page.add_init_script(INIT_SCRIPT)
    page.goto(site_server.url + "checker/")
    wait_ready(page)
    marks = boot_marks(page)
    assert "snapshot" in marks and "snapshot-failed" not in marks, marks
    assert len(snapshot_requests(page)) == 1
    grade_like_cpython(page)


def test_a_slow_link_boots_without_asking_for_it(make_context, site_server) -> None:
    page = make_context().new_page()
    page.add_init_script(INIT_SCRIPT)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **SLOW})
    page.goto(site_server.url + "checker/")
    booted_without_it(page)


def test_a_compressed_wasm_does_not_make_the_link_look_fast(make_context, gzip_server) -> None:
    """At 80 Mbit/s the snapshot does not pay, even when the host's gzip makes the wasm's
    decoded bytes arrive faster than 125 Mbit/s: only responses counted as sent decide."""
    page = make_context(gzip_server).new_page()
    page.add_init_script(INIT_SCRIPT)
    page.goto(gzip_server.url + "checker/")
    booted_without_it(page)


# The page's thread kept busy for a while right after it creates the worker, as a loaded machine
# keeps it (the failure CI met): anything the page sends the worker after creating it arrives
# after the worker has decided on the snapshot.
BUSY_AFTER_WORKER = """
(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      const until = performance.now() + 2500;
      while (performance.now() < until) {}
    }
  };
})();
"""


@pytest.mark.parametrize("busy_page", [False, True], ids=["idle-page", "busy-page"])
def test_a_reader_saving_data_never_gets_it(make_context, site_server, busy_page) -> None:  # type: ignore[no-untyped-def]
    """However fast the link, and however busy the page: the page tells the worker in its name,
    read from the worker's first line (a worker does not see the setting in every browser, nor
    under Chromium's emulation of it)."""
    page = make_context().new_page()
    page.add_init_script(INIT_SCRIPT)
    if busy_page:
        page.add_init_script(BUSY_AFTER_WORKER)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    page.goto(site_server.url + "checker/")
    assert page.evaluate("() => navigator.connection.saveData") is True
    booted_without_it(page)


def test_a_damaged_snapshot_is_booted_around(make_context, serve_folder, site_server, tmp_path):  # type: ignore[no-untyped-def]
    copy = tmp_path / "site"
    shutil.copytree(site_server.root, copy, copy_function=os.link)
    damaged = copy / "assets" / "connecteur" / "runtime" / "snapshot.bin.gz"
    data = bytearray(damaged.read_bytes())
    damaged.unlink()  # a hard link: write a new file, not through the original
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    server = serve_folder(copy)
    page = make_context(server).new_page()
    page.add_init_script(INIT_SCRIPT)
    page.goto(server.url + "checker/")
    wait_ready(page)
    marks = boot_marks(page)
    assert "snapshot" in marks and "snapshot-failed" in marks, marks
    grade_like_cpython(page)
