"""The coach view in a real Chromium (issue #11): score in view while typing, marks in the draft
linked both ways with their cards, the compact embed's height, exercises' targets, a rule page's
own finding first, axe in both themes, and the grading time budget (issue #14).

Each test boots Pyodide once (a fresh browser context): tests are few and each tells a story.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from helpers import CHECKER, REPO, url_of, wait_ready, wait_report
from site_fixtures import add_axe

import checker

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BAD_EN = "Hi, can you forward my CV to your boss asap? Thx"
DRAFT_BOX = f"{CHECKER} textarea[name=draft]"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async ([scope, options]) => {
  const result = await axe.run(scope ? document.querySelector(scope) : document, options);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }));
}"""

IN_VIEW = """(sel) => {
  const r = document.querySelector(sel).getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight
    && r.left >= 0 && r.right <= innerWidth;
}"""

FOCUSED = """() => {
  const a = document.activeElement;
  const item = a && a.closest(".connecteur__finding");
  return { tag: a ? a.tagName : null, index: item ? Number(item.dataset.index) : null,
           open: item ? item.querySelector("details").open : null,
           draft: a ? a.matches("textarea[name=draft]") : false,
           selection: a && a.matches("textarea")
             ? a.value.slice(a.selectionStart, a.selectionEnd) : null };
}"""


def cpython(text: str, kind: str, lang: str | None = None, ui: str | None = None) -> dict:
    """CPython's report; ``ui``: the page's language (the report's words follow it)."""
    report = checker.grade(text, kind=kind, lang=lang, interface_language=ui)
    return json.loads(json.dumps(report.to_dict()))


