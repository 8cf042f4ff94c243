"""Parts of a message: what the recipient skips (subject, signature, quoted text), by layout."""

from __future__ import annotations

import pytest

from checker import grade
from checker.folding import fold
from checker.parts import judged_text, segment


def parts_of(text: str) -> list[tuple[str, str]]:
    folded = fold(text)
    return [(p.name, text[p.start : p.end]) for p in segment(folded.folded, text)]


def test_a_full_email_has_every_part() -> None:
    text = (
        "Objet : Enquête métier – acheteuse\n\nBonjour Madame Lemaire,\n\n"
        "Je prépare une reconversion. Auriez-vous 20 minutes ?\n\nBien cordialement,\n"
        "Camille Roussel\n06 12 34 56 78\ncamille@example.org\n"
    )
    assert [name for name, _ in parts_of(text)] == [
        "subject",
        "greeting",
        "body",
        "closing",
        "signature",
    ]
    assert dict(parts_of(text))["greeting"] == "Bonjour Madame Lemaire,"


def test_greeting_on_the_same_line_as_the_body() -> None:
    got = parts_of("Hi Marc, I'm Ana from Lyon. Could we talk?\nThanks, Ana")
    assert got == [
        ("greeting", "Hi Marc,"),
        ("body", "I'm Ana from Lyon. Could we talk?"),
        ("closing", "Thanks, Ana"),
    ]


def test_a_title_does_not_end_the_greeting() -> None:
    assert parts_of("Dear Mrs. Marks:\nJulian is going to Buffalo.")[0] == (
        "greeting",
        "Dear Mrs. Marks:",
    )


@pytest.mark.parametrize(
    "header", ["On Mon, Jan 3, Bob Smith wrote:", "Le lun. 3 janv., Bob a écrit :", "> hello"]
)
def test_a_quoted_reply_is_quoted(header: str) -> None:
    got = parts_of(f"Hi Bob, thanks for this.\n\n{header}\n> earlier text")
    assert got[-1][0] == "quoted" and got[-1][1].startswith(header)


def test_a_name_after_the_sign_off_is_a_signature_but_a_sentence_is_not() -> None:
    assert parts_of("Could we talk?\nVery sincerely,\nEthel Norman.")[-1] == (
        "signature",
        "Ethel Norman.",
    )
    assert parts_of("Could we talk?\nBest,\nAna\nThis is urgent.")[-1][0] == "body"


def test_judged_text_blanks_what_the_recipient_skips_and_keeps_offsets() -> None:
    text = "Subject: hello there\nHi Sam,\nCould we talk?\nBest,\nAna\n+33 6 12 34 56 78"
    folded = fold(text).folded
    judged = judged_text(folded, segment(folded, text))
    assert len(judged) == len(folded)
    assert "subject" not in judged and "+33" not in judged and "could we talk?" in judged


def test_the_signature_does_not_count_towards_length() -> None:
    body = (
        "Hi Sam,\n\nI'm Ana, a nurse moving into health-tech product work. Could we talk?"
        "\n\nBest,\nAna"
    )
    signature = "\nAna Lopez\nSenior nurse, Lyon Sud hospital\n+33 6 12 34 56 78\nana@example.org"
    assert grade(body).stats.words == grade(body + signature).stats.words


def test_a_placeholder_in_the_subject_line_still_counts() -> None:
    report = grade("Subject: coffee with [First name]\n\nHi Sam, could we talk for 20 minutes?")
    assert "no-placeholder" in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    ("text", "body", "closing"),
    [
        (
            "Hi Bob,\nIt is above. See the link. Cheers,\nTheo",
            "It is above. See the link.",
            "Cheers,",
        ),
        ("Hi Bob, could we talk? Thanks, Ana", "could we talk?", "Thanks, Ana"),
        ("Bonjour, pourriez vous transférer. Cdt", "pourriez vous transférer.", "Cdt"),
    ],
)
def test_a_sign_off_on_the_same_line_as_the_last_sentence(
    text: str, body: str, closing: str
) -> None:
    got = dict(parts_of(text))
    assert got["body"] == body and got["closing"] == closing


def test_a_long_sentence_starting_with_thanks_is_not_a_sign_off() -> None:
    text = "Hi Bob,\nI need this. Thanks for nothing, it is not a closing as it goes on and on."
    assert [name for name, _ in parts_of(text)] == ["greeting", "body"]
