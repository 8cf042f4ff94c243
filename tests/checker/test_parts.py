"""Parts of a message: what the recipient skips (subject, signature, quoted text), by layout."""

from __future__ import annotations

import time

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
    assert parts_of("Dear Mrs. Okafor:\nOmar is heading to Bordeaux.")[0] == (
        "greeting",
        "Dear Mrs. Okafor:",
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


# --- Issue 16: greetings, signatures and sentence cuts in real messages --------------------------


def sentences_of(text: str, lang: str = "en") -> list[tuple[str, str]]:
    """(part, text) of every judged sentence, as the report gives them."""
    report = grade(text, lang=lang)
    return [(s.part, text[s.start : s.end]) for s in report.sentences]


def body_sentences(text: str, lang: str = "en") -> list[str]:
    return [t for part, t in sentences_of(text, lang) if part == "body"]


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Sarah,\nI saw your talk on cold chains. Could we talk?", "Sarah,"),
        ("Brian -\nI saw your talk on cold chains. Could we talk?", "Brian -"),
        ("Professor,\nMy name is Patrick. Could we talk?", "Professor,"),
        ("Asif and Blair,\nYou should meet. Asif runs a farm.", "Asif and Blair,"),
        ("[Insert Name] !\nI saw your talk. Could we talk?", "[Insert Name] !"),
        ("Marie,\nJ’ai lu votre article. Pourrions-nous échanger ?", "Marie,"),
        ("Madame,\nMonsieur,\nJe vous écris de la part d’Anna.", "Madame,\nMonsieur,"),
    ],
)
def test_a_line_that_only_names_the_reader_is_a_greeting(text: str, greeting: str) -> None:
    got = parts_of(text)
    assert got[0] == ("greeting", greeting)
    assert got[1][0] == "body"


@pytest.mark.parametrize(
    ("text", "greeting", "first"),
    [
        ("“Hi Jane, I’d like to connect with you.”", "“Hi Jane,", "I’d like to connect with you.”"),
        ('"Hi [Name], saw you\'re also an alum!"', '"Hi [Name],', "saw you're also an alum!\""),
        ("« Bonjour Marc, je vous écris de la part d’Anna. »", "« Bonjour Marc,", None),
        ("“Hey, Jason, it was great meeting you.”", "“Hey, Jason,", "it was great meeting you.”"),
        ("Hi, Bob\n\nYou should meet Greg.", "Hi, Bob", "You should meet Greg."),
        ("Hi [Name] — saw you recruit at [Company].", "Hi [Name] —", None),
    ],
)
def test_a_greeting_after_an_opening_quote_or_with_the_name_after_a_comma(
    text: str, greeting: str, first: str | None
) -> None:
    lang = "fr" if "Bonjour" in text else "en"
    got = sentences_of(text, lang)
    assert got[0] == ("greeting", greeting)
    assert got[1][0] == "body"
    if first is not None:
        assert got[1][1] == first


@pytest.mark.parametrize(
    ("text", "greeting", "lang"),
    [
        ("Dear Dr. Smith,\nCould we talk?", "Dear Dr. Smith,", "en"),
        ("“Hello Ms. Smith. My name is Ima. Could we meet?”", "“Hello Ms. Smith.", "en"),
        ("Hello, (Dr. Ms. Mr.) ____. My name is ____.", "Hello, (Dr. Ms. Mr.) ____.", "en"),
        ("Bonjour M. Da Silva,\nPourriez-vous me recevoir ?", "Bonjour M. Da Silva,", "fr"),
        ("Chère Mme. Martin,\nPourriez-vous me recevoir ?", "Chère Mme. Martin,", "fr"),
    ],
)
def test_a_title_inside_a_greeting_neither_ends_it_nor_cuts_it(
    text: str, greeting: str, lang: str
) -> None:
    got = sentences_of(text, lang)
    assert got[0] == ("greeting", greeting)
    assert [part for part, _ in got[1:]] == ["body"] * (len(got) - 1)


def test_a_greeting_ended_by_a_full_stop_stops_at_the_names() -> None:
    got = parts_of("Hey X please meet Y.\n\nY is the head of sales.")
    assert got[0] == ("greeting", "Hey X")
    assert got[1] == ("body", "please meet Y.\n\nY is the head of sales.")
    assert parts_of("Hi everyone.\nI run a bakery.")[0] == ("greeting", "Hi everyone.")


