"""No page request gets a 404, on an English and a French page, nor after instant navigation.

Material loads a ``sitemap.xml`` under every ``<link rel="alternate">`` of the head, taking it for
a language root: a page's translations written that way cost a 404 on every page
(``/fr/checker/sitemap.xml``). mkdocs_connecteur/site/alternates.py writes them under another rel.
"""

from __future__ import annotations

import pytest
from helpers import CHECKER, url_of, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize(
    ("start", "then"),
    [("", "guide/callbacks/"), ("fr/", "fr/guide/callbacks/"), ("fr/checker/", "fr/glossary/")],
)
def test_no_request_gets_a_404(make_context, site_server, start: str, then: str) -> None:
    page = make_context().new_page()
    failed: list[tuple[int, str]] = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append((0, r.url)))
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(url_of(site_server, start))
    page.wait_for_load_state("networkidle")
    if start.endswith("checker/"):
        wait_ready(page)
        assert page.locator(CHECKER).count() == 1
    # Instant navigation to another page of the same language: its head changes too.
    target = url_of(site_server, then)
    page.evaluate("() => { window.__cnSameDocument = true; }")
    page.evaluate(
        "(href) => { const a = [...document.querySelectorAll('a[href]')]"
        ".find((x) => x.href === href); a.click(); }",
        target,
    )
    page.wait_for_url(target)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__cnSameDocument === true"), "not an instant navigation"
    assert any(u.endswith("/sitemap.xml") for u in seen), "Material's sitemap was not loaded"
    assert failed == [], failed
