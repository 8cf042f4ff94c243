"""In the real browser: after instant navigation, the language selector leads to the page read."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SWITCH = "a[data-connecteur-language][hreflang={lang}]"


def test_switch_follows_instant_navigation(page, site_server) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server.url + "glossary/")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.click('.md-nav a[href$="guide/callbacks/"]')
    page.wait_for_url("**/guide/callbacks/")
    assert page.evaluate("() => window.__sameDocument === true"), "not an instant navigation"

    # The header was not redrawn, yet the selector now names this page's translation. The URL
    # changes before Material swaps the content in, and the selector follows the swap: wait for
    # the new page (its canonical link), then give the selector the time a loaded machine takes.
    page.wait_for_function(
        "() => (document.querySelector('link[rel=canonical]')?.href || '')"
        ".endsWith('guide/callbacks/')"
    )
    expected = site_server.url + "fr/guide/callbacks/"
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel)?.href === want",
        arg=[SWITCH.format(lang="fr"), expected],
        timeout=10_000,
    )
    href = page.eval_on_selector(SWITCH.format(lang="fr"), "a => a.href")
    assert href == expected

    page.eval_on_selector(SWITCH.format(lang="fr"), "a => a.click()")
    page.wait_for_url("**/fr/guide/callbacks/")
    assert page.eval_on_selector("html", "h => h.lang") == "fr"
    # A full load: the header (search, labels) is French too.
    back = page.eval_on_selector(SWITCH.format(lang="en"), "a => a.href")
    assert back == site_server.url + "guide/callbacks/"
    assert page.problems == []
