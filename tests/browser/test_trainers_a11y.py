"""axe-core on the trainers' pages: the embed (before loading, both themes) and the builder."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import foreign_requests, new_context
from site_fixtures import add_axe

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


# The embed page is ours as a whole; on the trainers' pages, the builder is (the rest is the
# theme's and the site's, checked by the site's own accessibility tests).
@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("embed/?autoload=0&kind=ask", "document"),
        ("fr/embed/?autoload=0&theme=dark&compact=1&kind=banana", "document"),
        ("embed/?autoload=0&theme=dark&compact=1", "{include: ['[data-connecteur-gate]']}"),
        ("trainers/", "{include: ['[data-connecteur-embed-builder]']}"),
        ("fr/trainers/", "{include: ['[data-connecteur-embed-builder]']}"),
    ],
)
def test_no_serious_accessibility_violation(browser, site_server, path: str, scope: str) -> None:  # type: ignore[no-untyped-def]
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing: run `npm ci`")
    context, log = new_context(browser, site_server)
    try:
        page = context.new_page()
        page.goto(site_server.url + path)
        add_axe(page, AXE)
        result = page.evaluate(f"axe.run({scope}, {{resultTypes: ['violations']}})")
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == []
    finally:
        context.close()
    assert not foreign_requests(log.urls, site_server.origin)
