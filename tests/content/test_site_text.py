"""What a reader sees: French typography on every French page, and no internal jargon (issue 15).

The site-level tests read the built site (the session's ``built_site``, a strict build); the
typography pass itself is tested on small pieces of HTML, so a failure says which rule broke.
"""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import pytest

from mkdocs_connecteur.content.typography import (
    NBSP,
    NNBSP,
    breaking_spaces,
    french_html,
    french_text,
    page_text,
)

REPO = Path(__file__).resolve().parents[2]
JARGON = re.compile(r"\bseeds?\b", re.IGNORECASE)


# -- the pass ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "set_"),
    [
        ("Objectif : clair", f"Objectif{NBSP}: clair"),
        ("Pourquoi moi ?", f"Pourquoi moi{NNBSP}?"),
        ("Bien ; ensuite", f"Bien{NNBSP}; ensuite"),
        ("Merci !", f"Merci{NNBSP}!"),
        ("Merci!", f"Merci{NNBSP}!"),
        ("« bonjour »", f"«{NBSP}bonjour{NBSP}»"),
        ("l'ami d'un ami", "l’ami d’un ami"),
        ("Amis d&#39;amis", "Amis d’amis"),
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
    ],
)
def test_french_text_sets_the_spaces_and_apostrophes(typed: str, set_: str) -> None:
    assert french_text(typed) == set_


@pytest.mark.parametrize(
    "kept",
    [
        "à 10:30, puis 14:00",
        "voir https://example.org/a?kind=ask&lang=fr",
        "Dupont &amp; fils",
        f"déjà bien{NBSP}: rien à faire",
    ],
)
def test_french_text_leaves_times_urls_and_references_alone(kept: str) -> None:
    assert french_text(kept) == kept


def test_french_html_changes_text_only_outside_code_and_drafts() -> None:
    page = (
        '<p>Objectif : <a href="https://x.example/?a : b" title="a : b">lien</a> !</p>'
        "<pre><code>kind: ask\nexpect : ready</code></pre>"
        "<p>Tapez <code>a ; b</code> ou <kbd>Ctrl ?</kbd></p>"
        '<textarea name="draft">Bonjour , pourriez vous transférer ? Cdt</textarea>'
        "<script>if (a ? b : c) {}</script><style>a::after { content: ' !' }</style>"
    )
    out = french_html(page)
    assert f"Objectif{NBSP}: " in out
    assert f"</a>{NNBSP}!</p>" in out
    assert 'href="https://x.example/?a : b" title="a : b"' in out
    assert "<pre><code>kind: ask\nexpect : ready</code></pre>" in out
    assert "<code>a ; b</code>" in out and "<kbd>Ctrl ?</kbd>" in out
    assert '<textarea name="draft">Bonjour , pourriez vous transférer ? Cdt</textarea>' in out
    assert "<script>if (a ? b : c) {}</script>" in out
    assert "content: ' !'" in out


def test_breaking_spaces_finds_what_the_pass_fixes() -> None:
    typed = "Pourquoi moi ? « oui » l'ami : bien"
    assert len(breaking_spaces(typed)) == 5
    assert breaking_spaces(french_text(typed)) == []


# -- the built site ----------------------------------------------------------------------------


def html_pages(site: Path, french: bool) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    fr = site / "fr"
    return [p for p in pages if (fr in p.parents) == french and p.name != "404.html"]


def test_every_french_page_keeps_french_typography(built_site: Path) -> None:
    pages = html_pages(built_site, french=True)
    assert len(pages) > 20, "the French site is missing"
    faults = {}
    for page in pages:
        runs = page_text(page.read_text(encoding="utf-8"))
        found = [s for run in runs for s in breaking_spaces(html.unescape(run))]
        if found:
            faults[str(page.relative_to(built_site))] = found[:3]
    assert faults == {}


def test_the_drafts_of_french_checkers_stay_as_typed(built_site: Path) -> None:
    """The founding request's draft, with its own spacing, is still in the page's textarea."""
    page = (built_site / "fr" / "examples" / "index.html").read_text(encoding="utf-8")
    assert "Bonjour, pourriez vous transférer. Cdt" in page
    drafts = re.findall(r"<textarea[^>]*>(.*?)</textarea>", page, re.DOTALL)
    assert any("j'ai consulté le vôtre" in html.unescape(d) for d in drafts)


@pytest.mark.parametrize("french", [False, True], ids=["en", "fr"])
def test_no_page_says_seed(built_site: Path, french: bool) -> None:
    found = {}
    for page in html_pages(built_site, french):
        text = " ".join(page_text(page.read_text(encoding="utf-8")))
        hits = JARGON.findall(html.unescape(text))
        if hits:
            found[str(page.relative_to(built_site))] = hits
    assert found == {}


def test_no_rubric_message_says_seed() -> None:
    rubric = tomllib.loads((REPO / "checker" / "data" / "rubric.toml").read_text("utf-8"))
    said = []
    for rule in rubric.get("rules", []):
        for key in ("message", "suggestion", "title", "label"):
            for lang, text in (rule.get(key) or {}).items():
                if JARGON.search(text):
                    said.append(f"{rule['id']}.{key}.{lang}")
    for criterion in (rubric.get("criteria") or {}).values():
        for text in (criterion.get("label") or {}).values():
            if JARGON.search(text):
                said.append(text)
    assert said == []


def test_no_user_facing_string_file_says_seed() -> None:
    """The catalogues and the scaffold's templates (wherever they live) are read by users."""
    files = sorted((REPO / "checker" / "locale").rglob("*.po"))
    assert files
    for folder in ("checker/scaffold", "connecteur_cli"):
        base = REPO / folder
        if base.exists():
            files += [p for p in base.rglob("*") if p.is_file() and p.suffix != ".pyc"]
    said = [
        str(p.relative_to(REPO)) for p in files if JARGON.search(p.read_text("utf-8", "replace"))
    ]
    assert said == []
