"""Rules that look for a slip (a name left from another message, a paragraph pasted twice, a
sentence cut off): what they leave alone, and that a met `only_against` rule changes no score."""

from __future__ import annotations

import pytest

from checker import RubricError, grade, load_rubric

SLIPS = ("no-pasted-twice", "no-cut-sentence", "one-addressee")
WITHOUT_SLIPS = load_rubric(
    'extends = "default"\ndisable = ["no-pasted-twice", "no-cut-sentence", "one-addressee"]'
)

CLEAN = (
    "Dear Ms Abernathy,\n\nI'm Owen Kaur, a planning student at UBC. I'm writing a term project on "
    "how mid-sized towns met the housing targets, and your report on small-lot rezoning is the "
    "clearest case I've found. Would 20 minutes by phone suit you before November 15? I'll "
    "understand if not.\n\nThank you,\nOwen Kaur"
)
REPEATED = "I'm writing a term project on how mid-sized towns met the housing targets this year."


def rules_of(report) -> set[str]:
    return {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        "Hi Ravi, we met at DevConf; I'd like to follow your work on event sourcing. Anil",
        "Bonjour Hélène, nous nous sommes croisées au salon de Rennes ; j’aimerais suivre vos "
        "travaux sur la gouvernance. Merci, Hélène, et au plaisir. Gwen",
    ],
)
def test_a_met_slip_rule_changes_no_score(text: str) -> None:
    """Not cutting a sentence is no merit: the score is the one the rubric gives without them."""
    for kind in ("request", "connect"):
        report = grade(text, kind=kind)
        assert not rules_of(report) & set(SLIPS)
        assert report.score == grade(text, kind=kind, rubric=WITHOUT_SLIPS).score


def test_a_paragraph_pasted_twice_is_found_and_its_gain_is_its_removal() -> None:
    text = CLEAN.replace("Would 20", REPEATED + " " + REPEATED + " Would 20")
    report = grade(text)
    found = [f for f in report.findings if f.rule == "no-pasted-twice"]
    assert len(found) == 1 and found[0].spans[0].text == REPEATED
    without = grade(text, rubric=WITHOUT_SLIPS).score
    assert report.score < 70 <= without
    assert found[0].gain == without - report.score


def test_a_cut_sentence_is_found_before_a_blank_line_or_at_the_end() -> None:
    cut = CLEAN.replace("I'll understand if not.", "Or if easier, my")
    assert "no-cut-sentence" in rules_of(grade(cut))
    assert "no-cut-sentence" in rules_of(grade(CLEAN + "\n\nP.S. I could also send the"))
    # Mid-line, the same word is no cut: "before the I'll understand" is a typo, not a stop.
    assert "no-cut-sentence" not in rules_of(grade(CLEAN.replace("November 15?", "the")))
    # A line ending on a word that ends sentences ("as is", "if you'd like to") is no cut.
    assert "no-cut-sentence" not in rules_of(grade(CLEAN + "\n\nHappy to send my notes as is"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # No greeting name: nothing to compare with.
        ("Hello, many thanks, Marcus, for your talk; I'd like to follow your work.", "connect"),
        # A name the draft spoke of before: an introduction addresses both people it names.
        (
            "Hi Priya, please meet Jonas, who runs payroll at Kiva. Thanks, Jonas, for saying yes.",
            "intro",
        ),
        # Presented, not addressed.
        (
            "Hi Aoife, would you be open to meeting a good friend of mine, Róisín? She's great.",
            "intro",
        ),
        ("Dear Priya, your colleague, Anna, suggested I write to you about the audit.", "request"),
        # The connector thanked in the reply to an introduction.
        (
            "Dear Adaeze,\n\nThank you, Chinedu, for the introduction. Adaeze, would 20 "
            "minutes suit you next week?\n\nTolu",
            "request",
        ),
        # A first name after a formal greeting is not the same form: left alone.
        (
            "Dear Dr Shah, many thanks, Maria, for your talk; I'd like to follow your work.",
            "connect",
        ),
    ],
)
def test_addressee_leaves_alone(text: str, kind: str) -> None:
    assert "one-addressee" not in rules_of(grade(text, kind=kind))


def test_addressee_points_at_the_wrong_name() -> None:
    text = (
        "Dear Priya,\n\nI'd be grateful for 20 minutes on building an analytics team.\n\n"
        "Many thanks, Marcus, and I hope the move to Bristol went smoothly.\n\nTom"
    )
    report = grade(text)
    found = [f for f in report.findings if f.rule == "one-addressee"]
    assert [s.text for s in found[0].spans] == ["Marcus"]
    assert report.band == "not-ready"


def test_addressee_on_a_hostile_paste_is_bounded() -> None:
    text = "Hi Tom, " + "thanks, Anna, and " * 20_000 + "bye."
    report = grade(text)
    found = [f for f in report.findings if f.rule == "one-addressee"]
    assert found and len(found[0].spans) <= 25


def test_only_against_must_be_true_or_false() -> None:
    with pytest.raises(RubricError) as err:
        load_rubric(
            'extends = "default"\n[[rules]]\nid = "mine"\nkind = "duplicate"\n'
            'criterion = "courtesy"\nonly_against = "yes"\n'
            'message = { en = "m", fr = "m" }\nsuggestion = { en = "s", fr = "s" }\n'
            '[rules.examples]\nen = { pass = ["a"], fail = ["b"] }\n'
            'fr = { pass = ["a"], fail = ["b"] }\n',
            source="mine.toml",
        )
    assert err.value.key == "only_against" and err.value.rule == "mine"
