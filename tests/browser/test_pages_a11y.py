"""axe-core on the pages this plugin generates or shapes, in both languages and both themes:
WCAG 2.x A and AA (serious and critical) and axe's best practices (every impact)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import RUN_AXE
from site_fixtures import add_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "rules/",
    "fr/rules/no-shorthand/",
    "guide/motivated-request/",
    "fr/reference/plugin/",
]


def test_generated_pages_have_no_serious_violation(page, site_server) -> None:  # type: ignore[no-untyped-def]
    assert AXE.is_file(), "axe-core is missing: run `npm ci`"
    found = {}
    for path in PAGES:
        for scheme, material in (("light", "default"), ("dark", "slate")):
            page.emulate_media(color_scheme=scheme)
            page.goto(site_server.url + path)
            page.wait_for_function(
                "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=material
            )
            add_axe(page, AXE)
            violations = page.evaluate(RUN_AXE, None)
            if violations:
                found[f"{path} ({scheme})"] = violations
    assert not found, found
    assert page.problems == []
