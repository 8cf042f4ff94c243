"""The parts of a message: subject line, greeting, body, closing, signature block, quoted text.

Recipients skip the signature block, the subject line and a quoted earlier message when they
judge what a message says and how long it is (research/grading-notes.md). Finding those parts is a
matter of layout, not of meaning, so it is done here with line rules; what each body sentence
*does* is the role model's job (roles.py).

Everything works on the folded text (lower case, accents removed), whose offsets the grader maps
back to the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PART_NAMES = ("subject", "greeting", "body", "closing", "signature", "quoted")
JUDGED = frozenset({"greeting", "body", "closing"})
"""The parts whose words count for length and content rules."""

_LINE = re.compile(r"[^\n]*")
_SUBJECT = re.compile(r"\s*(?:subject|objet|sujet|re|tr|fwd?|fw)\s*:\s*\S")
_GREETING = re.compile(
    r"\s*(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|dear|cher|chere|chers|cheres|madame"
    r"|monsieur|mesdames|messieurs|good (?:morning|afternoon|evening)|greetings|allo|yo|bjr|slt)"
    r"(?![\w'])"
)
_GREETING_END = re.compile(r"[,!:;]|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bmme)(?<!\bm)\.|\n|$")
"""Where a greeting ends: its comma or colon, or a full stop that is not a title's (Mrs. Marks)."""
_CLOSING = re.compile(
    r"\s*(?:(?:all )?(?:my |the )?best(?: regards| wishes)?|(?:with )?(?:kind|kindest|warm|warmest)"
    r" (?:regards|wishes)|regards|warmly|warmest|cheers|cordially|very (?:sincerely|truly)|thanks"
    r"(?: again| a lot| so much| in advance)?|thank you(?: so much| again| in advance)?|many thanks"
    r"|sincerely(?: yours)?|yours(?: sincerely| truly| faithfully)?|all the best|talk soon"
    r"|take care"
    r"|respectfully|cordialement|bien cordialement|tres cordialement|bien a (?:vous|toi)"
    r"|a (?:tres )?bientot|merci(?: beaucoup| d'avance| par avance| encore| a vous| pour tout)?"
    r"|bonne (?:journee|soiree|fin de journee|semaine)|belle journee|salutations(?: distinguees)?"
    r"|sinceres salutations|cdt|cdlt|bises|amities|au plaisir|a plus|a\+|bien des choses)"
    r"(?![\w'])[^\n]{0,40}$"
)
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
"""Between two sentences on one line."""
_QUOTE_START = re.compile(
    r"\s*(?:>|-{2,}\s*(?:original message|message d'origine|forwarded message|message transfere)"
    r"|on [^\n]{3,120} wrote\s*:|le [^\n]{3,120} a ecrit\s*:|from\s*:\s*\S[^\n]*@)"
)
_CONTACT = re.compile(
    r"@|https?:|www\.|linkedin\.com|\+?\d[\d .-]{7,}\d"
    r"|^\s*(?:tel|tél|phone|mobile|portable|t|m)\s*[:.]"
    r"|sent from my|envoye de mon"
)
_NAME = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]*\.?\s*){1,4}")
"""A signature's name line as typed: one to four capitalised words ("Ethel Norman.")."""
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_WORD = re.compile(r"[^\W_]+")
MAX_SIGNATURE_LINES = 8


@dataclass(frozen=True, slots=True)
class Part:
    """One part, as folded offsets [start, end)."""

    name: str
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, white space trimmed."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _signature_line(line: str, original: str | None = None, signed: bool = False) -> bool:
    """A short line without a sentence's end: a name, a title, a phone number, an address.

    `original` is the same line unfolded: a name in capitals may end with a full stop. Below a
    sign-off (`signed`) a title may hold a comma ("Senior nurse, Lyon Sud hospital")."""
    if _CONTACT.search(line):
        return True
    if original is not None and _NAME.fullmatch(original):
        return True
    if len(_WORD.findall(line)) > 7 or _SENTENCE_END.search(line):
        return False
    return signed or "," not in line[:-1]