def type_draft(page, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: focus the box, type, wait for the grade of what was typed."""
    page.focus(DRAFT_BOX)
    page.evaluate("(s) => { const b = document.querySelector(s); b.select(); }", DRAFT_BOX)
    page.keyboard.press("Delete")
    page.keyboard.type(text)
    expected = cpython(text, "request")
    page.wait_for_function(
        "([sel, band, chars]) => { const r = document.querySelector(sel);"
        " return r.dataset.graded === band && r.report && r.report.stats.characters === chars; }",
        arg=[CHECKER, expected["band"], expected["stats"]["characters"]],
        timeout=30_000,
    )


@pytest.mark.parametrize("size", sorted(SIZES))
def test_score_in_view_and_marks_lead_to_their_cards_and_back(make_context, site_server, size):
    width, height = SIZES[size]
    page = make_context(viewport={"width": width, "height": height}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    type_draft(page, BAD_EN)
    report = page.evaluate(f"() => document.querySelector('{CHECKER}').report")

    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate("() => scrollY") == 0, "typing scrolled the page"
        assert page.evaluate(IN_VIEW, f"{CHECKER} [data-role=score]"), (
            f"score out of view, {scheme}"
        )
    assert page.inner_text(f"{CHECKER} [data-role=score]") == str(report["score"])

    # Every finding with a span has one numbered badge in the draft; its number is its card's.
    badges = page.locator(f"{CHECKER} [data-role=backdrop] .connecteur__badge")
    with_spans = [i for i, f in enumerate(report["findings"]) if f["spans"]]
    assert with_spans, "the draft should have marked phrases"
    assert badges.count() == len(with_spans)
    cards = page.locator(f"{CHECKER} .connecteur__finding")
    assert cards.count() == len(report["findings"])
    for n in range(badges.count()):
        badge = badges.nth(n)
        index = int(badge.get_attribute("data-finding"))
        number = badge.inner_text()
        badge.click()
        state = page.evaluate(FOCUSED)
        assert state["index"] == index and state["open"], (n, state)
        card = page.locator(f"{CHECKER} .connecteur__finding[data-index='{index}']")
        assert card.locator(".connecteur__number").inner_text() == number
        assert page.evaluate(
            IN_VIEW, f"{CHECKER} .connecteur__finding[data-index='{index}'] summary"
        )
        # And back: Escape returns to the draft with the finding's phrase selected.
        page.keyboard.press("Escape")
        state = page.evaluate(FOCUSED)
        first = report["findings"][index]["spans"][0]["text"]
        assert state["draft"] and state["selection"] == first, (n, state)

    # From the keyboard: the caret in a mark, Alt+↓ opens its card; "Show in the draft" returns.
    index = with_spans[0]
    span = report["findings"][index]["spans"][0]
    page.evaluate(
        "([sel, at]) => { const b = document.querySelector(sel);"
        " b.focus(); b.setSelectionRange(at, at); }",
        [DRAFT_BOX, span["start"] + 1],  # ASCII draft: code points are UTF-16 units
    )
    page.keyboard.press("Alt+ArrowDown")
    state = page.evaluate(FOCUSED)
    assert state["open"] and state["index"] is not None
    opened = state["index"]
    page.keyboard.press("Tab")  # into the card: links, then "Show in the draft"
    card = page.locator(f"{CHECKER} .connecteur__finding[data-index='{opened}']")
    card.locator("[data-action=show]").focus()
    page.keyboard.press("Enter")
    state = page.evaluate(FOCUSED)
    assert state["draft"] and state["selection"] == report["findings"][opened]["spans"][0]["text"]
    assert errors == []


def test_compact_embed_stays_short_at_320px(make_context, site_server) -> None:
    page = make_context(viewport={"width": 320, "height": 900}).new_page()
    query = urlencode({"compact": "1", "kind": "request", "lang": "en", "example": BAD_EN})
    page.goto(url_of(site_server, f"embed/?{query}"))
    wait_ready(page)
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]", timeout=30_000)
    expected = cpython(BAD_EN, "request", "en")
    assert len(expected["findings"]) > 3
    # Only the score, the five-second read and the top fix.
    assert page.locator(f"{CHECKER} .connecteur__finding").count() == 1
    assert page.locator(f"{CHECKER} [data-role=slots] li").count() == 5
    assert page.is_visible(f"{CHECKER} [data-role=score]")
    # The height embed.js reports to the parent page, which sizes the iframe with it.
    height = page.evaluate("() => document.documentElement.getBoundingClientRect().height")
    assert height < 900, f"the compact embed is {height} px tall at 320 px"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_exercise_says_when_the_target_is_reached(cpage, site_server) -> None:
    page = cpage
    page.goto(url_of(site_server, "exercises/"))
    root = page.locator(f"{CHECKER}[data-target=ready]").first
    target = root.locator("[data-role=target]")
    assert "Ready to send" in target.inner_text()
    wait_ready(page)
    page.wait_for_function(
        "() => document.querySelector('[data-connecteur-checker][data-target]').dataset.graded"
    )
    assert target.get_attribute("data-reached") == "false"
    rewrite = (
        "Dear Mr. Okoro,\n\nI'm a quality engineer at a medical-device maker in Leeds, and I'm "
        "preparing a move into engineering management. Your path from test engineer to head of a "
        "40-person team at Brenner is the one I hope to follow. Could I ask you how you handled "
        "your first year as a manager, in a 20-minute call at a time that suits you? If now is a "
        "bad moment, I completely understand.\n\nKind regards,\nHelen Fraser"
    )
    assert cpython(rewrite, "request")["band"] == "ready"
    root.locator("textarea[name=draft]").fill(rewrite)
    page.wait_for_function(
        "() => document.querySelector('[data-connecteur-checker][data-target]')"
        ".dataset.graded === 'ready'"
    )
    assert target.get_attribute("data-reached") == "true"
    assert "reached" in target.inner_text().lower()
    # The example's own claim ("should grade: not ready") is no longer shown for a rewrite.
    assert not root.locator(".connecteur__expect").is_visible()


def test_one_language_per_interface(cpage, site_server) -> None:
    """An English draft on the French page: every interface word is French."""
    page = cpage
    page.goto(url_of(site_server, "fr/checker/"))
    wait_ready(page)
    page.fill(DRAFT_BOX, BAD_EN)
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]", timeout=30_000)
    report = page.evaluate(f"() => document.querySelector('{CHECKER}').report")
    assert report["lang"] == "en"
    assert page.inner_text(f"{CHECKER} [data-role=band]") == "Pas prêt"
    slots = page.locator(f"{CHECKER} .connecteur__slot-label").all_inner_texts()
    assert slots[0] == "Qui êtes-vous\u00a0?" or slots[0] == "Qui êtes-vous ?"
    severities = set(page.locator(f"{CHECKER} .connecteur__severity").all_inner_texts())
    assert severities <= {"À corriger", "À revoir", "Conseil"}, severities
    assert "Score" in page.inner_text(f"{CHECKER} [data-role=status]")
    # The checker's sentences are the page's language too (issue #11): the report's words are
    # graded in French, and no span claims the draft's language for them.
    assert report["slots"][0]["label"] == "Qui êtes-vous\u00a0?"
    first = page.locator(f"{CHECKER} .connecteur__message").first
    assert first.get_attribute("lang") is None
    assert first.text_content() in {f["message"] for f in report["findings"]}
    assert (
        report["findings"][0]["message"]
        == checker.grade(BAD_EN, kind="request", interface_language="fr").findings[0].message
    )


def test_a_french_draft_on_the_english_page_reads_in_english(cpage, site_server) -> None:
    """Issue #11: verdicts, the cap's reason and the five-second read in the page's language."""
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    draft = "Bonjour, pourriez vous transférer. Cdt"
    page.select_option(f"{CHECKER} select[name=kind]", "ask")
    page.fill(DRAFT_BOX, draft)
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]", timeout=30_000)
    report = page.evaluate(f"() => document.querySelector('{CHECKER}').report")
    assert report["lang"] == "fr"
    assert report == cpython(draft, "ask", ui="en")
    assert report["cap"]["reason"].startswith("capped at ")
    cap = page.inner_text(f"{CHECKER} [data-role=cap]")
    assert cap.startswith("This keeps the score at ")
    assert report["findings"][0]["message"] in cap
    slots = page.locator(f"{CHECKER} .connecteur__slot-label").all_text_contents()
    assert slots[0] == "Whom should I introduce you to?"
    verdicts = set(page.locator(f"{CHECKER} .connecteur__verdict").all_text_contents())
    assert verdicts and verdicts <= {"met", "partly met", "missing"}, verdicts
    labels = page.locator(f"{CHECKER} .connecteur__criterion-label").all_text_contents()
    assert labels == [c["label"] for c in report["criteria"]]
    assert "A motivated, precise objective" in labels