def test_a_second_greeting_in_a_double_introduction() -> None:
    text = (
        "Asif,\n\nBlair is my friend. She farms cats.\n\nBlair,\n\n"
        "Asif is a friend. He has kittens."
    )
    assert [name for name, _ in parts_of(text)] == ["greeting", "body", "greeting", "body"]
    assert body_sentences(text) == [
        "Blair is my friend.",
        "She farms cats.",
        "Asif is a friend.",
        "He has kittens.",
    ]


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("I'd like to add you to my network.\n\n– Joe Blow", "– Joe Blow"),
        ("Both of you, feel free to BCC me.\n\n-d", "-d"),
        ("Have a great Friday and weekend! – Nigella", "– Nigella"),
        ("Could we talk?\n\n//Signature", "//Signature"),
        ("Could we talk?\n\n[your name]", "[your name]"),
        (
            "Could we talk?\nThanks,\n[Your Name & contact info.\nYour site]",
            "[Your Name & contact info.\nYour site]",
        ),
        (
            "Could we talk?\nCheers,\n[First Name of Someone I have Never Met]",
            "[First Name of Someone I have Never Met]",
        ),
        (
            "Could we talk?\nBest,\n[Your Name]\n[Your LinkedIn profile URL]",
            "[Your Name]\n[Your LinkedIn profile URL]",
        ),
        ("You should meet Greg. Here is his number.\nGreg Peters —", "Greg Peters —"),
        (
            "Can't wait to catch up!\n\nMost Transparent Jobseeker Ever",
            "Most Transparent Jobseeker Ever",
        ),
        (
            "Pourriez-vous lui transmettre ma demande ?\n\nAvec mes remerciements,\nInès Barbier",
            "Inès Barbier",
        ),
        ("Pourrions-nous échanger ?\n\n— Camille", "— Camille"),
    ],
)
def test_a_sender_mark_is_a_signature(text: str, signature: str) -> None:
    got = parts_of(text)
    assert got[-1] == ("signature", signature)
    assert signature.split("\n")[0] not in " ".join(body_sentences(text))


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("Could we talk?\nFaithfully,\nArthur Norman.", "Faithfully,"),
        ("Could we talk?\nbests\nJoe Doe\nChief Officer and Founder", "bests"),
        ("Can we grab coffee?\n\nFrom,\n\nMark", "From,"),
        ("Could we talk?\nWarmly,\n[Sender’s Name Here]\nPS – Here’s my calendar.", "Warmly,"),
        (
            "He will enjoy you.\nWith kindest regards, in which Arthur joins,\n"
            "Very sincerely,\nEthel",
            "With kindest regards, in which Arthur joins,\nVery sincerely,",
        ),
        (
            "Could we talk?\nBest regards, Jane Doe, Marketing Manager | +1 555 123 4567",
            "Best regards,",
        ),
        ("Could we talk?\nThanks! — Sam", "Thanks! — Sam"),
        ("Could we talk?\nCheers\nSam Lee", "Cheers"),
    ],
)
def test_sign_offs_leave_the_body(text: str, closing: str) -> None:
    got = parts_of(text)
    assert ("closing", closing) in got
    assert body_sentences(text)[0] in (
        "Could we talk?",
        "Can we grab coffee?",
        "He will enjoy you.",
    )
    assert len(body_sentences(text)) == (2 if "PS" in text else 1)


def test_a_postscript_below_the_signature_stays_in_the_body() -> None:
    text = "Could we talk?\nWarmly,\n[Sender’s Name Here]\nPS – Here’s my calendar."
    assert [name for name, _ in parts_of(text)] == ["body", "closing", "signature", "body"]
    assert body_sentences(text) == ["Could we talk?", "PS – Here’s my calendar."]


def test_a_thank_you_sentence_above_the_sign_off_stays_in_the_body() -> None:
    text = "Could we talk?\n\nThank you for your time.\n\nSincerely,\nAna"
    assert body_sentences(text) == ["Could we talk?", "Thank you for your time."]