def segment(folded: str, original: str | None = None) -> tuple[Part, ...]:
    """Split a folded draft into its parts, in order; every non-blank line belongs to one part.

    `original`, when given, is the unfolded draft at the same offsets: it lets a trailing line of
    capitalised words be recognised as a name.
    """
    lines = _lines(folded)
    if not lines:
        return ()
    names = ["body"] * len(lines)
    # Quoted earlier message: from a reply header or a "> " line to the end (never the first line).
    for i in range(1, len(lines)):
        s, e = lines[i]
        if _QUOTE_START.match(folded, s, e):
            for j in range(i, len(lines)):
                names[j] = "quoted"
            break
    last = next((i for i in range(len(lines) - 1, -1, -1) if names[i] != "quoted"), -1)
    first = 0
    if _SUBJECT.match(folded, *lines[0]) and last > 0:
        names[0] = "subject"
        first = 1
    # Closing line near the end, then the signature block below it.
    closing = None
    for i in range(last, max(first, last - MAX_SIGNATURE_LINES) - 1, -1):
        s, e = lines[i]
        if i > first and _CLOSING.match(folded, s, e) and _words(folded, s, e) <= 8:
            closing = i
            break
    split = None
    if closing is None:
        # A sign-off after a sentence on the same line: "Looking forward to it. Cheers,\nTheo".
        for i in range(last, max(first, last - 2) - 1, -1):
            s, e = lines[i]
            for gap in _SENTENCE_GAP.finditer(folded, s, e):
                if _CLOSING.match(folded, gap.end(), e) and _words(folded, gap.end(), e) <= 6:
                    closing, split = i, gap.end()
                    break
            if closing is not None:
                break
    if closing is not None:
        tail = range(closing + 1, last + 1)
        if all(
            _signature_line(
                folded[lines[j][0] : lines[j][1]],
                original[lines[j][0] : lines[j][1]] if original is not None else None,
                signed=True,
            )
            for j in tail
        ):
            if split is None:
                names[closing] = "closing"
            for j in tail:
                names[j] = "signature"
        else:
            split = None
    else:
        # No sign-off: a trailing block of short lines with a contact detail is a signature.
        j = last
        while j > first and _signature_line(folded[lines[j][0] : lines[j][1]]):
            j -= 1
        block = range(j + 1, last + 1)
        if 0 < len(block) <= MAX_SIGNATURE_LINES and any(
            _CONTACT.search(folded, *lines[k]) for k in block
        ):
            for k in block:
                names[k] = "signature"
    parts: list[Part] = []
    # The greeting: the opening words of the first body line, up to its comma or line end.
    gi = next((i for i in range(first, len(lines)) if names[i] == "body"), None)
    greeting_end = None
    if gi is not None:
        s, e = lines[gi]
        if _GREETING.match(folded, s, e):
            m = _GREETING_END.search(folded, s + 1, e)
            end = m.end() if m and m.group() not in ("\n", "") else e
            if _words(folded, s, end) <= 7:
                greeting_end = (gi, end)
    for i, (s, e) in enumerate(lines):
        name = names[i]
        if greeting_end is not None and i == greeting_end[0]:
            g_end = greeting_end[1]
            parts.append(Part("greeting", s, g_end))
            s = g_end
            while s < e and folded[s].isspace():
                s += 1
            if s >= e:
                continue
        if split is not None and i == closing and s < split:
            # The body up to the sign-off, then the sign-off, on one line.
            body_end = split
            while body_end > s and folded[body_end - 1].isspace():
                body_end -= 1
            if parts and parts[-1].name == "body":
                parts[-1] = Part("body", parts[-1].start, body_end)
            else:
                parts.append(Part("body", s, body_end))
            parts.append(Part("closing", split, e))
            continue
        if parts and parts[-1].name == name and name != "greeting":
            parts[-1] = Part(name, parts[-1].start, e)
        else:
            parts.append(Part(name, s, e))
    return tuple(parts)


def judged_text(folded: str, parts: tuple[Part, ...]) -> str:
    """The folded text with the unjudged parts blanked (same length, so offsets still hold)."""
    blanks = [p for p in parts if p.name not in JUDGED]
    if not blanks:
        return folded
    chunks: list[str] = []
    pos = 0
    for p in blanks:
        chunks.append(folded[pos : p.start])
        chunks.append(re.sub(r"[^\n]", " ", folded[p.start : p.end]))
        pos = p.end
    chunks.append(folded[pos:])
    return "".join(chunks)


def part_at(parts: tuple[Part, ...], pos: int) -> str:
    """The name of the part holding folded position `pos` (body when between parts)."""
    for p in parts:
        if p.start <= pos < p.end:
            return p.name
    return "body"
