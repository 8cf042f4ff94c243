"""A rule that takes its patterns (`patterns_from`) or its vetoes (`veto_from`) from others
names and links them on its page."""

from __future__ import annotations

import checker
from mkdocs_connecteur.content.rule_pages import render_rule


def test_rule_page_links_the_rules_whose_phrases_it_counts() -> None:
    rubric = checker.default_rubric()
    rule = rubric.rule("intro-reason-or-consent")
    assert rule.patterns_from  # the shipped rubric's one user of the key
    en = render_rule(rubric, rule, "en", {}, None)
    fr = render_rule(rubric, rule, "fr", {}, None)
    links = ", ".join(f"[`{name}`]({name}.md)" for name in rule.patterns_from)
    assert f"- **Also counts as evidence**: the phrases of {links}" in en
    assert f"- **Compte aussi comme preuve**\u00a0: les formulations de {links}" in fr


def test_a_rule_with_its_own_phrases_only_says_nothing_of_it() -> None:
    rubric = checker.default_rubric()
    page = render_rule(rubric, rubric.rule("intro-purpose"), "en", {}, None)
    assert "Also counts as evidence" not in page


def test_rule_page_links_the_rules_whose_vetoes_it_takes() -> None:
    """`veto_from`: connect-purpose refuses what connect-link refuses, and its page says so."""
    rubric = checker.default_rubric()
    rule = rubric.rule("connect-purpose")
    assert rule.veto_from == ("connect-link",)
    en = render_rule(rubric, rule, "en", {}, None)
    fr = render_rule(rubric, rule, "fr", {}, None)
    link = "[`connect-link`](connect-link.md)"
    assert f"- **Also refuses as evidence**: the veto phrases of {link}" in en
    assert f"- **Refuse aussi comme preuve**\u00a0: les formules de veto de {link}" in fr
    assert "Also refuses as evidence" not in render_rule(
        rubric, rubric.rule("connect-link"), "en", {}, None
    )
