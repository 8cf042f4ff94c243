"""The built embed page: chrome-less, out of search, the widget loaded only through embed.js."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("lang", "folder", "button"),
    [
        ("en", "embed", "Load the checker"),
        ("fr", "fr/embed", "Charger le vérificateur"),
    ],
)
def test_embed_page_is_chrome_less(built_site: Path, lang: str, folder: str, button: str) -> None:
    html = (built_site / folder / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert html.count("data-connecteur-checker") == 1
    for chrome in ('class="md-header', 'class="md-footer', 'class="md-sidebar', 'class="md-tabs'):
        assert chrome not in html, chrome
    # The widget is imported by embed.js (at once or on a click), never by a script tag.
    assert "connecteur/js/embed.js" in html
    assert "connecteur/js/main.js" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert button in html


def test_embed_pages_are_not_in_search(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [loc for loc in locations if loc.split("#")[0] in ("embed/", "fr/embed/")]
    assert "trainers/" in locations  # the trainers' page is searchable


def test_trainers_pages_link_the_sample_and_the_references(built_site: Path) -> None:
    for folder in ("trainers", "fr/trainers"):
        html = (built_site / folder / "index.html").read_text(encoding="utf-8")
        assert "sample-class.csv" in html
        assert "reference/report/" in html and "reference/rubric/" in html
        assert "data-connecteur-embed-builder" in html
    assert (built_site / "assets" / "sample-class.csv").is_file()
