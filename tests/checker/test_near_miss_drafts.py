"""Polished non-requests and borrowed consent (issue 16, "How it fails", items 5 and 6), graded
whole: a career summary with no request is not ready, whatever its polish; a precise purpose told
inside the same career story is; the requester's wish is no consent from the recipient.

These drafts were written for this test and are not in the sentence corpus (model/sentences/):
they check that the model learnt the difference from other sentences, not these."""

from __future__ import annotations

import pytest

from checker import grade

CAREER_EN = (
    "Dear Ms Laurent,\n\nI have spent twelve years in finance, first at Deloitte and then at BNP, "
    "where I led teams of up to fifteen analysts and delivered several transformation programmes. "
    "My strengths include strategic thinking, stakeholder management and delivering results under "
    "pressure. {last}\n\nBest regards,\nJohn Smith"
)
NO_REQUEST_EN = (
    "I am now ready for my next challenge and I believe my profile would be an excellent fit for "
    "your organisation."
)
PRECISE_EN = (
    "I am now weighing a move from audit into treasury, and I would like to know how you made that "
    "jump at Airbus. Could we have a 20-minute call whenever suits you?"
)
CAREER_FR = (
    "Madame,\n\nJ’ai passé quinze ans dans la banque, d’abord chez BNP puis à la Société Générale, "
    "où j’ai dirigé des équipes de dix personnes. Mes points forts sont la rigueur, le sens du "
    "client et la conduite du changement. {last}\n\nCordialement,\nClaire Martin"
)
NO_REQUEST_FR = (
    "Je suis aujourd’hui prête pour un nouveau défi et mon profil correspondrait parfaitement à "
    "votre entreprise."
)
PRECISE_FR = (
    "J’envisage de passer de l’audit à la trésorerie et j’aimerais savoir comment vous avez fait "
    "ce saut chez Airbus. Auriez-vous vingt minutes pour un appel, quand cela vous arrange ?"
)

INTRO_EN = (
    "Hi Marc, hi Julie,\n\nMarc, meet Julie, who runs HR at Fabrik. Julie, Marc built the payroll "
    "system at my last company; I worked with him for four years. {consent}\n\nBest,\nAnna"
)
WISH_EN = "She wants to talk payroll."
AGREED_EN = "She wants to talk payroll, and Marc told me on Friday he'd happily give her an hour."
INTRO_FR = (
    "Bonjour Marc, bonjour Julie,\n\nMarc, je te présente Julie, qui dirige les RH de Fabrik. "
    "Julie, Marc a monté le logiciel de paie de mon ancienne boîte ; j’ai travaillé quatre ans "
    "avec lui. {consent}\n\nBien à vous,\nAnna"
)
WISH_FR = "Elle veut te parler de paie."
AGREED_FR = (
    "Elle veut te parler de paie, et Marc m’a dit vendredi qu’il lui consacrerait une heure avec "
    "plaisir."
)


def _roles_of(report, text: str, sentence: str) -> set[str]:
    start = text.index(sentence)
    return {r.role for s in report.sentences if s.start <= start < s.end for r in s.roles}


def _failed(report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "draft", "no_request", "precise"),
    [
        ("en", CAREER_EN, NO_REQUEST_EN, PRECISE_EN),
        ("fr", CAREER_FR, NO_REQUEST_FR, PRECISE_FR),
    ],
)
def test_a_career_summary_with_no_request_is_not_ready_and_a_precise_purpose_is(
    lang: str, draft: str, no_request: str, precise: str
) -> None:
    bare_text = draft.format(last=no_request)
    bare = grade(bare_text, kind="request", lang=lang)
    # Bio and strengths are no purpose; "ready for my next challenge" is a vague one.
    assert not any(r.role == "purpose" for s in bare.sentences for r in s.roles)
    assert "vague" in _roles_of(bare, bare_text, no_request)
    assert "objective-stated" in _failed(bare)
    assert bare.band == "not-ready"
    assert bare.cap is not None and bare.cap.rule == "objective-stated"
    # The same story with a precise purpose and a bounded ask in its last lines.
    told_text = draft.format(last=precise)
    told = grade(told_text, kind="request", lang=lang)
    assert "objective-stated" not in _failed(told)
    assert told.band != "not-ready"
    assert told.score > bare.score + 20


