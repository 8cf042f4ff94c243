"""The site's own words (the widget's form and scripts, the footer), as messages of the catalogue.

Each label is a msgid of the one catalogue per language (``checker/locale``, ``make messages``):
``widget.py`` renders the form with ``FORM``; the strings the JavaScript needs (``JS``, plus the
bands and the five-second read's questions, which are the checker's own) travel in the widget's
``data-strings`` attribute, keyed as here. To add one: a key and ``_t("English words")`` in the
right table, then ``make messages`` and the French in
``checker/locale/fr/LC_MESSAGES/connecteur.po``
(ARCHITECTURE.md, "Messages and their catalogues").
"""

from __future__ import annotations

from functools import cache

from checker import LANGS
from checker.anatomy import LABELS as SLOT_LABELS
from checker.texts import Text, labels
from checker.texts import in_context as _tc
from checker.texts import text as _t
from checker.vocabulary import BAND_TEXTS, SEVERITY_TEXTS, VERDICT_TEXTS

FORM: dict[str, Text] = {
    "region": _t("Draft checker"),
    "draft": _t("Your draft"),
    "draft_hint": _t(
        "Graded as you type, in your browser: nothing you write is sent anywhere. It is kept on "
        "this device until you reset it."
    ),
    "kind": _t("Kind of message"),
    "kind_request": _t("Request (a motivated request to someone)"),
    "kind_ask": _t("Asking for an introduction"),
    "kind_intro": _t("Introduction (connecting two people)"),
    "kind_connect": _t("Connection request (online)"),
    "lang": _t("Language of the draft"),
    "lang_auto": _t("Detect automatically"),
    "lang_fr": _tc("language option", "French"),
    "lang_en": _tc("language option", "English"),
    "share": _t("Share link"),
    "copy": _t("Copy report"),
    "reset": _t("Reset"),
    "loading": _t("Loading the checker…"),
    "noscript": _t("The checker runs in your browser and needs JavaScript."),
    "results": _t("Results"),
    "expect": _t("This example should grade: {band}"),
    "target": _t("Target: {band}. Rewrite the draft until it gets there."),
}
JS: dict[str, Text] = {
    "stage_download": _t("Downloading the Python runtime:"),
    "progress_bytes": _t("{received} of {total}"),
    "progress_left": _t("about {seconds}\u00a0s left at this speed"),
    "megabytes": _t("{n}\u00a0MB"),
    "stage_runtime": _t("Starting the Python runtime…"),
    "stage_checker": _t("Loading the checker…"),
    "stage_rubric": _t("Loading the trainer’s rubric…"),
    "ready": _t("Ready: start typing and your draft is graded as you go."),
    "failed": _t(
        "The checker could not start: {message}. Your draft is safe and kept on this device; "
        "reload the page to try again."
    ),
    "grade_error": _t("This draft could not be graded: {message}. Your draft is unchanged."),
    "too_long": _t(
        "This draft has {count} characters, more than the {max} the checker grades. Shorten it to "
        "see a grade; nothing has been removed."
    ),
    "summary": _t("Score {score} out of 100: {band}. {findings}"),
    "findings_none": _t("No findings."),
    "findings_one": _t("1 finding."),
    "findings_many": _t("{count} findings."),
    "score": _t("Score"),
    "checklist": _t("Checklist"),
    "findings": _t("Findings"),
    "annotated": _t("Your draft, with the phrases to look at highlighted"),
    "verdict_met": VERDICT_TEXTS["met"],
    "verdict_partial": VERDICT_TEXTS["partial"],
    "verdict_missing": VERDICT_TEXTS["missing"],
    "severity_error": SEVERITY_TEXTS["error"],
    "severity_warning": SEVERITY_TEXTS["warning"],
    "severity_info": SEVERITY_TEXTS["info"],
    "points": _t("{earned}/{weight} points"),
    "suggestion": _t("Suggestion:"),
    "rule_page": _t("About this rule"),
    "guide": _t("Read the guide"),
    "show_in_draft": _t("Show in the draft"),
    "report_lang": _t("Draft language: {lang} ({source})."),
    "lang_fr": _t("French"),
    "lang_en": _t("English"),
    "source_forced": _tc("language", "chosen"),
    "source_detected": _tc("language", "detected"),
    "source_default": _t("too short to tell, English assumed"),
    "shared": _t(
        "Share link copied. The draft travels inside the link (after the #), never through a "
        "server."
    ),
    "share_manual": _t(
        "Copy this link to share the draft (it travels inside the link, never through a server):"
    ),
    "copied": _t("Report copied to the clipboard."),
    "copy_manual": _t("Copy the report below:"),
    "insert": _t("Insert in the draft"),
    "reset_done": _t("Draft reset."),
    "undo": _t("Undo"),
    "restored_link": _t("Draft loaded from the shared link."),
    "restore_mine": _t("Back to my previous draft"),
    "report_title": _t("Connecteur report"),
    "report_kind": _t("Kind: {kind}"),
    "report_draft": _t("Draft:"),
    "target_pending": _t("Target: {band}. Not reached yet."),
    "target_reached": _t("Target reached: {band}. Well done."),
    "too_slow": _t(
        "The rubric “{rubric}” took more than {seconds} seconds to grade this draft, so the "
        "checker was stopped and restarted. Your draft is unchanged; edit it to grade again, or "
        "tell the trainer who wrote the rubric."
    ),
    "caret_mark": _t("Remark {number} is here: Alt+↓ opens it."),
    "sheet_open": _t("Show the fixes ({count})"),
    "sheet_close": _t("Back to the draft"),
    "cap": _t("This keeps the score at {score} or less:"),
    "slots_title": _t("What the recipient sees in five seconds"),
    "slot_filled": _t("answered"),
    "slot_partial": _t("partly answered"),
    "slot_empty": _t("not answered yet"),
    "slot_filled_sr": _t("Answered:"),
    "slot_partial_sr": _t("Partly answered:"),
    "slot_empty_sr": _t("Not answered."),
    "gain": _t("+{gain}"),
    "gain_band": _t("+{gain}, reaches {band}"),
    "top_fix": _t("Fix this first"),
    "top_fix_of": _t("Fix this first (1 of {count})"),
    "checklist_count": _t("Checklist: {met} of {total} met"),
    "fixes_title": _t("What to fix, biggest gain first"),
    "fold_open": _t("Show the details"),
    "fold_close": _t("Hide the details"),
}
SITE: dict[str, Text] = {
    "footer_version": _t("Checker: Connecteur {version}"),
}
EMBED: dict[str, Text] = {
    "embed_bad": _t("{name}={value} is not accepted: use {choices}. The default is used instead."),
    "embed_bad_origin": _t(
        "parent_origin={value} is not an origin (like https://example.org): no report goes to the "
        "parent page."
    ),
    "embed_idle": _t("The checker starts when you press the button."),
    "embed_failed": _t("The checker could not be loaded: {message}"),
}
"""The embed page's own words (embed.js), sent with the widget's."""


def js_strings(ui_lang: str) -> dict[str, str]:
    """The strings the JavaScript needs, in one language (band labels included)."""
    out = labels(JS | EMBED, ui_lang)  # templates: the scripts fill their {values}
    out.update({f"band_{band}": label.translated(ui_lang) for band, label in BAND_TEXTS.items()})
    # The five-second read's questions come from the checker's own catalogue, in the page's
    # language (a French draft on an English page still gets English questions).
    out.update(
        {
            f"slot_{kind}_{slot}": label.translated(ui_lang)
            for kind, slots in SLOT_LABELS.items()
            for slot, label in slots.items()
        }
    )
    return out


@cache
def ui_strings() -> dict[str, dict[str, dict[str, str]]]:
    """Every site label by section (``form``, ``band``, ``js``, ``site``), key, then language."""
    sections = {"form": FORM, "band": dict(BAND_TEXTS), "js": JS | EMBED, "site": SITE}
    return {
        name: {
            key: {lang: message.translated(lang) for lang in LANGS}
            for key, message in table.items()
        }
        for name, table in sections.items()
    }
