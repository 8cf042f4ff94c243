"""French typography for the French pages, applied once to each built page (``on_post_page``).

French sets a no-break space before the high punctuation ``: ; ! ?`` and inside guillemets, and
uses the typographic apostrophe. Writers type ordinary spaces and straight apostrophes; this pass
fixes the text of the page (the body, the menus, the title) and nothing else:

- only text between tags changes: attributes (``href``, ``data-default``…) are never touched;
- the content of ``pre``, ``code``, ``kbd``, ``samp``, ``script``, ``style`` and ``textarea`` is
  left as it is, so code, and the drafts of the embedded checkers, stay as their writer typed them;
- a space is added only where the punctuation ends a word, so ``10:30``, ``https://`` and
  ``?kind=ask`` in running text are left alone.

Two packages on PyPI do this job (``typographeur``, ``french-typo``); neither fits. ``typographeur``
rewrites every colon (``10:30`` becomes ``10 :30``), replaces "oe" by "œ" in words, and stops
skipping code after the first ``</code>``. ``french-typo`` does not skip ``pre`` or ``code``,
collapses runs of spaces (code indentation), and rewrites units and ordinals ("2d", "3e" inside
hashes). Both are larger than the four rules the site needs, which are below.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"  # before the colon and inside guillemets
NNBSP = "\u202f"  # narrow no-break space, before ; ! ?

SKIPPED = frozenset({"pre", "code", "kbd", "samp", "script", "style", "textarea"})
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")

# A breaking space (or none) between a word and high punctuation that ends it.
_SPACE_BEFORE = re.compile(r"[ \t\n]+([:;!?])")
_GLUED = re.compile(r"(?<=[\w»)\]’”%])([:;!?])(?=[\s<]|$)")
_OPEN_GUILLEMET = re.compile(r"«[ \t\n]*")
_CLOSE_GUILLEMET = re.compile(r"[ \t\n]*»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def _space_for(mark: str) -> str:
    return NBSP if mark == ":" else NNBSP


_ENTITY = re.compile(r"(&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);)")
_ENTITY_APOSTROPHE = re.compile(r"(?<=\w)&#(?:39|x27);(?=\w)")


def french_text(text: str) -> str:
    """One run of text with no markup in it (what lies between two tags); character references
    (``&amp;``, ``&#39;``) are kept whole."""
    if not text.strip():
        return text
    text = _ENTITY_APOSTROPHE.sub("’", text)
    pieces = _ENTITY.split(text)
    return "".join(p if i % 2 else _french_plain(p) for i, p in enumerate(pieces))


def _french_plain(text: str) -> str:
    text = _APOSTROPHE.sub("’", text)
    text = _SPACE_BEFORE.sub(lambda m: _space_for(m.group(1)) + m.group(1), text)
    # "?!" and "!!" keep one space before the first mark only.
    text = re.sub(f"([!?])[{NBSP}{NNBSP}]([!?])", r"\1\2", text)
    text = _GLUED.sub(lambda m: _space_for(m.group(1)) + m.group(1), text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    return text


def french_html(html: str) -> str:
    """A whole HTML page: ``french_text`` on every run of text outside the skipped elements."""
    parts = _TOKENS.split(html)
    depth = 0
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # a tag or a comment
            out.append(part)
            name = _TAG_NAME.match(part)
            if name and name.group(1).lower() in SKIPPED and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
                depth = max(depth, 0)
            continue
        out.append(part if depth else french_text(part))
    return "".join(out)


def breaking_spaces(text: str) -> list[str]:
    """Where a run of text breaks French typography: the offending snippets (for tests)."""
    found = []
    for pattern in (r"[ \t\n][:;!?]", r"«[ \t\n]", r"[ \t\n]»", r"(?<=\w)'(?=\w)"):
        for m in re.finditer(pattern, text):
            found.append(text[max(0, m.start() - 30) : m.end() + 10])
    return found


def page_text(html: str) -> list[str]:
    """The runs of text of a page that a reader sees, outside the skipped elements."""
    parts = _TOKENS.split(html)
    depth = 0
    runs = []
    for i, part in enumerate(parts):
        if i % 2:
            name = _TAG_NAME.match(part)
            if name and name.group(1).lower() in SKIPPED and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
                depth = max(depth, 0)
            continue
        if not depth and part.strip():
            runs.append(part)
    return runs