@pytest.mark.parametrize(
    ("lang", "intro", "wish", "agreed"),
    [("en", INTRO_EN, WISH_EN, AGREED_EN), ("fr", INTRO_FR, WISH_FR, AGREED_FR)],
)
def test_the_requesters_wish_is_no_consent_and_the_recipients_agreement_is(
    lang: str, intro: str, wish: str, agreed: str
) -> None:
    wish_text, agreed_text = intro.format(consent=wish), intro.format(consent=agreed)
    wished = grade(wish_text, kind="intro", lang=lang)
    assert "consent" not in _roles_of(wished, wish_text, wish)
    assert "intro-consent" in _failed(wished)
    consented = grade(agreed_text, kind="intro", lang=lang)
    assert "consent" in _roles_of(consented, agreed_text, agreed)
    assert "intro-consent" not in _failed(consented)
    assert consented.score > wished.score


REFERRAL_EN = (
    "Hi Ruth,\n\nI'm a product designer at a small health start-up in Bristol. {referral} We are "
    "about to double our team and I'd like to know what you would do differently. Could I ask you "
    "three questions over a 20-minute call, whenever suits you? No worries at all if not.\n\n"
    "Thanks,\nTom"
)
WITH_REASON_EN = (
    "Dana, my old manager at Shopify, said you took their payments team from ten to forty people."
)
REFERRAL_FR = (
    "Bonjour Hélène,\n\nJe suis développeuse dans une petite agence à Nantes. {referral} J’hésite "
    "à me lancer en indépendante l’an prochain et j’aimerais savoir ce qui vous a le plus surprise "
    "la première année. Auriez-vous vingt minutes au téléphone, quand cela vous arrange ? Aucun "
    "souci si ce n’est pas possible.\n\nMerci,\nJulie"
)
WITH_REASON_FR = (
    "Mon ancien professeur de comptabilité, M. Garnier, m’a dit que vous aviez monté votre cabinet "
    "seule à 28 ans."
)


@pytest.mark.parametrize(
    ("lang", "draft", "referral"),
    [("en", REFERRAL_EN, WITH_REASON_EN), ("fr", REFERRAL_FR, WITH_REASON_FR)],
)
def test_a_referral_that_gives_the_reason_is_the_link_and_why_them(
    lang: str, draft: str, referral: str
) -> None:
    """Issue 16, failure 4: "Marc, my former manager, said you…" is a link and a reason."""
    text = draft.format(referral=referral)
    report = grade(text, kind="request", lang=lang)
    assert {"link", "why-you"} <= _roles_of(report, text, referral)
    assert not {"link-stated", "why-them"} & _failed(report)
    assert report.band == "ready"


RAW_FORWARD = {
    "en": (
        "Fwd: Hi Omar, my sister-in-law Ines wants to ask you about moving into product "
        "management. Her mobile is 07700 900 456. She'll call you. Cheers, Dan",
        "my sister-in-law Ines wants to ask you about moving into product management.",
    ),
    "fr": (
        "TR : Salut Omar, ma belle-sœur Inès veut te demander comment passer à la gestion de "
        "produit. Son portable : 06 11 22 33 44. Elle t’appellera. Bises, Dan",
        "ma belle-sœur Inès veut te demander comment passer à la gestion de produit.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_raw_forward_with_the_requesters_number_is_not_ready_to_send(lang: str) -> None:
    """Issue 16, failure 5: a forward that hands over a number, with no one asked, is no intro."""
    text, wish = RAW_FORWARD[lang]
    report = grade(text, kind="intro", lang=lang)
    assert "consent" not in _roles_of(report, text, wish)
    assert "intro-consent" in _failed(report)
    assert report.band != "ready"
