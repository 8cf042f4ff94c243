"""The server-side HTML of one checker, through the widget module when it is installed.

The widget engineer owns the markup (``widget.render_checker``); this adapter keeps the plugin
usable (and its tests meaningful) with a minimal form honouring the widget contract when the
module is absent, and turns the widget's ``ValueError`` into a message naming the page.
"""

from __future__ import annotations

from html import escape

KINDS = ("request", "ask", "intro", "connect")
LANGS = ("auto", "fr", "en")


def _fallback(*, kind: str, lang: str, compact: bool, draft: str, index: int) -> str:
    """The contract's bare minimum: root, textarea and the two selects."""
    kinds = "".join(
        f'<option value="{k}"{" selected" if k == kind else ""}>{k}</option>' for k in KINDS
    )
    langs = "".join(
        f'<option value="{k}"{" selected" if k == lang else ""}>{k}</option>' for k in LANGS
    )
    body = escape(draft, quote=False).replace("\n", "&#10;")
    return (
        f'<div data-connecteur-checker data-state="loading" data-index="{index}"'
        f"{' data-compact' if compact else ''}>"
        f'<textarea name="draft">&#10;{body}</textarea>'
        f'<select name="kind">{kinds}</select><select name="lang">{langs}</select></div>'
    )


def render(
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
) -> str:
    """The widget's HTML (raises ``ValueError`` for a bad option, like the widget does)."""
    try:
        from . import widget
    except ImportError:
        return _fallback(kind=kind, lang=lang, compact=compact, draft=draft, index=index)
    return widget.render_checker(
        kind=kind,
        lang=lang,
        compact=compact,
        draft=draft,
        ui_lang=ui_lang,
        index=index,
        expect=expect,
        target=target,
        focus_rule=focus_rule,
    )
