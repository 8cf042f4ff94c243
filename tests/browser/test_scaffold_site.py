"""`connecteur new`, then a real `mkdocs build --strict`, then the real browser with the trainer's
rubric in force: the phrase the starter rubric adds is flagged by the rule it was added to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import foreign_requests, free_port, new_context, serve

from connecteur_cli.scaffold import scaffold
from mkdocs_connecteur.site import csp

REPO = Path(__file__).resolve().parents[2]
PYODIDE = REPO / "node_modules" / "pyodide"


def build(folder: Path, port: int) -> subprocess.CompletedProcess[str]:
    """Build a scaffolded site offline, as a trainer would after `npm install`."""
    env = {
        **os.environ,
        "SITE_URL": f"http://127.0.0.1:{port}/",
        "NO_MKDOCS_2_WARNING": "1",
        "CONNECTEUR_PYODIDE": str(PYODIDE),
    }
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return subprocess.run(
        [str(mkdocs), "build", "--strict"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """Both languages scaffolded and built with --strict: {lang: (folder, port built for)}."""
    if not PYODIDE.is_dir():
        pytest.skip("node_modules/pyodide is missing: run `npm ci`")
    out = {}
    for lang in ("en", "fr"):
        folder = tmp_path_factory.mktemp(f"workshop-{lang}") / "workshop"
        scaffold(folder, lang=lang, force=False)
        port = free_port()
        result = build(folder, port)
        assert result.returncode == 0, f"{lang}: {result.stdout}\n{result.stderr}"
        out[lang] = (folder, port)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_scaffolded_site_builds_strict_with_its_rubric(built, lang: str) -> None:  # type: ignore[no-untyped-def]
    folder, _ = built[lang]
    site = folder / "site"
    assert (site / "index.html").is_file()
    assert (site / "exercises" / "index.html").is_file()
    html = (site / "exercises" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-connecteur-checker") >= 3
    assert f'<html lang="{lang}"' in (site / "index.html").read_text(encoding="utf-8")
    config = json.loads((site / "assets/connecteur/runtime/config.json").read_text("utf-8"))
    assert config["rubric"] == "rubric.toml"
    shipped = (site / "assets/connecteur/runtime/rubric.toml").read_text(encoding="utf-8")
    assert shipped == (folder / "rubric.toml").read_text(encoding="utf-8")
    # Offline by construction: no page names a third-party host.
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "cdn.jsdelivr" not in text, page
        # The plugin's Content-Security-Policy, on every page of a trainer's site too.
        policy = csp.read_policy(text)
        assert policy is not None, page
        assert policy["connect-src"] == ["'self'"] and policy["default-src"] == ["'self'"], page


@pytest.mark.browser
@pytest.mark.slow
def test_the_trainers_added_phrase_is_flagged_in_the_browser(built, browser) -> None:  # type: ignore[no-untyped-def]
    folder, port = built["en"]
    rubric = tomllib.loads((folder / "rubric.toml").read_text(encoding="utf-8"))
    rule, phrases = next(iter(rubric["add_phrases"].items()))
    phrase = phrases["en"][0]
    draft = (
        "Hello Ana, I am moving to Lyon in May and I read your talk on open transport data. "
        f"Could we talk for 15 minutes next week about how your team hires? {phrase}"
    )
    server = serve(folder / "site", port)
    context, log = new_context(browser, server)
    try:
        page = context.new_page()
        page.add_init_script(
            "window.violations = []; document.addEventListener('securitypolicyviolation',"
            " (e) => violations.push(e.violatedDirective));"
        )
        page.goto(server.url)
        assert "connect-src 'self'" in page.locator(
            "meta[http-equiv=Content-Security-Policy]"
        ).get_attribute("content")
        page.evaluate(
            """() => {
              window.reports = [];
              document.addEventListener('connecteur:graded', (e) => reports.push(e.detail));
            }"""
        )
        page.locator("textarea[name=draft]").first.fill(draft)
        page.wait_for_function(
            """([rule, phrase]) => reports.some((r) => r.findings.some(
                 (f) => f.rule === rule && f.spans.some((s) => s.text === phrase)))""",
            arg=[rule, phrase],
            timeout=120_000,
        )
        report = page.evaluate("reports.at(-1)")
        assert report["rubric"] == rubric["name"]  # the trainer's rubric, not the default
        # The page shows it too: the finding is in the results, the phrase highlighted.
        results = page.locator("[data-role=results]").first
        assert phrase in results.text_content()
        # Graded under the policy, in a worker that inherits it; nothing was refused.
        assert [w.url.split(":")[0] for w in page.workers if "search" not in w.url] == ["blob"]
        assert page.evaluate("violations") == []
    finally:
        context.close()
        server.stop()
    assert not foreign_requests(log.urls, server.origin)
