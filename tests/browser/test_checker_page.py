"""The checker page in a real Chromium: boot, grading parity, persistence, sharing, navigation.

Each test costs a cold Pyodide boot (several seconds): tests are few and each checks a whole story.
"""

from __future__ import annotations

import json
import os
import shutil
from urllib.parse import urlsplit

import pytest
from helpers import CHECKER, INIT_SCRIPT, click_link_to, traps, url_of, wait_ready, wait_report
from playwright.sync_api import expect

import checker
from mkdocs_connecteur.content.widget import ui_strings

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = "Bonjour, pourriez vous transférer. Cdt"
DRAFT_BOX = f"{CHECKER} textarea[name=draft]"


def cpython(text: str, kind: str, lang: str | None = None, ui: str | None = None) -> dict:
    """What CPython reports, through JSON exactly as the worker sends it; ``ui``: the page's
    language, the report's words' (one language per interface)."""
    report = checker.grade(text, kind=kind, lang=lang, interface_language=ui)
    return json.loads(json.dumps(report.to_dict()))


def test_seed_draft_grades_like_cpython_and_survives_reload(cpage, site_server) -> None:
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    root = page.locator(CHECKER).first
    assert root.get_attribute("data-state") in {"loading", "ready"}
    wait_ready(page)

    page.select_option(f"{CHECKER} select[name=kind]", "ask")
    page.select_option(f"{CHECKER} select[name=lang]", "auto")
    page.fill(DRAFT_BOX, SEED)
    expected = cpython(SEED, "ask", ui="en")  # a French draft on the English page
    assert expected["band"] == "not-ready"
    detail = wait_report(page, expected)
    assert detail == expected

    # What the reader sees: the band, the score, the findings with links to their rule pages.
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]")
    # One language per interface (issue #11): the band word is the page's (English here), even
    # for a French draft whose report says "Pas prêt".
    band_word = ui_strings()["band"][expected["band"]]["en"]
    assert page.inner_text(f"{CHECKER} [data-role=band]") == band_word
    assert page.inner_text(f"{CHECKER} [data-role=score]") == str(expected["score"])
    status = page.inner_text(f"{CHECKER} [data-role=status]")
    assert str(expected["score"]) in status
    findings = page.locator(f"{CHECKER} .connecteur__finding")
    assert findings.count() == len(expected["findings"])
    for link in page.locator(f"{CHECKER} a.connecteur__link").all():
        href = link.get_attribute("href") or ""
        assert href.startswith(site_server.url), href
        response = page.request.get(href.split("#")[0])
        assert response.ok, f"{href}: HTTP {response.status}"
    spans = [s for f in expected["findings"] for s in f["spans"]]
    if spans:
        marks = page.locator(f"{CHECKER} mark.connecteur__mark").all_inner_texts()
        assert any(s["text"] in "".join(marks) for s in spans)

    # Print: the controls go, the score, checklist, findings and the annotated draft stay.
    page.emulate_media(media="print")
    assert not page.is_visible(DRAFT_BOX)
    assert not page.is_visible(f"{CHECKER} [data-action=share]")
    for part in ("[data-role=score]", ".connecteur__criteria", ".connecteur__findings"):
        assert page.is_visible(f"{CHECKER} {part}"), part
    assert page.inner_text(f"{CHECKER} .connecteur__annotated") == SEED
    page.emulate_media(media="screen")

    # An over-long draft gets a message, the page stays responsive, nothing is cut.
    long_draft = "Bonjour, " * 7000
    page.fill(DRAFT_BOX, long_draft)
    page.wait_for_selector(f"{CHECKER}[data-graded=too-long]")
    assert "50" in page.inner_text(f"{CHECKER} [data-role=status]")
    assert page.input_value(DRAFT_BOX) == long_draft
    page.fill(DRAFT_BOX, SEED)
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]")

    # The draft, kind and language survive a reload (without waiting for a second boot).
    page.reload()
    expect(page.locator(DRAFT_BOX)).to_have_value(SEED, timeout=30_000)
    expect(page.locator(f"{CHECKER} select[name=kind]")).to_have_value("ask")
    assert traps(page)["dialogs"] == []
    assert page.problems == []


def test_instant_navigation_reuses_the_worker_and_language_switch(cpage, site_server) -> None:
    page = cpage
    page.goto(url_of(site_server, ""))
    page.evaluate("() => { window.__cnSameDocument = true; }")
    click_link_to(page, "/checker/")
    page.wait_for_url("**/checker/")
    wait_ready(page)
    assert page.evaluate("() => window.__cnSameDocument === true"), "not an instant navigation"

    # Away and back: the checker is ready again at once, on the same worker.
    click_link_to(page, "/guide/motivated-request/")
    page.wait_for_url("**/guide/motivated-request/")
    click_link_to(page, "/checker/")
    page.wait_for_url("**/checker/")
    page.wait_for_selector(f"{CHECKER}[data-state=ready]", timeout=5_000)
    page.fill(DRAFT_BOX, SEED)
    wait_report(page, cpython(SEED, "request", ui="en"))
    assert page.evaluate("() => window.__cnSameDocument === true")

    wasm = [u for u in page.context.request_log.urls if urlsplit(u).path.endswith(".asm.wasm")]
    assert len(wasm) == 1, f"Pyodide fetched {len(wasm)} times: {wasm}"

    # The language switcher keeps the reader on the checker, now in French. (Material's language
    # selector reloads the page rather than navigating instantly, so this may boot again.)
    switched = page.evaluate(
        """() => {
             const a = document.querySelector('a[hreflang="fr"]');
             if (!a) return null;
             a.click();
             return a.getAttribute("href");
           }"""
    )
    assert switched, "no link to the French version of the page"
    page.wait_for_url("**/fr/checker/")
    page.wait_for_selector(f"{CHECKER}[data-ui-lang=fr]")
    assert page.input_value(DRAFT_BOX) == SEED, "the draft did not follow the language switch"
    wait_ready(page)
    assert page.problems == []


