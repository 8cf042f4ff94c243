"""A rule that inserts a missing element shows the text it inserts, and where, on its page."""

from __future__ import annotations

import checker
from mkdocs_connecteur.content.rule_pages import render_rule


def test_rule_page_shows_the_insertable_text_in_the_readers_language() -> None:
    rubric = checker.default_rubric()
    rule = rubric.rule("bounded-ask")
    en = render_rule(rubric, rule, "en", {}, None)
    fr = render_rule(rubric, rule, "fr", {}, None)
    assert "can insert this text before the closing" in en
    assert 'lang="en"><p>A call of [20 minutes] would be plenty' in en
    assert "peut insérer ce texte avant la formule de politesse" in fr
    assert 'lang="fr"><p>Un appel de [20 minutes] suffirait' in fr
    # The text sits between "What to do" and "Why".
    assert en.index("What to do") < en.index("[20 minutes]") < en.index("## Why")


def test_a_rule_without_insert_says_nothing_of_it() -> None:
    rubric = checker.default_rubric()
    page = render_rule(rubric, rubric.rule("no-shorthand"), "en", {}, None)
    assert "can insert" not in page and "connecteur-insert" not in page
