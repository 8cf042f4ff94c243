"""The prefilter may only say "no match" when the regex really finds none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import default_rubric
from checker.folding import fold
from checker.prefilter import literal_prefixes, may_match

RUBRIC = default_rubric()
MATCHERS = [
    (rule.id, lang, matcher, matcher.gate)
    for rule in RUBRIC.rules
    for table in (rule.matchers, rule.partial_matchers)
    for lang, matcher in table.items()
    if matcher is not None
]
SNIPPETS = sorted(
    {
        text
        for rule in RUBRIC.rules
        for per_lang in rule.examples.values()
        for texts in per_lang.values()
        for text in texts
    }
)


def test_prefixes_are_found_for_most_rules() -> None:
    known = [m for m in MATCHERS if m[3] is not None]
    assert len(known) >= 0.8 * len(MATCHERS)


def test_literal_prefixes_of_simple_patterns() -> None:
    assert literal_prefixes(r"\b(?:urgent|asap)\b") == ("asap", "urgent")
    assert literal_prefixes(r"i(?:'d| would) like") == ("i would like", "i'd like")
    assert literal_prefixes(r"[a-z]+ing") is None
    assert literal_prefixes(r"(?:x+|y)") is None
    assert may_match(None, "anything") and not may_match(("zz",), "abc")


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=30)), max_size=4))
def test_prefilter_never_hides_a_match(parts: list[str]) -> None:
    text = fold(" ".join(parts)).folded
    for rule_id, lang, matcher, prefixes in MATCHERS:
        if not may_match(prefixes, text):
            assert matcher.search(text) is None, (rule_id, lang, text)


def test_every_example_agrees_with_its_prefilter() -> None:
    for snippet in SNIPPETS:
        text = fold(snippet).folded
        for rule_id, lang, matcher, prefixes in MATCHERS:
            if matcher.search(text):
                assert may_match(prefixes, text), (rule_id, lang, snippet)
