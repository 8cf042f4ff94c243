"""Forms of real sentences the role model missed out of fold (issue 16, `realcv.py --misses`).

The corpus files model/sentences/en/68-real-forms.tsv and fr/70-formes-reelles.tsv teach them:
purposes asked as questions or written in templates with bracketed topics, links in other words,
plural or bracketed targets, and, beside them, growth statements, small-talk questions and people
mentioned who are not targets. These sentences are written for this test only (not in the corpus,
not from the public set), so a regression in the corpus or the features shows here.
"""

from __future__ import annotations

import pytest
from role_reading import model_reads

FOUND = [
    # purposes asked as questions, or in templates with bracketed topics
    (
        "Did the law conversion course pay off for you, or was it the training contract?",
        "request",
        "purpose",
    ),
    (
        "I'd like to hear how you went from [old job] to [new job] at [Company].",
        "request",
        "purpose",
    ),
    (
        "Comment as-tu trouvé tes premiers élèves quand tu as ouvert ton école de musique ?",
        "request",
        "purpose",
    ),
    (
        "J’aimerais comprendre comment [Entreprise] recrute ses [poste] débutants.",
        "request",
        "purpose",
    ),
    # links in other words
    ("We seem to move in the same circles in the Cardiff tech scene.", "request", "link"),
    ("We overlapped at Sainsbury's head office for a year or so.", "request", "link"),
    ("On gravite dans le même milieu du vin à Dijon.", "request", "link"),
    (
        "Depuis notre dernière conversation au forum de Lille, j’ai changé de poste.",
        "request",
        "link",
    ),
    # plural, bracketed or described targets
    ("Could you introduce me to [Name] at [Organisation]?", "ask", "target"),
    ("I'd love to speak to their head of logistics, who I think you know.", "ask", "target"),
    ("Pourrais-tu me présenter à leur directrice commerciale ?", "ask", "target"),
    # a problem told through growth is a purpose
    (
        "We've tripled our headcount this year and our payroll process can't keep up.",
        "request",
        "purpose",
    ),
]

NOT_FOUND = [
    # growth statements are no purpose
    (
        "We've tripled our headcount this year and we're opening in Dublin next.",
        "request",
        "purpose",
    ),
    (
        "Nous avons triplé nos effectifs cette année et ouvrons bientôt à Genève.",
        "request",
        "purpose",
    ),
    # small talk asked as a question is no purpose
    ("How was your trip to Japan?", "request", "purpose"),
    ("Ton voyage au Japon s’est bien passé ?", "request", "purpose"),
    # people mentioned who are not to be met
    ("Their head of logistics gave a great talk last month.", "ask", "target"),
    ("Leur directrice commerciale a donné une belle conférence le mois dernier.", "ask", "target"),
    # a shared trait is no shared context
    ("Like you, I live in Cardiff.", "request", "link"),
    ("Comme vous, j’habite à Dijon.", "request", "link"),
]


@pytest.mark.parametrize(("sentence", "kind", "role"), FOUND)
def test_real_form_role_found(sentence: str, kind: str, role: str) -> None:
    assert model_reads(sentence, kind, role)


@pytest.mark.parametrize(("sentence", "kind", "role"), NOT_FOUND)
def test_real_form_near_miss_not_taken(sentence: str, kind: str, role: str) -> None:
    assert not model_reads(sentence, kind, role)
