"""Shapes of real messages the role model must read (issue 16), in sentences not in the corpus.

The real-style corpus files (model/sentences/*/real-style-*.tsv) teach the model how messages
quoted on public pages are written: purposes inside the ask, job goals, thanks for accepting a
connection, plural or first-name targets, consent asked without the word, connection-note asks.
These sentences are written for this test only (not in the corpus, not from the public set), so
a regression in the corpus or the features shows here.
"""

from __future__ import annotations

import pytest
from role_reading import model_reads

FOUND = [
    # purpose inside the ask, job goals, questions to the recipient
    (
        "Could I take ten minutes to ask how you chose your first warehouse site?",
        "request",
        "purpose",
    ),
    (
        "I'm getting ready to apply for the payroll specialist job at your hospital.",
        "request",
        "purpose",
    ),
    (
        "Pourrais-je vous prendre dix minutes pour savoir comment vous avez choisi vos locaux ?",
        "request",
        "purpose",
    ),
    (
        "Je compte postuler au poste de gestionnaire de paie dans votre hôpital.",
        "request",
        "purpose",
    ),
    # link: accepted connection, past relationship
    ("Thanks a lot for accepting my request to connect.", "request", "link"),
    ("Merci beaucoup d'avoir accepté ma demande de connexion.", "request", "link"),
    # timebox in other words
    ("Could I give you a quick ring about it one of these days?", "request", "timebox"),
    ("Auriez-vous un petit moment pour en parler au téléphone ?", "request", "timebox"),
    # target by first name or by pronoun / plural
    ("Could you introduce me to Farida?", "ask", "target"),
    ("Pourrais-tu me présenter à Farida ?", "ask", "target"),
    ("Could you put me in touch with a few of them?", "ask", "target"),
    # consent without the word
    ("Would you mind if I introduced you to a founder I advise?", "intro", "consent"),
    ("Tu cherches toujours un développeur pour ton appli ?", "intro", "consent"),
    # a bare invitation to connect is stock network text (model/README.md)
    ("Would be lovely to connect.", "connect", "filler"),
    # a purpose in an ask to a connector or in an intro, in the words of real messages
    (
        "I'm applying for the warehouse supervisor vacancy at your Leeds depot and would value a "
        "word from you.",
        "ask",
        "purpose",
    ),
    (
        "Nous cherchons une graphiste freelance qui connaisse l'édition jeunesse, idéalement "
        "à Lyon.",
        "ask",
        "purpose",
    ),
    (
        "She's trying to decide whether to franchise her bakery or open a second shop herself.",
        "intro",
        "purpose",
    ),
    ("Avant de vous mettre en copie, je voulais m’assurer que ça vous allait.", "intro", "consent"),
]

NOT_FOUND = [
    # "this week" / "some questions" are not a bounded ask
    ("Could we have a coffee or a call at some point this week?", "request", "timebox"),
    # an intro opening is not a consent check
    ("I'd like to introduce you to Farida (cc'd), who runs a bakery in Leeds.", "intro", "consent"),
    # a referral at the connector's own company names no one to be introduced to
    ("Could you refer me for the job?", "ask", "target"),
    # a bare invitation to connect asks for no exchange: filler, not ask
    ("Would be lovely to connect.", "connect", "ask"),
    # a school in a sentence about the writer is who, not a shared context
    ("I'm a first-year nursing student at the University of Stirling.", "request", "link"),
    # a sales pitch "to companies like yours" is no shared context
    ("We help agencies like yours win more clients with automated proposals.", "connect", "link"),
]


@pytest.mark.parametrize(("sentence", "kind", "role"), FOUND)
def test_real_style_role_found(sentence: str, kind: str, role: str) -> None:
    assert model_reads(sentence, kind, role)


@pytest.mark.parametrize(("sentence", "kind", "role"), NOT_FOUND)
def test_real_style_near_miss_not_taken(sentence: str, kind: str, role: str) -> None:
    assert not model_reads(sentence, kind, role)
