"""The English and French practice pages (exercises, examples) teach the same cases, in order.

Each language is written natively, so the words differ; what must not drift is the skeleton a
reader or a trainer relies on: the heading anchors (``{#request-2}`` links from the workshop and
the guide), and the sequence of embedded checkers with their kind and claimed band.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_connecteur.content.fence import find_fences

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = ("exercises", "examples")


def anchors_in_order(text: str) -> list[str]:
    return re.findall(r"^#+ .*\{#([\w-]+)\}\s*$", text, re.MULTILINE)


def checkers_in_order(text: str) -> list[tuple[str, str | None]]:
    return [(fence.kind, fence.expect) for fence in find_fences(text)]


def both(page: str) -> tuple[str, str]:
    return (
        (DOCS / f"{page}.md").read_text(encoding="utf-8"),
        (DOCS / f"{page}.fr.md").read_text(encoding="utf-8"),
    )


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_have_the_same_anchors_in_the_same_order(page: str) -> None:
    english, french = both(page)
    assert anchors_in_order(english), f"{page}.md has no anchored heading"
    assert anchors_in_order(english) == anchors_in_order(french)


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_embed_the_same_checkers_with_the_same_bands(page: str) -> None:
    english, french = both(page)
    sequence = checkers_in_order(english)
    assert sequence, f"{page}.md embeds no checker"
    assert all(expect for _, expect in sequence), f"{page}.md: a checker without expect:"
    assert sequence == checkers_in_order(french)


def test_the_comparison_notices_a_missing_or_changed_band() -> None:
    english, _ = both("exercises")
    dropped = english.replace("expect: needs-work", "expect: ready", 1)
    assert checkers_in_order(dropped) != checkers_in_order(english)
    renamed = english.replace("{#request-2}", "{#request-two}", 1)
    assert anchors_in_order(renamed) != anchors_in_order(english)
