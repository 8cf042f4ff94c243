"""Server-side HTML of one checker widget.

The plugin calls :func:`render_checker` for each ```` ```connecteur ```` fence. The form is complete
and labelled without JavaScript (so it reads well, prints and is accessible before the runtime
boots); ``assets/js/main.js`` enhances it. Every interpolated value goes through ``html.escape``:
the draft comes from authors today and may come from anyone tomorrow.
"""

from __future__ import annotations

import json
import re
from html import escape

from checker import BANDS, DRAFT_LANGS, KINDS
from checker import LANGS as UI_LANGS
from checker.vocabulary import BAND_TEXTS

from .labels import FORM, js_strings, ui_strings

__all__ = ["KINDS", "js_strings", "render_checker", "ui_strings"]

_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _label(section: str, key: str, ui_lang: str) -> str:
    table = BAND_TEXTS if section == "band" else FORM  # the bands' labels are the checker's own
    return table[key].translated(ui_lang)  # a template: the caller fills its {values}


def _attr(value: str) -> str:
    """Escape for an attribute; line breaks as references so Markdown sees one line."""
    return escape(value, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def _text(value: str) -> str:
    """Escape element text; line breaks as references: no blank line ends an HTML block."""
    return escape(value, quote=False).replace("\r", "&#13;").replace("\n", "&#10;")


def _check(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(
            f"connecteur checker: unknown {name} {value!r}; use one of {', '.join(allowed)}"
        )


def render_checker(
    *,
    kind: str,
    lang: str,
    compact: bool,
    draft: str,
    ui_lang: str,
    index: int,
    expect: str | None,
    target: str | None = None,
    focus_rule: str | None = None,
    runtime_bytes: int | None = None,
) -> str:
    """Return the widget's HTML for one checker on a page: a ``<connecteur-checker>`` element.

    ``index`` numbers the checkers of a page (0, 1, …): it makes element ids unique and keys the
    draft saved in localStorage. ``target``: the band an exercise asks the reader to reach.
    ``focus_rule``: a rule page's own rule, whose finding comes first. ``runtime_bytes``: what a
    cold boot downloads, for the loading line (bytes received of this). Raises ``ValueError``
    naming the accepted values for a bad option.
    """
    _check("kind", kind, KINDS)
    _check("lang", lang, DRAFT_LANGS)
    _check("interface language", ui_lang, UI_LANGS)
    if expect is not None:
        _check("expect", expect, BANDS)
    if target is not None:
        _check("target", target, BANDS)
    if focus_rule is not None and not _RULE_ID.match(focus_rule):
        raise ValueError(f"connecteur checker: bad rule id {focus_rule!r}")
    if not isinstance(index, int) or index < 0:
        raise ValueError(f"connecteur checker: index must be a non-negative integer, not {index!r}")

    def t(key: str) -> str:
        return escape(_label("form", key, ui_lang))

    uid = f"connecteur-{index}"
    classes = "connecteur" + (" connecteur--compact" if compact else "")
    attrs = [f'data-runtime-bytes="{int(runtime_bytes)}"'] if runtime_bytes is not None else []
    attrs += [
        f'class="{classes}"',
        "data-connecteur-checker",
        'data-state="loading"',
        f'data-index="{index}"',
        f'data-ui-lang="{_attr(ui_lang)}"',
        f'data-default-kind="{_attr(kind)}"',
        f'data-default-lang="{_attr(lang)}"',
        'role="region"',
        f'aria-label="{t("region")}"',
        f'lang="{_attr(ui_lang)}"',
    ]
    # The JavaScript's strings ride in an attribute, not a <script> block: Material's instant
    # navigation re-creates the scripts of a new page and would run a JSON block as code.
    attrs.append(f'data-strings="{_attr(json.dumps(js_strings(ui_lang), sort_keys=True))}"')
    if compact:
        attrs.append("data-compact")
    if expect is not None:
        attrs.append(f'data-expect="{_attr(expect)}"')
    if target is not None:
        attrs.append(f'data-target="{_attr(target)}"')
    if focus_rule is not None:
        attrs.append(f'data-focus-rule="{_attr(focus_rule)}"')

    kind_options = "".join(
        f'<option value="{k}"{" selected" if k == kind else ""}>{t("kind_" + k)}</option>'
        for k in KINDS
    )
    lang_options = "".join(
        f'<option value="{code}"{" selected" if code == lang else ""}>{t("lang_" + code)}</option>'
        for code in DRAFT_LANGS
    )
    # An example's box fits its draft (the page of examples stays short); the checker page's empty
    # box is tall; the script lets a box grow as the reader writes.
    if compact:
        rows = 4
    elif draft:
        rows = max(3, min(10, 1 + sum(1 + len(line) // 70 for line in draft.split("\n"))))
    else:
        rows = 10
    notes = []
    if expect is not None:
        band = escape(_label("band", expect, ui_lang))
        notes.append(f'<p class="connecteur__expect">{t("expect").replace("{band}", band)}</p>')
    if target is not None:
        band = escape(_label("band", target, ui_lang))
        notes.append(
            f'<p class="connecteur__target" data-role="target" data-reached="false">'
            f"{t('target').replace('{band}', band)}</p>"
        )
    button = 'class="connecteur__button md-button"'
    # The pre-filled draft is also kept verbatim in a data attribute: "reset" goes back to it.
    # Behind the textarea, an empty layer (aria-hidden) that the script fills with the draft's
    # marks; the textarea stays the editor.
    parts = [
        f"<connecteur-checker {' '.join(attrs)}>",
        '<div class="connecteur__layout">',
        '<div class="connecteur__editor">',
        '<form class="connecteur__form" data-role="form" action="#" novalidate>',
        '<div class="connecteur__field connecteur__field--draft">',
        f'<label class="connecteur__label" for="{uid}-draft">{t("draft")}</label>',
        '<div class="connecteur__draft-wrap">',
        '<div class="connecteur__backdrop" data-role="backdrop" aria-hidden="true"></div>',
        f'<textarea class="connecteur__draft" id="{uid}-draft" name="draft" rows="{rows}" '
        f'spellcheck="true" autocomplete="off" aria-describedby="{uid}-hint {uid}-caret" '
        # A line break right after <textarea> is dropped by HTML parsers: give them one.
        f'data-default="{_attr(draft)}">\n{_text(draft)}</textarea>',
        "</div>",
        f'<p class="connecteur__caret" id="{uid}-caret" data-role="caret"></p>',
        f'<p class="connecteur__hint" id="{uid}-hint">{t("draft_hint")}</p>',
        "</div>",
        # Right under the draft, where the reader looks while the runtime loads: the bytes
        # received (shown, hidden from screen readers), and the status line they hear politely.
        '<div class="connecteur__progress" data-role="progress-box">',
        '<progress data-role="progress" max="3" aria-hidden="true"></progress>',
        '<p class="connecteur__progress-text" data-role="progress-text" aria-hidden="true"></p>',
        "</div>",
        f'<p class="connecteur__status" role="status" aria-live="polite" data-role="status">'
        f"{t('loading')}</p>",
        '<div class="connecteur__options">',
        '<div class="connecteur__field">',
        f'<label class="connecteur__label" for="{uid}-kind">{t("kind")}</label>',
        f'<select class="connecteur__select" id="{uid}-kind" name="kind">{kind_options}</select>',
        "</div>",
        '<div class="connecteur__field">',
        f'<label class="connecteur__label" for="{uid}-lang">{t("lang")}</label>',
        f'<select class="connecteur__select" id="{uid}-lang" name="lang">{lang_options}</select>',
        "</div>",
        "</div>",
        '<div class="connecteur__actions">',
        f'<button type="button" {button} data-action="share">{t("share")}</button>',
        f'<button type="button" {button} data-action="copy" disabled>{t("copy")}</button>',
        f'<button type="button" {button} data-action="reset">{t("reset")}</button>',
        "</div>",
        "</form>",
        *notes,
        '<div class="connecteur__extra" data-role="extra"></div>',
        f'<noscript><p class="connecteur__noscript">{t("noscript")}</p></noscript>',
        "</div>",
        '<div class="connecteur__coach">',
        '<div class="connecteur__chip" data-role="chip" hidden></div>',
        f'<section class="connecteur__results" id="{uid}-results" data-role="results" '
        f'aria-label="{t("results")}" hidden></section>',
        "</div>",
        "</div>",
        "</connecteur-checker>",
    ]
    return "\n".join(part for part in parts if part)
