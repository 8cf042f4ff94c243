"""`veto_from`: a rule refuses as evidence what the rules it names refuse (their veto phrases as
they stand in the rubric in force), so two rules that refuse the same evidence keep one list."""

from __future__ import annotations

from checker import LANGS, default_rubric, grade, load_rubric

SHARED_TRAIT = {
    "en": "Hi Tom! We're both in fintech in London, would be great to connect.",
    "fr": "Bonjour Tom, nous évoluons tous les deux dans la fintech : ce serait un plaisir "
    "d’échanger.",
}


def test_the_default_connection_rules_keep_one_list_of_shared_traits() -> None:
    rubric = default_rubric()
    purpose, link = rubric.rule("connect-purpose"), rubric.rule("connect-link")
    assert purpose.veto_from == ("connect-link",)
    assert not any(purpose.own_veto.values())  # no copy left in the rubric file
    for lang in LANGS:
        assert purpose.veto[lang] == link.veto[lang], lang
        found = {f.rule for f in grade(SHARED_TRAIT[lang], kind="connect", lang=lang).findings}
        assert {"connect-link", "connect-purpose"} <= found, lang


def test_a_phrase_a_trainer_vetoes_in_the_named_rule_is_refused_by_both() -> None:
    """The named rule redefined with another veto: the rule naming it takes the new one."""
    base = default_rubric().rule("connect-link")
    table = (
        '[[rules]]\nid = "connect-link"\nkind = "present"\nroles = ["link"]\n'
        'criterion = "who-you-are"\napplies_to = ["connect"]\nseverity = "warning"\ncap = 69\n'
        'message = { en = "m", fr = "m" }\nsuggestion = { en = "s", fr = "s" }\n'
        "patterns.en = ['\\bwe met\\b']\npatterns.fr = ['\\bnous nous sommes rencontrés\\b']\n"
        "veto.en = ['\\bwe met online\\b']\nveto.fr = ['\\ben ligne\\b']\n"
    )
    rubric = load_rubric(
        'extends = "default"\ndisable = ["connect-link"]\n' + table, source="atelier.toml"
    )
    taken = rubric.rule("connect-purpose").veto
    assert taken["en"] == ("\\bwe met online\\b",) and taken["fr"] == ("\\ben ligne\\b",)
    assert taken["en"] != base.veto["en"]
