"""The server-rendered widget (mkdocs_connecteur/content/widget.py): markup, escaping, strings.

No browser needed; kept beside the browser tests because they test the same contract.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

import checker
from mkdocs_connecteur.content.widget import KINDS, js_strings, render_checker, ui_strings

HOSTILE = "</textarea><script>alert(1)</script>\"'&<img src=x onerror=alert(1)>\n\n\tfin"


class Collect(HTMLParser):
    """Elements with their attributes, and the textarea's text as a browser would read it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.textarea = ""
        self._in_textarea = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_textarea = tag == "textarea"

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._in_textarea = False

    def handle_data(self, data: str) -> None:
        if self._in_textarea:
            self.textarea += data


def parse(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    return parser


def render(**overrides: object) -> str:
    options: dict[str, object] = {
        "kind": "ask",
        "lang": "fr",
        "compact": False,
        "draft": "Bonjour",
        "ui_lang": "en",
        "index": 0,
        "expect": None,
    }
    options.update(overrides)
    return render_checker(**options)  # type: ignore[arg-type]


def test_contract_markup() -> None:
    doc = parse(render(index=3, compact=True, expect="not-ready"))
    tags = {tag for tag, _ in doc.elements}
    assert {"textarea", "select", "button"} <= tags
    root = doc.elements[0][1]
    assert "data-connecteur-checker" in root
    assert root["data-state"] == "loading"
    assert root["data-index"] == "3"
    assert root["data-expect"] == "not-ready"
    names = {attrs.get("name") for _, attrs in doc.elements}
    assert {"draft", "kind", "lang"} <= names
    options = [a["value"] for t, a in doc.elements if t == "option"]
    assert options == [*KINDS, "auto", "fr", "en"]
    assert tuple(KINDS) == tuple(checker.KINDS)
    statuses = [a for _, a in doc.elements if a.get("role") == "status"]
    assert statuses and statuses[0]["aria-live"] == "polite"
    ids = [a["id"] for _, a in doc.elements if "id" in a]
    assert len(ids) == len(set(ids)) and all(i.startswith("connecteur-3-") for i in ids)


def test_hostile_draft_is_text_and_round_trips() -> None:
    html = render(draft=HOSTILE)
    assert "<script" not in html and "<img" not in html
    assert "\n\n" not in html, "a blank line would end Markdown's HTML block"
    doc = parse(html)
    assert doc.textarea.removeprefix("\n") == HOSTILE
    textarea = next(a for t, a in doc.elements if t == "textarea")
    assert textarea["data-default"] == HOSTILE


def test_bad_options_are_refused_with_the_accepted_values() -> None:
    with pytest.raises(ValueError, match="request, ask, intro, connect"):
        render(kind="memo")
    with pytest.raises(ValueError, match="auto, fr, en"):
        render(lang="de")
    with pytest.raises(ValueError, match="ready"):
        render(expect="great")


@pytest.mark.parametrize("ui_lang", ["en", "fr"])
def test_every_string_in_both_languages(ui_lang: str) -> None:
    for section, entries in ui_strings().items():
        for key, value in entries.items():
            assert set(value) == {"en", "fr"}, f"{section}.{key}"
            assert all(isinstance(v, str) and v.strip() for v in value.values())
    strings = json.loads(parse(render(ui_lang=ui_lang)).elements[0][1]["data-strings"])
    assert strings == js_strings(ui_lang)
    assert {"band_ready", "band_needs-work", "band_not-ready", "band_empty"} <= set(strings)
