"""The runtime's loading line in Chromium: bytes received of the build-time total, an estimate
from the measured rate, polite announcements, near the draft; each file fetched once; ready.

On a throttled link (Chromium's network emulation) so that the download takes long enough to be
seen ticking; cold boots, so the tests are few.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import CHECKER, url_of, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# 40 Mbit/s, 20 ms: the 14 MB runtime takes about three seconds.
LINK = {"offline": False, "latency": 20, "downloadThroughput": 40e6 / 8, "uploadThroughput": 5e6}

# Every value the loading line, the bar and the status line take, in order.
RECORDER = """
(() => {
  const seen = { text: [], status: [], bar: [] };
  Object.defineProperty(window, "__cnProgress", { value: seen });
  const watch = () => {
    const root = document.querySelector("[data-connecteur-checker]");
    if (!root) return false;
    const text = root.querySelector("[data-role=progress-text]");
    const status = root.querySelector("[data-role=status]");
    const bar = root.querySelector("[data-role=progress]");
    new MutationObserver(() => {
      const t = text.textContent;
      if (t && t !== seen.text.at(-1)) seen.text.push(t);
      const s = status.textContent;
      if (s !== seen.status.at(-1)) seen.status.push(s);
      const b = [bar.value, bar.max];
      if (String(b) !== String(seen.bar.at(-1))) seen.bar.push(b);
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    return true;
  };
  if (!watch()) document.addEventListener("DOMContentLoaded", watch);
})();
"""


def slow_page(make_context):  # type: ignore[no-untyped-def]
    context = make_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", LINK)
    return context, page


def runtime_files(built_site: Path) -> list[str]:
    """What a reader on a slow link downloads: every file of the runtime but the snapshot, which
    only a fast link asks for (test_snapshot.py)."""
    folder = built_site / "assets/connecteur/runtime"
    return sorted(p.name for p in folder.iterdir() if p.name != "snapshot.bin.gz")


def test_progress_counts_bytes_to_the_total_and_the_checker_gets_ready(
    make_context, site_server, built_site: Path
) -> None:
    context, page = slow_page(make_context)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url_of(site_server, "checker/"))
    root = page.locator(CHECKER).first
    total = int(root.get_attribute("data-runtime-bytes") or 0)
    # The plugin wrote what a cold boot downloads: every file of the runtime folder (on this
    # slow link, the snapshot is never asked for: it is not counted).
    folder = built_site / "assets/connecteur/runtime"
    assert total == sum((folder / name).stat().st_size for name in runtime_files(built_site))
    # The loading line is under the draft, in the first screen, not below the fold.
    box = page.locator(f"{CHECKER} [data-role=progress-box]").bounding_box()
    assert box is not None and 0 < box["y"] < 720, box
    wait_ready(page)
    seen = page.evaluate("() => window.__cnProgress")

    mb = f"{total / 1e6:.1f}\u00a0MB"
    downloading = [t for t in seen["text"] if t.startswith("Downloading the Python runtime:")]
    assert len(downloading) >= 5, seen["text"]
    assert all(t.count(f" of {mb}") == 1 for t in downloading), downloading
    received = [float(re.search(r": ([\d.]+)\u00a0MB", t).group(1)) for t in downloading]
    assert received == sorted(received) and received[-1] > received[0]
    # An estimate from the rate measured, not a promise.
    assert any(re.search(r"about \d+\u00a0s left at this speed", t) for t in downloading)
    assert not any("five seconds" in t for t in seen["text"] + seen["status"])
    # The bar reached the total, in bytes.
    assert [total, total] in seen["bar"], seen["bar"][-5:]
    assert all(max_ == total for _, max_ in seen["bar"][1:]), seen["bar"]
    # Screen readers hear the line at each quarter and each stage, not at every tick.
    assert len(seen["status"]) < len(downloading)
    assert len(seen["status"]) <= 10, seen["status"]
    assert root.get_attribute("data-state") == "ready"
    # Each file of the runtime was fetched once.
    log = context.request_log.urls
    runtime = [urlsplit(u).path.rsplit("/", 1)[1] for u in log if "/connecteur/runtime/" in u]
    assert sorted(runtime) == runtime_files(built_site), runtime


def test_the_french_page_counts_in_megaoctets(make_context, site_server) -> None:
    _, page = slow_page(make_context)
    page.goto(url_of(site_server, "fr/checker/"))
    wait_ready(page)
    seen = page.evaluate("() => window.__cnProgress")
    downloading = [t for t in seen["text"] if t.startswith("Téléchargement")]
    assert downloading, seen["text"]
    # French: decimal comma, "Mo", a non-breaking space before the colon.
    assert all(
        re.fullmatch(
            r"Téléchargement de l’environnement Python\u00a0: \d+,\d\u00a0Mo sur "
            r"\d+,\d\u00a0Mo(, encore \d+\u00a0s environ à ce débit)?",
            t,
        )
        for t in downloading
    ), downloading
    assert page.get_attribute(CHECKER, "data-state") == "ready"
