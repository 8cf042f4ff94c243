"""One language per interface (issue #11): ``grade(…, interface_language=…)`` sets the language of
every word of the report, whatever the draft's; by default it is the draft's, as before."""

from __future__ import annotations

import pytest

import checker

FRENCH_DRAFT = "Bonjour, pourriez vous transférer. Cdt"


def words(report: checker.Report) -> list[str]:
    """Every word of a report meant for a person."""
    out = [report.band_label, report.summary]
    out += [c.label for c in report.criteria]
    out += [s.label for s in report.slots]
    out += [t for f in report.findings for t in (f.message, f.suggestion)]
    if report.cap is not None:
        out.append(report.cap.reason)
    return out


def test_a_french_draft_reads_in_english_on_an_english_interface() -> None:
    english = checker.grade(FRENCH_DRAFT, kind="ask", interface_language="en")
    french = checker.grade(FRENCH_DRAFT, kind="ask")
    assert english.lang == french.lang == "fr"
    # The grading is the draft's: same score, rules, spans; only the words differ.
    assert (english.score, english.band) == (french.score, french.band)
    assert [f.rule for f in english.findings] == [f.rule for f in french.findings]
    assert [f.spans for f in english.findings] == [f.spans for f in french.findings]
    assert english.band_label == "Not ready" and french.band_label == "Pas prêt"
    assert english.cap is not None and english.cap.reason.startswith("capped at ")
    assert english.slots[0].label == "Whom should I introduce you to?"
    assert "A motivated, precise objective" in [c.label for c in english.criteria]
    rubric = checker.default_rubric()
    rules = {r.id: r for r in rubric.rules}
    for f in english.findings:
        if "{" not in rules[f.rule].message["en"]:
            assert f.message == rules[f.rule].message["en"]
    assert not set(words(english)) & set(words(french))


def test_an_english_draft_reads_in_french_on_a_french_interface() -> None:
    report = checker.grade("Hi, could you forward my CV? Thx", kind="ask", interface_language="fr")
    assert report.lang == "en" and report.band_label == "Pas prêt"
    assert (
        report.summary.startswith("Pas prêt (") and "Commencez par ceci\u00a0: " in report.summary
    )
    assert report.slots[0].label == "À qui dois-je vous présenter\u00a0?"


def test_the_default_interface_is_the_drafts_language() -> None:
    for text in (FRENCH_DRAFT, "Hi, could you forward my CV? Thx"):
        default = checker.grade(text, kind="ask")
        assert default == checker.grade(text, kind="ask", interface_language=default.lang)


def test_an_empty_draft_says_so_in_the_interface_language() -> None:
    assert checker.grade(" ", interface_language="fr").summary.startswith("Rien à évaluer")
    assert checker.grade(" ", interface_language="en").summary.startswith("Nothing to grade")


def test_an_unknown_interface_language_is_refused() -> None:
    with pytest.raises(ValueError, match="interface_language 'de'"):
        checker.grade("Hello", interface_language="de")