def test_returning_to_the_first_page_of_the_tab_is_instant(cpage, site_server) -> None:
    """The first page a tab opened is not a "language root" to Material (alternates.py)."""
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    page.evaluate("() => { window.__cnSameDocument = true; }")
    click_link_to(page, "/guide/callbacks/")
    page.wait_for_url("**/guide/callbacks/")
    click_link_to(page, "/checker/")
    page.wait_for_url("**/checker/")
    page.wait_for_selector(f"{CHECKER}[data-state=ready]", timeout=5_000)
    assert page.evaluate("() => window.__cnSameDocument === true"), "the checker page reloaded"
    wasm = [u for u in page.context.request_log.urls if urlsplit(u).path.endswith(".asm.wasm")]
    assert len(wasm) == 1, f"Pyodide fetched {len(wasm)} times: {wasm}"
    assert page.problems == []


def test_share_link_restores_the_draft(make_context, site_server) -> None:
    draft = "Hello <b>Ana</b> & co 🚀, could you introduce me to Léa? #draft=x&kind=ask ％"
    sender = make_context(permissions=["clipboard-read", "clipboard-write"])
    page = sender.new_page()
    page.add_init_script(INIT_SCRIPT)
    page.goto(url_of(site_server, "checker/"))
    page.fill(DRAFT_BOX, draft)
    page.select_option(f"{CHECKER} select[name=kind]", "intro")
    page.select_option(f"{CHECKER} select[name=lang]", "en")
    page.click(f"{CHECKER} [data-action=share]")
    page.wait_for_function("() => location.hash.includes('draft=')")
    link = page.url
    assert urlsplit(link).fragment, link
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == link

    # A participant's link opened by the trainer, in a browser that never saw the draft.
    receiver = make_context()
    other = receiver.new_page()
    other.add_init_script(INIT_SCRIPT)
    other.goto(link)
    # The form is in the HTML before the script applies the link: wait for the values.
    expect(other.locator(DRAFT_BOX)).to_have_value(draft, timeout=30_000)
    expect(other.locator(f"{CHECKER} select[name=kind]")).to_have_value("intro")
    expect(other.locator(f"{CHECKER} select[name=lang]")).to_have_value("en")
    wait_ready(other)
    detail = wait_report(other, cpython(draft, "intro", "en"))
    assert detail == cpython(draft, "intro", "en")
    # The fragment is consumed: the address no longer carries the draft, a reload keeps it.
    assert "draft=" not in urlsplit(other.url).fragment
    other.reload()
    expect(other.locator(DRAFT_BOX)).to_have_value(draft, timeout=30_000)
    assert traps(other)["dialogs"] == []


def test_runtime_failure_is_reported_and_the_draft_kept(
    make_context, site_server, serve_folder, tmp_path
) -> None:
    """With pyodide.asm.wasm missing (a broken deployment) the widget says so, keeps the draft."""
    broken = tmp_path / "site"
    shutil.copytree(site_server.root, broken, copy_function=os.link)
    (broken / "assets" / "connecteur" / "runtime" / "pyodide.asm.wasm").unlink()
    server = serve_folder(broken)
    page = make_context(server).new_page()
    page.goto(server.url + "checker/")
    page.fill(DRAFT_BOX, SEED)
    page.wait_for_selector(f"{CHECKER}[data-state=error]", timeout=120_000)
    status = page.inner_text(f"{CHECKER} [data-role=status]")
    assert "pyodide" in status.lower() or "runtime" in status.lower() or "wasm" in status.lower()
    assert page.input_value(DRAFT_BOX) == SEED
    assert page.is_editable(DRAFT_BOX)
    page.reload()
    expect(page.locator(DRAFT_BOX)).to_have_value(SEED, timeout=30_000)


def test_every_checker_of_the_exercises_page_grades_as_the_page_claims(cpage, site_server):
    """Twelve checkers on one page share one worker; each grades its example as the build did."""
    page = cpage
    page.goto(url_of(site_server, "exercises/"))
    roots = page.locator(CHECKER)
    count = roots.count()
    assert count >= 2
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-connecteur-checker][data-graded]').length === n",
        arg=count,
        timeout=180_000,
    )
    for i in range(count):
        root = roots.nth(i)
        assert root.get_attribute("data-state") == "ready"
        expect = root.get_attribute("data-expect")
        if expect:
            assert root.get_attribute("data-graded") == expect, f"checker {i}"
    ids = page.evaluate(
        "() => [...document.querySelectorAll('[data-connecteur-checker] [id]')].map(e => e.id)"
    )
    assert len(ids) == len(set(ids)), "duplicate element ids"
    wasm = [u for u in page.context.request_log.urls if urlsplit(u).path.endswith(".asm.wasm")]
    assert len(wasm) == 1
    assert page.problems == []
