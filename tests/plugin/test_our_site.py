"""Our own site (mkdocs.yml at the repository root) builds with --strict, and what that shows."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

import checker

from .conftest import REPO, foreign_assets, run_mkdocs

SITE_MAP = [
    "",
    "checker/",
    "guide/motivated-request/",
    "guide/asking-for-an-introduction/",
    "guide/connector-as-guarantor/",
    "guide/callbacks/",
    "guide/fake-networkers/",
    "guide/strong-and-weak-ties/",
    "guide/online-and-in-person/",
    "guide/after-the-meeting/",
    "examples/",
    "glossary/",
    "sources/",
    "privacy/",
    "rules/",
    "reference/report/",
    "reference/rubric/",
    "reference/plugin/",
    "trainers/",
    "embed/",
    "exercises/",
    "workshop/",
]


@pytest.fixture(scope="module")
def our_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("our-site") / "site"
    result = run_mkdocs(REPO / "mkdocs.yml", site)
    warnings = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
    assert result.returncode == 0, "\n".join(warnings)
    return site


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_every_page_of_the_site_map_is_built(our_site: Path, prefix: str) -> None:
    missing = [url for url in SITE_MAP if not (our_site / prefix / url / "index.html").is_file()]
    assert missing == []


def test_checker_page_has_one_full_size_widget(our_site: Path) -> None:
    for prefix in ("", "fr/"):
        html = (our_site / prefix / "checker/index.html").read_text()
        assert html.count("data-connecteur-checker") == 1
        assert "connecteur--compact" not in html


def test_no_web_fonts_or_third_party_assets(our_site: Path) -> None:
    assert foreign_assets(our_site) == []
    for path in our_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert "cdn.jsdelivr" not in text, path


def _switch_targets(page: Path, site: Path) -> dict[str, Path]:
    """Where each entry of the language selector leads, as a file of the built site."""
    html = page.read_text(encoding="utf-8")
    base = "http://x/" + page.parent.relative_to(site).as_posix() + "/"
    out = {}
    links = r'<a href="([^"]*)" hreflang="(\w+)"[^>]*data-connecteur-language'
    for href, lang in re.findall(links, html):
        url = urljoin(base, href).removeprefix("http://x/")
        out[lang] = site / url / "index.html"
    return out


def test_language_switch_keeps_the_reader_on_the_same_page(our_site: Path) -> None:
    urls = [url for url in SITE_MAP if url != "embed/"]  # chrome-less: no selector
    pages = [our_site / url / "index.html" for url in [*urls, "rules/objective-stated/"]]
    for page in pages:
        rel = page.relative_to(our_site)
        targets = _switch_targets(page, our_site)
        assert targets["fr"] == our_site / "fr" / rel, rel
        assert targets["en"] == page, rel
        back = _switch_targets(our_site / "fr" / rel, our_site)
        assert back["en"] == page and back["fr"] == our_site / "fr" / rel, rel
    js = (our_site / "assets/javascripts/language-switch.js").read_text()
    assert "document$" in js  # follows instant navigation


def test_every_finding_links_to_a_rule_page_in_both_languages(our_site: Path) -> None:
    """A finding's ``rule_page`` is relative to the language root: it must exist in each."""
    for rule in checker.default_rubric().rules:
        for prefix in ("", "fr/"):
            page = our_site / prefix / "rules" / rule.id / "index.html"
            assert page.is_file(), f"{prefix}rules/{rule.id}/ is missing"


@pytest.mark.parametrize(("page", "own", "other"), [("guide/callbacks", "en", "fr")])
def test_pages_list_only_the_other_languages_as_alternates(
    our_site: Path, page: str, own: str, other: str
) -> None:
    """Material treats a head alternate as a language root (see site/alternates.py)."""
    for lang, prefix in ((own, ""), (other, f"{other}/")):
        html = (our_site / prefix / page / "index.html").read_text(encoding="utf-8")
        hreflangs = re.findall(
            r'<link rel="connecteur-alternate" href="[^"]*" hreflang="([^"]+)">', html
        )
        assert hreflangs == [other if lang == own else own], (prefix + page, hreflangs)
        # None Material would take for a language root (and fetch a sitemap under).
        assert '<link rel="alternate" href' not in html
