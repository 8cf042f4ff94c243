"""grade(): the report contract, the seeds, determinism and hostile input."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker
from checker import KINDS, LANGS, SCHEMA, grade

SEED_ASK = "Bonjour, pourriez vous transférer. Cdt"
SEED_COMMON = "Bonjour, nous avons des points communs. Cdt"
SEED_GOOD = (
    "Bonjour, je procéde actuellement à une enquête métier. Je souhaiterai prendre contact avec "
    "vous pour valider mon projet professionnel et vous demandez des conseils. Notre entretien ne "
    "durera que 20 minutes. Cdt"
)
GOOD_EN = (
    "Hello Ms Martin,\n\nAnna Lopez suggested I write to you. I'm a logistics engineer moving into "
    "procurement, and I read your article on supplier audits. I'd like to understand how your team "
    "chooses suppliers. Could we have a 20-minute call, whenever suits you? If now isn't a good "
    "time, I'll completely understand.\n\nBest regards,\nSam Carter"
)

REPORT_KEYS = [
    "schema",
    "checker",
    "rubric",
    "kind",
    "lang",
    "lang_source",
    "status",
    "score",
    "band",
    "band_label",
    "summary",
    "stats",
    "criteria",
    "findings",
    "cap",
    "parts",
    "sentences",
    "slots",
]


# --- the seeds judge -----------------------------------------------------------------------------


def test_seed_forward_without_objective_is_not_ready() -> None:
    r = grade(SEED_ASK, kind="ask")
    assert (r.band, r.lang) == ("not-ready", "fr")
    assert "objective-stated" in [f.rule for f in r.findings]


def test_seed_points_communs_is_not_ready() -> None:
    r = grade(SEED_COMMON, kind="request")
    assert r.band == "not-ready"
    rules = {f.rule for f in r.findings}
    assert {"objective-stated", "no-vague-common-ground"} <= rules


def test_seed_job_seeker_is_ready_despite_typos_and_cdt() -> None:
    r = grade(SEED_GOOD, kind="request")
    assert r.band == "ready", r.to_dict()
    assert r.band_label == "Prêt à envoyer"
    shorthand = next(f for f in r.findings if f.rule == "no-shorthand")
    assert [s.text for s in shorthand.spans] == ["Cdt"]


def test_keyword_stuffing_does_not_pay() -> None:
    for text, lang in (
        ("objectif motivation 20 minutes merci", "fr"),
        ("objective motivation 20 minutes thanks", "en"),
    ):
        r = grade(text, lang=lang)
        assert r.band == "not-ready"
    stuffed = "Bonjour. Objectif reconversion. Motivation forte. Projet précis. Vingt minutes."
    assert grade(stuffed).band == "not-ready"


def test_good_english_request_is_ready_and_clean_of_errors() -> None:
    r = grade(GOOD_EN)
    assert r.band == "ready" and r.lang == "en"
    assert not [f for f in r.findings if f.severity == "error"]


# --- the contract --------------------------------------------------------------------------------


def test_report_shape_matches_architecture() -> None:
    d = grade(SEED_GOOD).to_dict()
    assert list(d) == REPORT_KEYS
    assert d["schema"] == SCHEMA == "connecteur.report/3"
    assert d["checker"] == checker.__version__
    assert d["rubric"] == "default"
    assert set(d["stats"]) == {"characters", "words", "sentences"}
    for c in d["criteria"]:
        assert list(c) == ["id", "label", "weight", "earned", "verdict"]
        assert c["verdict"] in ("met", "partial", "missing")
        assert 0 <= c["earned"] <= c["weight"]
    for f in d["findings"]:
        assert list(f) == [
            "rule",
            "criterion",
            "severity",
            "message",
            "suggestion",
            "spans",
            "rule_page",
            "guide",
            "gain",
            "band_after",
            "insert",
        ]
        assert f["insert"] is None or list(f["insert"]) == ["at", "text", "select"]
        assert f["rule_page"] == f"rules/{f['rule']}/"
        assert f["gain"] >= 0 and f["band_after"] in ("ready", "needs-work", "not-ready")
        assert f["severity"] in ("error", "warning", "info")
    assert json.loads(json.dumps(d)) == d


def test_report_is_frozen() -> None:
    r = grade(SEED_GOOD)
    with pytest.raises(AttributeError):
        r.score = 100  # type: ignore[misc]


def test_findings_are_sorted_by_severity_then_position() -> None:
    r = grade("Hi {first_name}, I'd like to add you to my professional network. Thx")
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[f.severity], f.spans[0].start if f.spans else -1, f.rule) for f in r.findings]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("text", "band"), [("", "empty"), ("   \n\t \u00a0 ", "empty"), ("\u200b\ufeff ", "empty")]
)
def test_empty_and_whitespace(text: str, band: str) -> None:
    r = grade(text, lang="fr")
    d = r.to_dict()
    assert (d["status"], d["score"], d["band"]) == ("empty", 0, band)
    assert d["criteria"] == [] and d["findings"] == []
    assert d["band_label"] == "Rien à évaluer" and "Rien à évaluer" in d["summary"]


def test_unknown_kind_and_lang_name_the_accepted_values() -> None:
    with pytest.raises(ValueError, match="request, ask, intro, connect"):
        grade("Bonjour", kind="letter")
    with pytest.raises(ValueError, match="fr, en"):
        grade("Bonjour", lang="de")


def test_lang_source() -> None:
    assert grade(SEED_GOOD).lang_source == "detected"
    assert grade(SEED_GOOD, lang="en").lang_source == "forced"
    r = grade("20")
    assert (r.lang, r.lang_source) == ("en", "default")


def test_messages_follow_the_report_language() -> None:
    fr = grade(SEED_ASK, kind="ask")
    en = grade(SEED_ASK, kind="ask", lang="en")
    assert fr.findings[0].message != en.findings[0].message
    assert "objectif" in fr.summary.lower() and "objective" in en.summary.lower()


def test_bands_follow_thresholds() -> None:
    from checker.scoring import band_for

    assert [band_for(s) for s in (0, 39, 40, 69, 70, 100)] == [
        "not-ready",
        "not-ready",
        "needs-work",
        "needs-work",
        "ready",
        "ready",
    ]


def test_placeholder_caps_an_otherwise_good_request() -> None:
    r = grade(GOOD_EN.replace("Ms Martin", "[First name]"))
    assert r.band == "not-ready"
    f = next(f for f in r.findings if f.rule == "no-placeholder")
    assert [s.text for s in f.spans] == ["[First name]"]


def test_each_further_disqualifier_lowers_the_ceiling() -> None:
    one = grade(GOOD_EN + "\nThis is urgent.")
    two = grade(GOOD_EN.replace("Ms Martin", "{name}") + "\nThis is urgent.")
    assert one.score <= 39 and two.score < one.score


def test_friendship_contradicted() -> None:
    r = grade(
        "Bonjour, je suis un ami de Trucoman. Je ne l’ai jamais rencontré mais il est parmi "
        "vos contacts. Je souhaite vous rencontrer pour comprendre votre métier."
    )
    assert "friendship-contradicted" in [f.rule for f in r.findings]
    assert r.band == "not-ready"


def test_entitlement_from_the_seed() -> None:
    r = grade(
        "Je n’ai pas à justifier ma demande, votre rôle est de transférer la demande.", kind="ask"
    )
    f = next(f for f in r.findings if f.rule == "no-entitlement")
    assert [s.text for s in f.spans] == ["Je n’ai pas à justifier", "votre rôle est de transférer"]


def test_connection_note_length_uses_300_characters() -> None:
    note = "Bonjour Anna, nous nous sommes croisées au salon de Lyon ; j’aimerais garder le lien. "
    assert "connection-note-length" not in [f.rule for f in grade(note, kind="connect").findings]
    long = grade(note * 4, kind="connect")
    f = next(f for f in long.findings if f.rule == "connection-note-length")
    assert "300" in f.message and str(len(note * 4)) in f.message


# --- unicode and offsets -------------------------------------------------------------------------


def spans_ok(text: str, report: checker.Report) -> None:
    for f in report.findings:
        for s in f.spans:
            assert 0 <= s.start < s.end <= len(text)
            assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour 😀👩‍👩‍👧, merci de transférer ASAP 🚀. Cdt",
        "𝒜𝒮𝒜𝒫 Hi [Prénom] 𝓾𝓻𝓰𝓮𝓷𝓽, thx",
        "Bonjour\r\nJ’ai besoin d’une réponse URGENTE\r\nCdt\r\n",
        "Bonjour\u00a0Madame, c\u2019est urgent\u202f! «\u00a0Cdt\u00a0»",
        "Bonjour, je vous e\u0301cris : c'est urgent. [Pre\u0301nom] Cdt",
        "Здравствуйте, 你好, مرحبا — Hi {first_name}, ASAP thx",
    ],
)
def test_offsets_survive_unicode(text: str) -> None:
    r = grade(text)
    assert r.findings
    spans_ok(text, r)


def test_typographic_apostrophes_and_elisions_match_like_plain_ones() -> None:
    plain = grade("Je n'ai pas à justifier ma demande.", lang="fr")
    curly = grade("Je n’ai pas à justifier ma demande.", lang="fr")
    upper = grade("JE N’AI PAS À JUSTIFIER MA DEMANDE.", lang="fr")
    for r in (plain, curly, upper):
        assert "no-entitlement" in [f.rule for f in r.findings]
    assert plain.score == curly.score


def test_astral_offsets_are_code_points() -> None:
    text = "😀" * 3 + " Hi {first_name}"
    f = next(f for f in grade(text).findings if f.rule == "no-placeholder")
    assert (f.spans[0].start, f.spans[0].end) == (7, 19)


def test_guillemets_and_nbsp_count_as_quotes_and_spaces() -> None:
    r = grade(
        "Bonjour Thomas, voici le message\u00a0: «\u00a0Bonjour Madame Vasseur, …\u00a0»",
        kind="ask",
        lang="fr",
    )
    assert "ask-forwardable" not in [f.rule for f in r.findings]


# --- robustness ----------------------------------------------------------------------------------


def best_time(run: Callable[[], object], tries: int = 3) -> float:
    """The fastest of a few runs: on a shared machine a busy neighbour is not a regression."""
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
        if times[-1] < 0.5:
            break
    return min(times)


def test_one_megabyte_paste_is_graded_under_a_second() -> None:
    chunk = SEED_GOOD + " Hi {first_name}! c'est urgent 😀 «\u00a0x\u00a0» [Prénom]\r\n"
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    grade("warm up")
    elapsed = best_time(lambda: grade(text))
    assert elapsed < 1.0, f"{elapsed:.2f}s"
    r = grade(text)
    assert r.stats.characters == 1_000_000 and r.stats.words > 100_000
    assert r.band == "not-ready"
    spans_ok(text, r)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000,
        "{" * 50_000 + "}",
        "a " * 50_000,
        "é" * 50_000,
        "je " * 20_000,
        "\u0301" * 50_000,
        "pour " * 20_000,
        "'" * 50_000,
        "urgent" * 10_000,
    ],
)
def test_adversarial_inputs_stay_fast(text: str) -> None:
    assert best_time(lambda: grade(text)) < 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=400), kind=st.sampled_from(KINDS), lang=st.sampled_from([None, *LANGS])
)
def test_property_never_raises_and_stays_in_range(text: str, kind: str, lang: str | None) -> None:
    r = grade(text, kind=kind, lang=lang)
    assert 0 <= r.score <= 100
    assert r.band in ("ready", "needs-work", "not-ready", "empty")
    blank = all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)
    assert (r.status == "empty") == blank
    spans_ok(text, r)
    again = grade(text, kind=kind, lang=lang)
    assert json.dumps(again.to_dict()) == json.dumps(r.to_dict())


_WORDS = st.sampled_from(
    [
        "Bonjour",
        "j’ai",
        "qu’il",
        "«",
        "»",
        "[Prénom]",
        "{first_name}",
        "urgent",
        "ASAP",
        "20",
        "minutes",
        "je",
        "souhaite",
        "comprendre",
        "I'd",
        "like",
        "to",
        "understand",
        "😀",
        "\u00a0",
        "\r\n",
        ".",
        "Cdt",
        "thx",
        "e\u0301",
        "𝒜",
        "nous avons des points communs",
        "vous",
    ]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=60), kind=st.sampled_from(KINDS))
def test_property_realistic_fragments(words: list[str], kind: str) -> None:
    text = " ".join(words)
    r = grade(text, kind=kind)
    assert 0 <= r.score <= 100
    spans_ok(text, r)


# --- judgement on real messages (issue 16) -------------------------------------------------------

ASK_BASE = (
    "Hi Sarah,\n\nI saw you worked with Lisa Stevens at Acme. I'm a teacher moving into "
    "instructional design and I'd like to understand how her team hires. {ask}\n\nThanks,\nDev"
)


def test_an_ask_that_leaves_no_way_to_decline_stays_below_ready() -> None:
    r = grade(ASK_BASE.format(ask="Could you introduce me to her?"), kind="ask", lang="en")
    assert r.cap is not None and r.cap.rule == "ask-let-them-decline"
    assert r.band != "ready"


@pytest.mark.parametrize(
    ("ask", "lang"),
    [
        ("Would you be willing to introduce me to her?", "en"),
        ("Is it possible to introduce me to her?", "en"),
    ],
)
def test_a_question_about_their_willingness_is_half_a_way_out_and_no_ceiling(
    ask: str, lang: str
) -> None:
    r = grade(ASK_BASE.format(ask=ask), kind="ask", lang=lang)
    plain = grade(ASK_BASE.format(ask="Could you introduce me to her?"), kind="ask", lang=lang)
    assert r.cap is None or r.cap.rule != "ask-let-them-decline"
    assert "ask-let-them-decline" in [f.rule for f in r.findings]  # half, not all
    assert r.score > plain.score


def test_a_timebox_is_not_asked_of_an_ask_to_a_connector() -> None:
    r = grade(ASK_BASE.format(ask="Could you introduce me to her?"), kind="ask", lang="en")
    assert "bounded-ask" not in [f.rule for f in r.findings]
    assert "bounded-ask" in [
        f.rule for f in grade("I'd like to meet you.", kind="request").findings
    ]


INTRO_HANDOFF = (
    "Hi Amy,\n\nMeet Lisa, who runs BarkFuel and would like your view on pet retail. {consent}"
    "You are tackling similar problems, so you should chat. I'll leave it to you to connect.\n\n"
    "Best,\nMichael"
)


def test_a_blind_hand_off_keeps_an_intro_below_ready() -> None:
    r = grade(INTRO_HANDOFF.format(consent=""), kind="intro", lang="en")
    assert "intro-no-blind-handoff" in [f.rule for f in r.findings]
    assert r.band != "ready"


def test_an_intro_with_neither_a_reason_nor_consent_is_not_ready() -> None:
    """A connector's two jobs are to say why the two should meet and to ask the recipient first;
    an introduction that does neither is the blind hand-off, whatever its courtesy."""
    bare = "Hi Bob,\n\nYou should meet Greg. Here's his contact information.\n\nBest,\nAnn"
    r = grade(bare, kind="intro", lang="en")
    assert r.band == "not-ready"
    assert r.cap is not None and r.cap.score < 40
    assert "intro-reason-or-consent" in [f.rule for f in r.findings]
    asked = bare.replace("Here's his contact information.", "Would you be open to a call?")
    r = grade(asked, kind="intro", lang="en")
    assert "intro-reason-or-consent" not in [f.rule for f in r.findings]
    assert r.band == "needs-work"


def test_a_hand_off_after_both_agreed_is_no_blind_one() -> None:
    r = grade(INTRO_HANDOFF.format(consent="You both have context. "), kind="intro", lang="en")
    rules = [f.rule for f in r.findings]
    assert "intro-no-blind-handoff" not in rules and "intro-consent" not in rules


def test_a_weak_sign_of_a_decisive_element_still_caps() -> None:
    """Only a warning's or a tip's partial outcome is spared its cap; an error rule's is not."""
    r = grade(
        "Hello Ms Martin, I'm a logistics engineer. I'd like to meet you. Could we have a "
        "20-minute call? Best regards, Sam",
        kind="request",
        lang="en",
    )
    assert r.cap is not None and r.cap.rule == "objective-stated" and r.score <= 39


def test_one_missing_decisive_element_counts_once_under_the_ceiling() -> None:
    """A rule that caps for a missing objective already stands for the criterion's absence: the
    criterion's own ceiling adds no second step down, while a second, distinct problem does."""
    from checker.rubric import Criterion
    from checker.scoring import CAP_STEP, RuleResult, score

    crit = {
        "objective": Criterion("objective", 30, True, {"en": "o", "fr": "o"}, "guide/x/"),
        "courtesy": Criterion("courtesy", 10, False, {"en": "c", "fr": "c"}, "guide/x/"),
    }
    missing = RuleResult("objective-stated", "objective", 0.0, 39, True)
    alone = score(crit, [missing, RuleResult("greeting", "courtesy", 1.0, None, False)], "en")
    assert alone.cap == (39, "objective-stated")
    crit["respect"] = Criterion("respect", 10, False, {"en": "r", "fr": "r"}, "guide/x/")
    other = RuleResult("no-urgency", "respect", 0.0, 39, True)
    greeted = RuleResult("greeting", "courtesy", 1.0, None, False)
    both = score(crit, [missing, greeted, other], "en")
    assert both.cap is not None and both.cap[0] == 39 - CAP_STEP