def test_header_lines_at_the_top_are_the_header() -> None:
    got = parts_of("To: People being introduced.\nSubject: Intro.\n\nHey Ann,\nMeet Bob.")
    assert got[0] == ("subject", "To: People being introduced.\nSubject: Intro.")
    assert ("greeting", "Hey Ann,") in got
    got = parts_of("Objet : rencontre\nÀ : Paul\n\nBonjour Paul,\nPourrions-nous échanger ?")
    assert got[0] == ("subject", "Objet : rencontre\nÀ : Paul")
    assert ("greeting", "Bonjour Paul,") in got
    # A mail app's block pasted whole, its "Sent:" line included.
    got = parts_of("From: Ana\nSent: Monday\nTo: Tom\nSubject: Pricing\n\nHi Tom,\nCould we talk?")
    assert got[0] == ("subject", "From: Ana\nSent: Monday\nTo: Tom\nSubject: Pricing")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Could we talk?\nBest,\n[Your Name]\nP.S. Here is my calendar.",
            "en",
            ["Could we talk?", "P.S. Here is my calendar."],
        ),
        (
            "Pourrions-nous échanger ?\nCordialement,\n[Prénom Nom]\nP.-S. Voici mon agenda.",
            "fr",
            ["Pourrions-nous échanger ?", "P.-S. Voici mon agenda."],
        ),
        ("Pourrions-nous échanger ?\n\n[Votre nom]", "fr", ["Pourrions-nous échanger ?"]),
    ],
)
def test_sender_placeholders_and_postscripts_in_both_languages(
    text: str, lang: str, expected: list[str]
) -> None:
    assert body_sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "I think you and Mr. Okafor will like her. Mrs. Okafor too.",
            "en",
            ["I think you and Mr. Okafor will like her.", "Mrs. Okafor too."],
        ),
        (
            "We studied with Dr. X. She was tough.",
            "en",
            ["We studied with Dr. X.", "She was tough."],
        ),
        (
            "Julia Smith from XYZ Co. may call you. She works at Acme Inc. They sell tools.",
            "en",
            [
                "Julia Smith from XYZ Co. may call you.",
                "She works at Acme Inc.",
                "They sell tools.",
            ],
        ),
        (
            "You tackle similar problems, etc. so you should chat. We use tools, e.g. Figma, "
            "i.e. design tools. We live on St. Mark's Place.",
            "en",
            [
                "You tackle similar problems, etc. so you should chat.",
                "We use tools, e.g. Figma, i.e. design tools.",
                "We live on St. Mark's Place.",
            ],
        ),
        ("Let's talk at 5 p.m. tomorrow. It would help me.", "en", None),
        (
            "Engr. Tunde Ajayi suggested I follow your erosion work. It is my project topic.",
            "en",
            ["Engr. Tunde Ajayi suggested I follow your erosion work.", "It is my project topic."],
        ),
        (
            "J’ai rencontré M. Dupont et Mme. Leroy hier. Voir p. ex. la page 3, cf. le site. "
            "Nous avons parlé de logistique, etc. Pouvez-vous m’aider ?",
            "fr",
            [
                "J’ai rencontré M. Dupont et Mme. Leroy hier.",
                "Voir p. ex. la page 3, cf. le site.",
                "Nous avons parlé de logistique, etc.",
                "Pouvez-vous m’aider ?",
            ],
        ),
    ],
)
def test_abbreviations_do_not_cut_a_sentence(
    text: str, lang: str, expected: list[str] | None
) -> None:
    got = body_sentences(f"Hi Ann,\n{text}", lang)
    if expected is None:
        expected = ["Let's talk at 5 p.m. tomorrow.", "It would help me."]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "See my work: [yada yada, a PDF!] I think you will like it.",
            ["See my work: [yada yada, a PDF!]", "I think you will like it."],
        ),
        (
            "Go is great for IoT (perhaps a good fit for them?). I'd love to connect.",
            ["Go is great for IoT (perhaps a good fit for them?).", "I'd love to connect."],
        ),
        (
            "We met (the airline one!) and talked. He said “great.” Then he left.",
            ["We met (the airline one!) and talked.", "He said “great.”", "Then he left."],
        ),
        (
            "Julian is to be in Chicago\nfor several weeks. Any\nkindness will be\nappreciated.\n"
            "See you then.",
            [
                "Julian is to be in Chicago\nfor several weeks.",
                "Any\nkindness will be\nappreciated.",
                "See you then.",
            ],
        ),
        ("Two lines\nBoth Capitalised", ["Two lines", "Both Capitalised"]),
    ],
)
def test_brackets_quotes_and_wrapped_lines_stay_with_their_sentence(
    text: str, expected: list[str]
) -> None:
    assert body_sentences(f"Hi Ann,\n{text}") == expected


def test_abbreviations_are_data_in_both_languages() -> None:
    from checker import abbreviations

    for table in (abbreviations.TITLES, abbreviations.LINKS, abbreviations.ENDINGS):
        assert set(table) == {"en", "fr"}
    assert "mr" in abbreviations.never_ending("en") and "m" in abbreviations.never_ending("fr")
    assert "m" not in abbreviations.never_ending("en")
    assert "etc" in abbreviations.maybe_ending("fr") and "etc" in abbreviations.maybe_ending()


@pytest.mark.parametrize(
    ("text", "lang", "greeting"),
    [
        ("Liz, Your name came up at the meetup. Could we talk?", "en", "Liz,"),
        ("Marie, Je vous écris de la part de Paul. Pourrions-nous échanger ?", "fr", "Marie,"),
        ("Recently, I read your post. Could we talk?", "en", None),
        ("Amy, Bob, please meet! You both like maps.", "en", None),
        ("Today, we launch. Could we talk?", "en", None),
    ],
)
def test_a_name_and_a_comma_before_a_capital_opens_the_message(
    text: str, lang: str, greeting: str | None
) -> None:
    got = sentences_of(text, lang)
    if greeting is None:
        assert got[0][0] == "body"
    else:
        assert got[0] == ("greeting", greeting)
        assert got[1][0] == "body"


