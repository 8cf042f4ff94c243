"""The verb test that makes evidence a clause: broad enough for the sentences people write
(checker/clauses.py), and still blind to lists of keywords."""

from __future__ import annotations

import pytest

from checker.clauses import verb_starts
from checker.folding import fold


def _has_verb(text: str, lang: str) -> bool:
    return bool(verb_starts(fold(text).folded, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Good to chat by the shearing stage at the Royal Welsh Show;", "en"),
        ("Great to meet you at the Leeds cold-chain fair.", "en"),
        ("Your point about wool prices and cross-breeding stuck with me.", "en"),
        ("Your talk on ward rounds taught me more than my whole course.", "en"),
        ("Ravie de discuter horlogerie au salon de Lons-le-Saunier.", "fr"),
        ("Contente d'échanger au forum des vergers de Rennes.", "fr"),
        ("Thanks for the tip on the audit tool at the midwifery conference in Cork.", "en"),
        ("Merci pour le conseil sur la taille des vergers, au salon de Rennes.", "fr"),
        ("Notre conseil d'administration doit trancher le 14 novembre.", "fr"),
        ("Votre article sur les registres paroissiaux m'a beaucoup servi.", "fr"),
        ("Paul, Inès : merci à tous les deux d’avoir accepté.", "fr"),
        ("Sam - thanks both for saying yes.", "en"),
        ("Lena runs digital at Northwind, a credit union in Spokane;", "en"),
        ("OK to give him your number?", "en"),
        ("Any chance of a 20 min coffee or call in the next couple of weeks?", "en"),
        ("15 mins on the phone whenever suits?", "en"),
        ("Great chatting at the Brisbane bushfire recovery forum yesterday, Jess.", "en"),
        ("Keen to keep swapping notes on volunteer rostering.", "en"),
        ("Connecting here before our first chat.", "en"),
        ("Mon mémoire porte sur l’épargne par mobile money au marché d’Adjamé.", "fr"),
        ("Reaching out because your team runs the Leeds depot.", "en"),
    ],
)
def test_a_sentence_people_write_has_a_verb(text: str, lang: str) -> None:
    assert _has_verb(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("objective motivation 20 minutes thanks", "en"),
        ("Clear objective, strong motivation, precise project, full availability.", "en"),
        ("objectif motivation 20 minutes merci", "fr"),
        ("Objectif clair, motivation forte, projet précis, disponibilité totale.", "fr"),
        ("Chance of success, twenty minutes, any sector.", "en"),
        ("Networking, connecting, writing skills, teamwork.", "en"),
    ],
)
def test_a_list_of_keywords_has_none(text: str, lang: str) -> None:
    assert not _has_verb(text, lang)
