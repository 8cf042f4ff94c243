"""The embed page in an iframe of a page served on ANOTHER local port, in the real Chromium.

The parent page is what a trainer would publish: the snippet copied from the builder on the
trainers' page. Every request must stay on the two local origins (the site and the parent).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from helpers import foreign_requests, new_context, serve
from site_fixtures import click_link_to

import checker

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLE_FR = (
    "Salut, tu connais bien Marie Dupont ? Tu peux me présenter, il me faut un poste dans sa "
    "boîte au plus vite. Cdt"
)
SHARED_EN = (
    "Ana, meet Tom: he is moving to Lyon in May and is looking for a data role in logistics. "
    "Tom, Ana leads the analytics team at Fret Rhône. I thought you two should talk."
)
# Collects every message with the index of the iframe that sent it.
RECORDER = """<script>
window.received = [];
addEventListener("message", (event) => {
  const frames = [...document.querySelectorAll("iframe")];
  received.push({
    frame: frames.findIndex((f) => f.contentWindow === event.source),
    origin: event.origin,
    data: event.data,
  });
});
</script>"""


def parent_page(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My course</title>'
        f"</head><body><h1>My course</h1>{RECORDER}\n{body}\n</body></html>",
        encoding="utf-8",
    )


def expected(text: str, kind: str, lang: str, ui: str | None = None) -> dict:
    """What CPython says, through JSON as the worker sends it; ``ui``: the embed page's language."""
    report = checker.grade(text, kind=kind, lang=lang, interface_language=ui)
    return json.loads(json.dumps(report.to_dict()))


def graded(page, frame: int) -> list[dict]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "(i) => received.filter((m) => m.frame === i && m.data?.type === 'connecteur:graded')"
        ".map((m) => m.data.report)",
        frame,
    )


@pytest.fixture
def parent_site(tmp_path: Path):  # type: ignore[no-untyped-def]
    server = serve(tmp_path / "parent")
    yield server
    server.stop()


def test_snippet_from_the_builder_embeds_a_self_sizing_checker(
    browser, site_server, parent_site
) -> None:  # type: ignore[no-untyped-def]
    context, log = new_context(
        browser, site_server, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))

        # 1. The trainer sets up the embed on the trainers' page and copies the code.
        page.goto(site_server.url + "trainers/")
        builder = page.locator("[data-connecteur-embed-builder]")
        builder.locator("select[name=kind]").select_option("ask")
        builder.locator("select[name=lang]").select_option("fr")
        builder.locator("textarea[name=example]").fill(EXAMPLE_FR)
        builder.locator("input[name=compact]").check()
        snippet = builder.locator("[data-role=snippet]").text_content()
        assert f"{site_server.url}embed/?" in snippet
        assert "kind=ask" in snippet and "compact=1" in snippet
        builder.locator("[data-action=copy-embed]").click()
        page.wait_for_function(
            "() => document.querySelector('[data-role=copy-status]').textContent !== ''"
        )
        assert page.evaluate("navigator.clipboard.readText()") == snippet

        # 2. They paste it into their own page, on another origin.
        parent_page(Path(parent_site.root), "course.html", snippet)
        page.goto(parent_site.url + "course.html")
        page.wait_for_function(
            "() => received.some((m) => m.data?.type === 'connecteur:graded')", timeout=120_000
        )
        frame = page.frame_locator("iframe[data-connecteur-embed]")

        # The URL parameters took effect, and the report is CPython's, byte for byte.
        assert frame.locator("textarea[name=draft]").input_value() == EXAMPLE_FR
        assert frame.locator("select[name=kind]").input_value() == "ask"
        assert frame.locator("select[name=lang]").input_value() == "fr"
        assert "connecteur--compact" in frame.locator("[data-connecteur-checker]").get_attribute(
            "class"
        )
        assert graded(page, 0)[0] == expected(EXAMPLE_FR, "ask", "fr", ui="en")
        assert {m["origin"] for m in page.evaluate("received")} == {site_server.origin}

        # 3. The iframe takes the height it reports, and shows no scrollbar.
        page.wait_for_function(
            """() => {
              const heights = received.filter((m) => m.data?.type === 'connecteur:height');
              const last = heights.at(-1)?.data.height;
              return last > 200 && document.querySelector('iframe').style.height === last + 'px';
            }"""
        )
        inner = page.frames[1]
        inner.wait_for_function(
            "() => document.documentElement.scrollHeight <= document.documentElement.clientHeight"
        )
        box = page.locator("iframe").bounding_box()
        last = page.evaluate(
            "received.filter((m) => m.data?.type === 'connecteur:height').at(-1).data.height"
        )
        assert abs(box["height"] - last) <= 1

        # A finding's rule page opens in a new tab, not inside the small iframe.
        with context.expect_page() as opened:
            frame.locator("[data-role=results] a[href*='rules/']").first.click()
        assert "/rules/" in opened.value.url
        assert page.frames[1].url.startswith(f"{site_server.url}embed/")
        opened.value.close()

        # Typing grades again and the parent hears about it.
        before = len(graded(page, 0))
        frame.locator("textarea[name=draft]").fill("Bonjour, je cherche un stage, Cdt")
        page.wait_for_function(
            "(n) => received.filter((m) => m.data?.type === 'connecteur:graded').length > n",
            arg=before,
        )
        assert errors == []
    finally:
        context.close()
    assert not foreign_requests(log.urls, site_server.origin, parent_site.origin)