@pytest.mark.parametrize(
    "text",
    [
        "Could we talk?\nBest,\n" + "A" * 2000 + "!",  # a name pattern that once backtracked
        "Could we talk?\n-" + "a" * 20000 + "!",
        "Hi " + "-" * 20000 + "x\nCould we talk?",
        "Hi " + "a. " * 20000,
        "Hi,\n" + "(" * 5000 + "".join(f"x{i}?) a" for i in range(5000)),
    ],
)
def test_the_layout_rules_stay_linear_on_hostile_lines(text: str) -> None:
    started = time.perf_counter()
    grade(text)
    assert time.perf_counter() - started < 5


def test_a_paragraph_holding_a_phone_number_stays_in_the_body() -> None:
    text = (
        "Bonsoir Madame Ngo,\n\nC'est la troisième fois que je vous écris.\n\n"
        "Je cherche un stage en audit pour juillet. J'ai besoin d'une réponse avant vendredi. "
        "Merci de me rappeler au plus vite au 6 77 41 52 09.\n\nFranck Essomba"
    )
    got = parts_of(text)
    assert got[1][0] == "body" and got[1][1].endswith("au plus vite au 6 77 41 52 09.")
    assert got[-1] == ("signature", "Franck Essomba")
    short = parts_of("Could we talk?\nBest,\nAna Lopez\nTél. : 06 77 41 52 09.\nana@example.org")
    assert short[-1] == ("signature", "Ana Lopez\nTél. : 06 77 41 52 09.\nana@example.org")


@pytest.mark.parametrize("header", ["Begin forwarded message:", "Début du message réexpédié :"])
def test_a_mail_apps_forward_header_starts_quoted_text(header: str) -> None:
    got = parts_of(f"FYI.\n\n{header}\n\nFrom: Sarah\nHello Mr Giraud, could we talk?")
    assert got[-1][0] == "quoted" and got[-1][1].startswith(header)


@pytest.mark.parametrize(
    "marker", ["---------- Forwarded message ---------", "-------- Message transféré --------"]
)
def test_a_draft_pasted_from_a_forward_is_the_forwarded_message(marker: str) -> None:
    header = f"{marker}\nFrom: Marc\nTo: Leah\nSubject: Intro"
    text = f"{header}\n\nHi Ms. Chen,\nCould we talk?\nThanks,\nMarc"
    got = parts_of(text)
    assert got[0] == ("subject", header)
    assert ("body", "Could we talk?") in got and all(name != "quoted" for name, _ in got)


@pytest.mark.parametrize(
    ("header", "next_line"),
    [("From: Thabo Nkosi", "Sent: 14 May 2026"), ("De : Thabo Nkosi", "Envoyé : 14 mai 2026")],
)
def test_a_header_block_without_an_address_starts_quoted_text(header: str, next_line: str) -> None:
    text = f"Dear Director,\n\nFYI.\n\nKind regards,\nPatience\n\n{header}\n{next_line}\nHello."
    got = parts_of(text)
    assert got[-1][0] == "quoted" and got[-1][1].startswith(header)
    alone = parts_of("Hello Ana,\nFrom: the team at Lumen, thanks.\nBest,\nJo")
    assert all(name != "quoted" for name, _ in alone)


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Ce message et ses pièces jointes sont confidentiels. Merci d'en informer immédiatement "
        "l'expéditeur.",
        "Ce message et ses éventuelles pièces jointes sont confidentiels. Si vous l'avez reçu par "
        "erreur, merci d'en informer immédiatement l'expéditeur.",
        "This e-mail and any attachments are confidential. If you received it in error, notify "
        "the sender immediately.",
    ],
)
def test_a_legal_disclaimer_is_part_of_the_signature(disclaimer: str) -> None:
    signature = "Best regards,\nAna Lopez\n+33 6 12 34 56 78"
    text = f"Could we talk for 20 minutes?\n\n{signature}\n\n{disclaimer}"
    got = parts_of(text)
    assert got[-1][0] == "signature" and got[-1][1].endswith(disclaimer)
    assert "no-urgency" not in {f.rule for f in grade(text).findings}


def test_a_confidentiality_remark_in_the_body_stays_in_the_body() -> None:
    text = (
        "Hi Sam,\n\nThis message is confidential for now: we have not announced the move.\n\n"
        "Could we talk for 20 minutes about how you hired your first nurses?\n\nBest,\nAna"
    )
    assert "Could we talk" in dict(parts_of(text))["body"]