def test_rule_page_try_it_shows_its_rule_first(cpage, site_server) -> None:
    page = cpage
    page.add_init_script(
        "window.__cnStates = [];"
        "document.addEventListener('connecteur:state', (e) => __cnStates.push(e.detail.state));"
    )
    page.goto(url_of(site_server, "rules/no-shorthand/"))
    wait_ready(page)
    assert page.evaluate("() => window.__cnStates") == ["ready"]
    assert page.evaluate("() => customElements.get('connecteur-checker') !== undefined")
    page.wait_for_selector(f"{CHECKER}[data-graded]", timeout=30_000)
    first = page.locator(f"{CHECKER} .connecteur__finding").first
    assert first.get_attribute("data-rule") == "no-shorthand"
    assert first.locator("details").get_attribute("open") is not None


def test_examples_show_a_score_line_that_opens_on_demand(cpage, site_server) -> None:
    page = cpage
    page.goto(url_of(site_server, "examples/"))
    roots = page.locator(CHECKER)
    count = roots.count()
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-connecteur-checker][data-graded]').length === n",
        arg=count,
        timeout=180_000,
    )
    folded = page.locator(f"{CHECKER}[data-fold=closed]")
    assert folded.count() == count
    first = roots.first
    assert first.locator("[data-role=score]").is_visible()
    assert not first.locator("[data-role=results]").is_visible()
    toggle = first.locator("[data-action=fold]")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert first.locator("[data-role=slots]").is_visible()
    assert first.locator(".connecteur__finding").count() == len(
        page.evaluate(f"() => document.querySelector('{CHECKER}').report.findings")
    )


def test_axe_finds_nothing_in_either_theme(cpage, site_server) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm ci)")
    page = cpage
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    type_draft(page, BAD_EN)
    page.locator(f"{CHECKER} .connecteur__finding details").first.evaluate(
        "(d) => { d.open = true; }"
    )
    page.click(f"{CHECKER} .connecteur__disclose")  # the checklist, open
    add_axe(page, AXE)
    found = {}
    for scheme, material in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(
            "(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=material
        )
        # The widget under every axe rule (best practices included); the page (the theme's and
        # the site's markup around it) under WCAG 2.x A and AA and best practices, every impact.
        for scope, options in (
            (CHECKER, {}),
            (None, {"runOnly": {"type": "tag", "values": WCAG}}),
        ):
            result = page.evaluate(RUN_AXE, [scope, options])
            if result:
                found[f"{scope or 'page'}, {scheme}"] = result
    assert found == {}


SLOW_HOOK = """
// Test only (injected by the test's network route, never served by the site): a grading of a
// draft that contains the marker blocks the worker like a backtracking pattern would.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "grade" && String(event.data.text).includes("SLOWGRADE")) {
    const until = Date.now() + 60000;
    while (Date.now() < until) {}
  }
});
"""