def test_click_to_load_fragment_and_parent_origin(browser, site_server, parent_site) -> None:  # type: ignore[no-untyped-def]
    fragment = urlencode({"draft": SHARED_EN, "kind": "intro", "lang": "en"}, quote_via=quote)
    here = parent_site.origin
    elsewhere = "http://127.0.0.1:9"  # an origin that is not the parent's
    sources = [
        # 0: loads on a click; the shared fragment wins over the example; messages to the parent.
        f"embed/?autoload=0&example=ignored&parent_origin={quote(here)}#{fragment}",
        # 1: a bad kind (named in a note), dark colours, messages for another origin only.
        f"embed/?autoload=0&kind=banana&theme=dark&parent_origin={quote(elsewhere)}",
        # 2: French interface, an origin that is not one: heights only.
        "fr/embed/?autoload=0&parent_origin=not-an-origin",
    ]
    frames_html = "\n".join(
        f'<iframe src="{site_server.url}{src}" title="checker {i}" style="width:100%;border:0">'
        "</iframe>"
        for i, src in enumerate(sources)
    )
    parent_page(Path(parent_site.root), "three.html", frames_html)
    context, log = new_context(browser, site_server)
    try:
        page = context.new_page()
        page.goto(parent_site.url + "three.html")
        for frame in page.frames[1:]:
            frame.wait_for_load_state("load")
        page.wait_for_function(
            "() => received.some((m) => m.frame === 0 && m.data?.type === 'connecteur:height')"
        )
        first, second, third = (page.frame_locator("iframe").nth(i) for i in range(3))

        # Before the click: the button, the shared draft in the box, and nothing loaded.
        button = first.locator("[data-connecteur-gate] [data-action=load]")
        assert button.is_visible()
        assert first.locator("textarea[name=draft]").input_value() == SHARED_EN
        assert first.locator("select[name=kind]").input_value() == "intro"
        assert third.locator("[data-connecteur-gate] [data-action=load]").text_content() == (
            "Charger le vérificateur"
        )
        loaded = [u for u in log.urls if "/js/main.js" in u or "worker" in u or "pyodide" in u]
        assert loaded == []

        # Bad parameters are named where the embedder sees them; dark colours as asked.
        assert "kind=banana" in second.locator(".connecteur-embed__problems").text_content()
        assert (
            "n’est pas une origine" in third.locator(".connecteur-embed__problems").text_content()
        )
        assert second.locator("body").get_attribute("data-md-color-scheme") == "slate"
        # Heights from every frame; reports only from the frame that named this page's origin.
        page.wait_for_function(
            "() => [1, 2].every((i) => received.some((m) => m.frame === i"
            " && m.data?.type === 'connecteur:height'))"
        )

        # The click loads the checker, focuses the draft, and grades the shared draft.
        button.click()
        page.wait_for_function(
            "() => received.some((m) => m.frame === 0 && m.data?.type === 'connecteur:graded')",
            timeout=120_000,
        )
        assert not button.is_visible()
        assert first.locator("textarea[name=draft]").evaluate(
            "(el) => el === document.activeElement"
        )
        assert graded(page, 0)[0] == expected(SHARED_EN, "intro", "en")
        assert first.locator("[data-connecteur-checker]").get_attribute("data-state") == "ready"
        # The other two still have not loaded anything.
        assert second.locator("[data-connecteur-checker]").get_attribute("data-state") == "loading"
        assert graded(page, 1) == graded(page, 2) == []
    finally:
        context.close()
    assert not foreign_requests(log.urls, site_server.origin, parent_site.origin)


def test_each_embed_keeps_its_own_draft(browser, site_server, parent_site) -> None:  # type: ignore[no-untyped-def]
    """Two embeds on one page (different examples) keep separate drafts across a reload.

    Both stay unloaded (autoload=0): the draft is restored before the widget binds, so no runtime
    boot is needed to check it.
    """
    frames_html = "\n".join(
        f'<iframe src="{site_server.url}embed/?autoload=0&example={word}" title="{word}"></iframe>'
        for word in ("alpha", "beta")
    )
    parent_page(Path(parent_site.root), "two.html", frames_html)
    context, log = new_context(browser, site_server)
    try:
        page = context.new_page()
        page.goto(parent_site.url + "two.html")
        first, second = (page.frame_locator("iframe").nth(i) for i in range(2))
        first.locator("textarea[name=draft]").fill("My own draft for alpha")
        assert second.locator("textarea[name=draft]").input_value() == "beta"
        page.reload()
        first, second = (page.frame_locator("iframe").nth(i) for i in range(2))
        assert first.locator("textarea[name=draft]").input_value() == "My own draft for alpha"
        assert second.locator("textarea[name=draft]").input_value() == "beta"
    finally:
        context.close()
    assert not foreign_requests(log.urls, site_server.origin, parent_site.origin)


