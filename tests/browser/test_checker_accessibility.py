"""axe-core (npm) on the checker page, graded, in the light and the dark theme: WCAG 2.x A and AA
(serious and critical) and axe's best practices (every impact)."""

from __future__ import annotations

import pytest
from helpers import CHECKER, REPO, RUN_AXE, url_of, wait_ready
from site_fixtures import add_axe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def test_no_serious_violation_in_either_theme(cpage, site_server) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm ci)")
    page = cpage
    page.emulate_media(color_scheme="light")
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    # Graded, so the results (score, checklist, findings, highlights) are checked too.
    page.fill(f"{CHECKER} textarea[name=draft]", "Bonjour, pourriez vous transférer. Cdt")
    page.select_option(f"{CHECKER} select[name=kind]", "ask")
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]")
    page.wait_for_selector(f"{CHECKER} mark")
    add_axe(page, AXE)

    found: dict[str, list] = {}
    for scheme, material in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(
            "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=material
        )
        # The widget (this repository's code) and the whole page (theme and content).
        found[f"widget, {scheme}"] = page.evaluate(RUN_AXE, CHECKER)
        found[f"page, {scheme}"] = page.evaluate(RUN_AXE, None)
    widget = {k: v for k, v in found.items() if k.startswith("widget") and v}
    assert not widget, widget
    keyboard_reaches_every_control(page)
    whole = {k: v for k, v in found.items() if v}
    assert not whole, whole


def keyboard_reaches_every_control(page) -> None:  # type: ignore[no-untyped-def]
    """The draft box, the selects and the buttons are reachable by Tab and show their focus."""
    page.focus(f"{CHECKER} textarea[name=draft]")
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => document.activeElement.getAttribute('name') || "
                "document.activeElement.dataset.action || ''"
            )
        )
    assert reached[:5] == ["kind", "lang", "share", "copy", "reset"], reached
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
