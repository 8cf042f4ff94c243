"""Material's search index waits for the checker on a page that holds one (search-later.js), and
search still works: at once when the reader goes to it, otherwise once the checker is ready.
"""

from __future__ import annotations

import pytest
from helpers import CHECKER, url_of, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

INDEX = "search/search_index.json"
# When the index was asked for, and when the checker became ready (the runtime's own record),
# both in ms since navigation.
TIMES = """(url) => import(url).then((m) => {
  const entry = performance.getEntriesByType("resource")
    .find((e) => e.name.endsWith("/search/search_index.json"));
  return { index: entry ? entry.startTime : null, ready: m.current().readyAt ?? null };
})"""
# 40 Mbit/s: the runtime takes a few seconds, long enough to go to search before it is ready.
LINK = {"offline": False, "latency": 20, "downloadThroughput": 40e6 / 8, "uploadThroughput": 5e6}


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    box = page.locator("input[name=query]")
    # Typed, not filled: Material reads the query on keyup (and on focus), and fill() sends
    # neither when the field already has the focus, so the search never ran one time in three.
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    return page.locator(".md-search-result__item").all_inner_texts()


def test_the_index_downloads_once_the_checker_is_ready_and_search_works(
    make_context, site_server
) -> None:
    page = make_context().new_page()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => "
        "e.name.endsWith('/search/search_index.json'))",
        timeout=30_000,
    )
    times = page.evaluate(TIMES, url_of(site_server, "assets/connecteur/js/runtime.js"))
    assert times["ready"] is not None and times["index"] is not None, times
    assert times["index"] >= times["ready"], times
    assert search(page, "courtesy")


def test_going_to_search_before_ready_downloads_the_index_at_once(
    make_context, site_server
) -> None:
    context = make_context()
    page = context.new_page()
    page.set_viewport_size({"width": 1366, "height": 900})
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", LINK)
    page.goto(url_of(site_server, "checker/"), wait_until="domcontentloaded")
    page.locator("input[name=query]").focus()
    results = search(page, "courtesy")
    assert results
    # Found while the checker was still loading: the reader did not wait for it.
    assert page.get_attribute(CHECKER, "data-state") == "loading"
    wait_ready(page)


def test_a_page_without_checker_asks_for_the_index_at_once(make_context, site_server) -> None:
    page = make_context().new_page()
    page.goto(url_of(site_server, "glossary/"))
    assert page.locator(CHECKER).count() == 0
    assert page.locator("script[src$='search-later.js']").count() == 0
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => "
        "e.name.endsWith('/search/search_index.json'))",
        timeout=30_000,
    )