def test_builder_binds_after_instant_navigation(page, site_server) -> None:  # type: ignore[no-untyped-def]
    """Material swaps the page content: the builder binds on arrival and again on return."""
    page.goto(site_server.url + "glossary/")
    page.evaluate("window.sameDocument = true")
    click_link_to(page, "/trainers/")
    builder = page.locator("[data-connecteur-embed-builder]")
    page.wait_for_function(
        "(url) => document.querySelector('[data-role=snippet]').textContent.includes(url)",
        arg=f"{site_server.url}embed/",
    )
    click_link_to(page, "/glossary/")
    page.go_back()
    page.wait_for_url("**/trainers/")
    builder.locator("select[name=kind]").select_option("connect")
    assert "kind=connect" in builder.locator("[data-role=snippet]").text_content()
    assert page.evaluate("window.sameDocument === true")  # instant navigation, not a reload
    assert page.problems == []


@pytest.mark.parametrize(
    ("path", "embed"), [("trainers/", "embed/"), ("fr/trainers/", "fr/embed/")]
)
def test_builder_preview_follows_the_settings(browser, site_server, path: str, embed: str) -> None:  # type: ignore[no-untyped-def]
    """The builder shows the configured embed in a same-origin iframe, updated on every change;
    nothing is downloaded for it before the click on its own button, and it sizes itself."""
    context, log = new_context(browser, site_server, viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_server.url + path)
        builder = page.locator("[data-connecteur-embed-builder]")
        preview = builder.locator("iframe[data-role=preview]")
        assert preview.get_attribute("title")
        page.wait_for_function(
            "(u) => document.querySelector('iframe[data-role=preview]').src.startsWith(u)",
            arg=site_server.url + embed,
        )
        # Beside the settings on a wide screen.
        fields = builder.locator(".connecteur-builder__fields").bounding_box()
        box = preview.bounding_box()
        assert box["x"] >= fields["x"] + fields["width"] and box["y"] < fields["y"] + 200
        frame = page.frame_locator("iframe[data-role=preview]")
        frame.locator("[data-connecteur-gate] [data-action=load]").wait_for()

        builder.locator("select[name=kind]").select_option("ask")
        builder.locator("textarea[name=example]").fill(EXAMPLE_FR)
        builder.locator("input[name=compact]").check()
        page.wait_for_function(
            "() => { const s = new URL(document.querySelector('iframe[data-role=preview]').src);"
            " return s.searchParams.get('kind') === 'ask' && s.searchParams.get('compact') === '1'"
            " && s.searchParams.get('autoload') === '0' && s.searchParams.has('example'); }"
        )
        frame.locator("[data-connecteur-gate] [data-action=load]").wait_for()
        assert frame.locator("textarea[name=draft]").input_value() == EXAMPLE_FR
        assert frame.locator("select[name=kind]").input_value() == "ask"
        assert not [u for u in log.urls if u.endswith(".wasm")], "the preview loaded Pyodide"

        # A click loads the checker in the preview: it grades the example and takes its height.
        frame.locator("[data-connecteur-gate] [data-action=load]").click()
        frame.locator("[data-connecteur-checker][data-graded]").wait_for(timeout=120_000)
        page.wait_for_function(
            "() => { const f = document.querySelector('iframe[data-role=preview]');"
            " return f.style.height !== '' && Math.abs(f.getBoundingClientRect().height"
            " - parseFloat(f.style.height)) <= 1; }"
        )
        # Once loaded, a change reloads it with the trainer's "load at once" setting.
        builder.locator("select[name=kind]").select_option("intro")
        page.wait_for_function(
            "() => { const d = document.querySelector('iframe[data-role=preview]').contentDocument;"
            " const kind = d && d.querySelector('select[name=kind]');"
            " const root = d && d.querySelector('[data-connecteur-checker]');"
            " return kind && kind.value === 'intro' && root && root.dataset.graded; }",
            timeout=120_000,
        )
        assert frame.locator("[data-connecteur-gate] [data-action=load]").is_hidden()
        src = preview.get_attribute("src")
        assert "kind=intro" in src and "autoload=0" not in src
        assert errors == []
    finally:
        context.close()
    assert not foreign_requests(log.urls, site_server.origin)
