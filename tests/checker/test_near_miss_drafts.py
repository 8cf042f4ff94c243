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
