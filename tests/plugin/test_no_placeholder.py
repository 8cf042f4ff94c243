"""No built page shows a reader a literal "{name}" template placeholder (issue #11).

Rule messages carry {value}, {min} and {max} for the checker to fill; the rules index, the rule
pages, the guide pages' rule lists and the widget's strings must never print them as they are.
Text in <code>, <pre> and <script> is exempt (the reference pages document the syntax); attribute
values are not text a reader sees (the widget's strings travel in data-strings).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import checker
from mkdocs_connecteur.content.rule_pages import STRINGS
from mkdocs_connecteur.content.widget import ui_strings

NAME = re.compile(r"\{([a-z_]+)\}")


def template_names() -> set[str]:
    """Every placeholder our templates use: the rules' messages, the widget's and the rule pages'
    strings. (A rule may quote a mail-merge slot such as {company} as an example: not ours.)"""
    texts = [m for rule in checker.default_rubric().rules for m in rule.message.values()]
    texts += [
        v for section in ui_strings().values() for entry in section.values() for v in entry.values()
    ]
    texts += [v for strings in STRINGS.values() for v in strings.values()]
    return {name for text in texts for name in NAME.findall(text)}


NAMES = template_names()
PLACEHOLDER = re.compile(r"\{(?:" + "|".join(sorted(NAMES)) + r")\}")
EXEMPT = {"code", "pre", "script", "style", "textarea", "kbd"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Text(HTMLParser):
    """The page's visible text, outside the exempt elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if EXEMPT.isdisjoint(self.stack):
            self.found.extend(
                data[max(0, m.start() - 40) : m.end() + 40] for m in PLACEHOLDER.finditer(data)
            )


def placeholders(html: str) -> list[str]:
    parser = Text()
    parser.feed(html)
    return parser.found


def test_the_scanner_sees_a_placeholder() -> None:
    assert {"value", "max", "min", "band", "count"} <= NAMES
    assert placeholders("<p>{value} words is long</p>") == ["{value} words is long"]
    assert placeholders("<p><code>{value}</code></p><div data-x='{max}'></div>") == []


@pytest.mark.slow
def test_no_built_page_prints_a_placeholder(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    bad = {
        str(page.relative_to(built_site)): found
        for page in pages
        if (found := placeholders(page.read_text("utf-8")))
    }
    assert bad == {}