def test_a_grading_past_the_budget_replaces_the_worker_and_keeps_the_draft(
    make_context, site_server
) -> None:
    context = make_context()

    def slow_worker(route):  # type: ignore[no-untyped-def]
        response = route.fetch()
        route.fulfill(response=response, body=SLOW_HOOK + response.text())

    context.route("**/assets/connecteur/js/worker.js", slow_worker)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url_of(site_server, "checker/"))
    wait_ready(page)
    stuck = "Hello, I would like SLOWGRADE to ask you something."
    page.fill(DRAFT_BOX, stuck)
    page.wait_for_selector(f"{CHECKER}[data-graded=too-slow]", timeout=20_000)
    status = page.inner_text(f"{CHECKER} [data-role=status]")
    assert "“default”" in status and "more than 3 seconds" in status, status
    assert page.input_value(DRAFT_BOX) == stuck
    assert page.is_editable(DRAFT_BOX)
    # A new worker boots; the next draft grades on it.
    wait_ready(page)
    page.fill(DRAFT_BOX, BAD_EN)
    page.wait_for_selector(f"{CHECKER}[data-graded=not-ready]", timeout=60_000)
    assert page.input_value(DRAFT_BOX) == BAD_EN
    workers = [u for u in context.request_log.urls if u.endswith("/js/worker.js")]
    assert len(workers) == 2, workers
    assert errors == []


INSERT_DRAFTS = {
    "en": (
        "checker/",
        "Hi Anna,\n\nI would like to meet you.\n\nThanks,\nSam",
        "Insert in the draft",
    ),
    "fr": (
        "fr/checker/",
        "Bonjour Anna,\n\nJe voudrais vous rencontrer.\n\nCordialement,\nSam",
        "Insérer dans le brouillon",
    ),
}


@pytest.mark.parametrize("lang", sorted(INSERT_DRAFTS))
def test_insert_puts_the_missing_element_in_place_and_undo_takes_it_out(
    cpage, site_server, lang
) -> None:
    """A card for a missing element inserts its text where the core says, selects the
    placeholder, the placeholder is then flagged, and Ctrl+Z restores the draft."""
    path, draft, label = INSERT_DRAFTS[lang]
    page = cpage
    page.goto(url_of(site_server, path))
    wait_ready(page)
    page.select_option(f"{CHECKER} select[name=lang]", lang)
    page.focus(DRAFT_BOX)
    page.evaluate("(s) => document.querySelector(s).select()", DRAFT_BOX)
    page.keyboard.press("Delete")
    page.keyboard.type(draft)
    before = cpython(draft, "request", lang)
    wait_report(page, before)
    finding = next(f for f in before["findings"] if f["rule"] == "bounded-ask")
    index = before["findings"].index(finding)
    insert = finding["insert"]
    expected = draft[: insert["at"]] + insert["text"] + draft[insert["at"] :]
    placeholder = expected[insert["select"]["start"] : insert["select"]["end"]]
    assert placeholder == "[20 minutes]"

    card = page.locator(f"{CHECKER} .connecteur__finding[data-index='{index}']")
    card.locator("summary").click()
    button = card.locator("[data-action=insert]")
    assert button.inner_text() == label
    button.click()
    assert page.input_value(DRAFT_BOX) == expected
    state = page.evaluate(FOCUSED)
    assert state["draft"] and state["selection"] == placeholder
    # Graded again: the placeholder is flagged, where it stands, until it is filled.
    after = wait_report(page, cpython(expected, "request", lang))
    flagged = next(f for f in after["findings"] if f["rule"] == "no-placeholder")
    assert {"start": insert["select"]["start"], "end": insert["select"]["end"]} in [
        {"start": s["start"], "end": s["end"]} for s in flagged["spans"]
    ]
    assert "bounded-ask" not in [f["rule"] for f in after["findings"]]
    # Ctrl+Z takes the insertion out: the browser's own undo, the draft as it was.
    page.keyboard.press("Control+z")
    assert page.input_value(DRAFT_BOX) == draft
    page.wait_for_function(
        "([sel, chars]) => { const r = document.querySelector(sel).report;"
        " return r && r.stats.characters === chars"
        " && !r.findings.some((f) => f.rule === 'no-placeholder'); }",
        arg=[CHECKER, len(draft)],
        timeout=30_000,
    )
    # Inserted again, the selected placeholder is what the writer types over.
    card.locator("summary").click()
    card.locator("[data-action=insert]").click()
    assert page.input_value(DRAFT_BOX) == expected
    page.keyboard.type("15 minutes")
    assert page.input_value(DRAFT_BOX) == expected.replace("[20 minutes]", "15 minutes")
