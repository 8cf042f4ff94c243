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

from .abbreviations import ALL_TITLES
from .lazyre import LazyRegex

PART_NAMES = ("subject", "greeting", "body", "closing", "signature", "quoted")
JUDGED = frozenset({"greeting", "body", "closing"})
"""The parts whose words count for length and content rules."""

_LINE = LazyRegex(r"[^\n]*")
_SUBJECT = LazyRegex(r"\s*(?:subject|objet|sujet|re|tr|fwd?|fw)\s*:\s*\S")
_OPENERS = r"[\"'(\[]*\s*"
"""Quotation marks or a bracket before a greeting, as a page quotes a message ("“Hi Jane,")."""
_HEADER = LazyRegex(
    r"\s*(?:subject|objet|sujet|re|tr|fwd?|fw|to|cc|cci|bcc|from|de|a|date|sent|envoye)\s*:\s*\S"
)
"""An e-mail header line; a run of them at the top is the header when it names the subject, and
below the first line a "From:" followed by one starts a forwarded or quoted message (a mail app's
header block without an address: "From: Thabo Nkosi" then "Sent: 14 May")."""
_GREETING = LazyRegex(
    r"\s*" + _OPENERS + r"(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|dear|cher|chere|chers"
    r"|cheres|madame|monsieur|mesdames|messieurs|good (?:morning|afternoon|evening)|greetings|allo"
    r"|yo|bjr|slt)"
    r"(?![\w'])"
)
_GREETING_END = LazyRegex(r"[,!:;.]|\s[-–—]+(?:\s+[-–—]+)*(?=\s)|\n")
"""Where a greeting may end: its comma or colon, a dash ("Hi [Name] — saw you…"), a full stop
(unless a title's: "Mrs. Okafor", checked by `_greeting_end`)."""
_INITIAL_OR_TITLE = LazyRegex(r"(?<![\w.])([^\W\d_]+)\.\Z")
_NAME_TOKEN = r"(?:[A-ZÀ-Ý][\w'’-]*\.?|_+|\[[^\]\n]{1,60}\]|<[^>\n]{1,60}>|\{[^}\n]{1,60}\})"
"""A word of the form a name takes as typed: capitalised, a title, or a template's placeholder."""
_NAMES = LazyRegex(r"(?:[ \t(]+(?!I\b|I['’])" + _NAME_TOKEN + r")*[ \t)]*")
"""The names right after a greeting word ("Hey X", "Hello Ms. Smith")."""
_VOCATIVE_AFTER = LazyRegex(
    r"[ \t(]*(?!I\b|I['’])" + _NAME_TOKEN + r"(?:[ \t()/&]+(?!I['’])" + _NAME_TOKEN + r"){0,4}"
    r"[ \t)]*(?:(?:[,!:.]|\s[-–—]+)(?=\s|$)|$)"
)
"""The name after "Hello," on the same line: "Hey, Jason," or "Hello, (Dr. Ms. Mr.) ____."."""
_NAME_COMMA = LazyRegex(
    r"[\"'“«(]*\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?,(?=\s+(?!I\b|I['’])[A-ZÀ-Ý][\w'’-]*\s)"
)
"""A name and a comma opening a message, before a sentence with its capital ("Liz, Your…")."""
_VOCATIVE_LINE = LazyRegex(
    r"[\"'“«(]*\s*"
    + _NAME_TOKEN
    + r"(?:(?:[\s()/&]+|,\s*|\s+(?:and|et)\s+)"
    + _NAME_TOKEN
    + r"){0,3}[ \t)]*(?P<end>[,!:]|[-–—]+)?\s*"
)
"""A line that is only a name (or names) as one addresses someone: "Sarah,", "Brian -",
"Person I Need!", "[Insert Email Recipient’s Name] !" (matched on the unfolded line)."""
_SIGN_OFF = (
    r"\s*(?:(?:all )?(?:my |the )?best(?: regards| wishes)?|(?:with )?(?:kind|kindest|warm|warmest)"
    r" (?:regards|wishes)|regards|warmly|warmest|cheers|cordially|very (?:sincerely|truly)|thanks"
    r"(?: again| a lot| so much| in advance)?|thank you(?: so much| again| in advance)?|many thanks"
    r"|sincerely(?: yours)?|yours(?: sincerely| truly| faithfully)?|all the best|talk soon"
    r"|take care|faithfully|bests|from(?=,)|with (?:many )?thanks|with gratitude|gratefully"
    r"|avec (?:tous )?mes remerciements|en vous remerciant|respectueusement"
    r"|respectfully|cordialement|bien cordialement|tres cordialement|bien a (?:vous|toi)"
    r"|a (?:tres )?bientot|merci(?: beaucoup| d'avance| par avance| encore| a vous| pour tout)?"
    r"|bonne (?:journee|soiree|fin de journee|semaine)|belle journee|salutations(?: distinguees)?"
    r"|sinceres salutations|cdt|cdlt|bises|amities|au plaisir|a plus|a\+|bien des choses)"
    r"(?![\w'])"
)
_CLOSING = LazyRegex(_SIGN_OFF + r"[^\n]{0,40}$")
_CLOSING_HEAD = LazyRegex(_SIGN_OFF + r"\s*[,!.:]")
"""A sign-off that opens a signature line: "Best regards, Jane Doe, Marketing Manager | phone"."""
_SENTENCE_GAP = LazyRegex(r"(?<=[.!?])\s+")
"""Between two sentences on one line."""
_FORWARD = (
    r"-{2,}\s*(?:original message|message d'origine|forwarded message|message transfere)"
    r"|begin forwarded message\s*:|debut du message reexpedie\s*:"
)
"""A mail app's forward or reply marker ("---------- Forwarded message ---------")."""
_QUOTE_START = LazyRegex(
    r"\s*(?:>|" + _FORWARD + r"|on [^\n]{3,120} wrote\s*:|le [^\n]{3,120} a ecrit\s*:"
    r"|from\s*:\s*\S[^\n]*@)"
)
_FORWARD_MARK = LazyRegex(r"\s*(?:" + _FORWARD + r")")
"""The marker on a draft's first line: the message was pasted whole from a forward, and the
forwarded message below its header lines is the one to read."""
_HEADER_FROM = LazyRegex(r"\s*(?:from|de)\s*:\s*\S")
_DISCLAIMER = LazyRegex(
    r"\s*(?:(?:ce|le present) (?:message|courriel|e-?mail)"
    r"(?: et (?:ses|toutes ses|les|ses eventuelles|les eventuelles) pieces jointes)?"
    r" (?:est|sont|peut contenir|contient)[^\n]{0,40}confidenti"
    r"|(?:this|the information in this) (?:e-?mail|message|communication)"
    r"(?: and any (?:attachments|files transmitted with it))?"
    r" (?:is|are|may contain|contains)[^\n]{0,40}(?:confidential|privileged)"
    r"|confidentiality notice|avis de confidentialite|disclaimer\s*:)"
)
"""A legal disclaimer's opening words, below the signature ("This e-mail and any attachments are
confidential…", « Ce message et ses pièces jointes sont confidentiels… »)."""
_PHONE = r"\+?\d[\d .-]{7,}\d"
_CONTACT = LazyRegex(
    r"@|https?:|www\.|linkedin\.com|"
    + _PHONE
    + r"|^\s*(?:tel|tél|phone|mobile|portable|t|m)\s*[:.]"
    r"|sent from my|envoye de mon"
)
_CONTACT_DETAIL = LazyRegex(r"\S*@\S*|https?:\S*|www\.\S*|\S*linkedin\.com\S*|" + _PHONE)
"""The contact details themselves, left out when a contact line's own words are counted."""
MAX_CONTACT_LINE_WORDS = 12
MAX_CONTACT_SENTENCE_WORDS = 6
"""Words besides its contact details that a signature line holds at most (a title and an
address: "Marketing manager, Atelier Lignes, 12 rue du Lac, Nyon"), or, if it ends like a
sentence, at most 6 ("Tél. : 06 12 34 56 78.")."""
_NAME = LazyRegex(r"[A-ZÀ-Ý][\w'’-]*(?:(?:\.\s*|\s+)[A-ZÀ-Ý][\w'’-]*){0,3}\.?\s*")
"""A signature's name line as typed: one to four capitalised words ("Ethel Norman.")."""
_NAME_LINE = LazyRegex(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}(?:\s*[-–—])?")
"""A last line that names the sender, with no sign-off above it: "Greg Peters —", "Rick"."""
_SIGNED = LazyRegex(r"\s*(?:[-–—~]{1,2}|//)\s*(?:[^\W_][\w'’.-]*(?:\s+[^\W_][\w'’.-]*){0,3})?\s*")
"""A sender's mark: a dash and a name ("– Nigella", "-d"), or "--" / "//Signature" alone."""
_SIGNED_INLINE = LazyRegex(r"[-–—]\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2}\s*")
"""A dash and a capitalised name after the last sentence of a line: "…weekend! – Nigella"."""
_POSTSCRIPT = LazyRegex(r"\s*(?:p\.?-?\s?s\.?|n\.?\s?b\.?)(?![\w])")
_OPEN_TO_CLOSE = {"[": "]", "<": ">", "{": "}"}
_SENTENCE_END = LazyRegex(r"[.!?]\s*$")
_WORD = LazyRegex(r"[^\W_]+")
MAX_SIGNATURE_LINES = 8
MAX_GREETING = 160
"""Characters in which a greeting's end is looked for: a greeting has at most seven words."""


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
        # A paragraph that holds a phone number is still a paragraph: "Call me back at 06 77 41
        # 52 09." ends a sentence of the body, "Tel: 06 77 41 52 09" is a signature line.
        rest = len(_WORD.findall(_CONTACT_DETAIL.sub(" ", line)))
        return rest <= MAX_CONTACT_LINE_WORDS and not (
            rest > MAX_CONTACT_SENTENCE_WORDS and _SENTENCE_END.search(line)
        )
    if original is not None and _NAME.fullmatch(original):
        return True
    if len(_WORD.findall(line)) > 7 or _SENTENCE_END.search(line):
        return False
    return signed or "," not in line[:-1]


def _placeholders(folded: str, lines: list[tuple[int, int]], lo: int, hi: int) -> set[int]:
    """Lines lo..hi that are wholly a template's placeholder ("[Your Name & contact info.\n…]")."""
    out: set[int] = set()
    i = lo
    while i <= hi:
        s = lines[i][0]
        close = _OPEN_TO_CLOSE.get(folded[s])
        if close is not None:
            for k in range(i, min(hi, i + 2) + 1):
                ke = lines[k][1]
                inner = folded.find(close, s + 1, ke)
                if inner != -1:
                    if not folded[inner + 1 : ke].strip(" .,!\"'"):
                        out.update(range(i, k + 1))
                        i = k
                    break
        i += 1
    return out


def _greeting_end(folded: str, s: int, e: int) -> int:
    """Where the greeting opening the line at [s, e) ends (its comma, a dash; not "Mrs.")."""
    for m in _GREETING_END.finditer(folded, s + 1, min(e, s + MAX_GREETING)):
        if m.group() == ".":
            word = _INITIAL_OR_TITLE.search(folded, max(s, m.end() - 12), m.end())
            if word is not None and (word.group(1) in ALL_TITLES or len(word.group(1)) == 1):
                continue
        if m.group() == "\n":
            return e
        return m.end()
    return e


def _vocative_line(original: str | None, s: int, e: int, *, first: bool) -> bool:
    """A line that only addresses someone: "Sarah,", "Brian -", "Hey,\nAngela!".

    The first line of a body may end with a comma, "!", ":" or a dash, or with nothing when it
    holds one or two words ("Bob"); a line further down ("Blair," in a double introduction) ends
    with a comma or a colon."""
    if original is None:
        return False
    m = _VOCATIVE_LINE.fullmatch(original, s, e)
    if m is None or len(_WORD.findall(original, s, e)) > 5:
        return False
    ending = m.group("end")
    if first:
        return ending is not None or len(_WORD.findall(original, s, e)) <= 2
    return ending in (",", ":")


def segment(folded: str, original: str | None = None) -> tuple[Part, ...]:
    """Split a folded draft into its parts, in order; every non-blank line belongs to one part.

    `original`, when given, is the unfolded draft at the same offsets: it lets a trailing line of
    capitalised words be recognised as a name, and a line that only holds a name as a greeting.
    """
    lines = _lines(folded)
    if not lines:
        return ()
    names = ["body"] * len(lines)
    # A draft pasted from a forward: the marker and the header lines under it are its header.
    top = 0
    if _FORWARD_MARK.match(folded, *lines[0]):
        top = 1
        while top < len(lines) - 1 and _HEADER.match(folded, *lines[top]):
            top += 1
    # Quoted earlier message: from a reply header or a "> " line to the end (never the first line
    # of the message itself).
    for i in range(top + 1, len(lines)):
        s, e = lines[i]
        if _QUOTE_START.match(folded, s, e) or (
            i + 1 < len(lines)
            and _HEADER_FROM.match(folded, s, e)
            and _HEADER.match(folded, *lines[i + 1])
        ):
            for j in range(i, len(lines)):
                names[j] = "quoted"
            break
    last = next((i for i in range(len(lines) - 1, -1, -1) if names[i] != "quoted"), -1)
    # A legal disclaimer ends the signature block: from its first line down, nobody reads it. It
    # is one only below a sign-off or a contact detail ("This message is confidential, please do
    # not forward it" in the body stays in the body).
    for i in range(1, last + 1):
        if _DISCLAIMER.match(folded, *lines[i]) and any(
            _CLOSING.match(folded, *lines[j]) or _CONTACT.search(folded, *lines[j])
            for j in range(i)
        ):
            for j in range(i, last + 1):
                names[j] = "signature"
            last = i - 1
            break
    first = 0
    # The header: a run of "Subject:", "To:", "Cc:" lines at the top, when one names the subject
    # (or under a forward marker, whatever they name).
    header = top
    while header < last and _HEADER.match(folded, *lines[header]):
        header += 1
    if top or any(_SUBJECT.match(folded, *lines[i]) for i in range(header)):
        for i in range(header):
            names[i] = "subject"
        first = header
    # A postscript below the signature stays in the body: the sign-off is looked for above it.
    end = last
    for i in range(last, max(first + 1, last - 3) - 1, -1):
        if _POSTSCRIPT.match(folded, *lines[i]):
            end = i - 1
    # Closing line near the end, then the signature block below it.
    closing = None
    for i in range(end, max(first, end - MAX_SIGNATURE_LINES) - 1, -1):
        s, e = lines[i]
        if i > first and _CLOSING.match(folded, s, e) and _words(folded, s, e) <= 8:
            closing = i
            break
    split = None
    split_name = "closing"
    sign_off = None  # (line, end): a sign-off opening the signature's first line
    if closing is None:
        # A sign-off after a sentence on the same line: "Looking forward to it. Cheers,\nTheo",
        # or a dash and a name: "Have a great weekend! – Nigella".
        for i in range(end, max(first, end - 2) - 1, -1):
            s, e = lines[i]
            for gap in _SENTENCE_GAP.finditer(folded, s, e):
                if _CLOSING.match(folded, gap.end(), e) and _words(folded, gap.end(), e) <= 6:
                    closing, split = i, gap.end()
                    break
                if (
                    i == end
                    and original is not None
                    and _SIGNED_INLINE.fullmatch(original, gap.end(), e)
                ):
                    closing, split, split_name = i, gap.end(), "signature"
                    break
            if closing is not None:
                break
    if closing is not None:
        tail = range(closing + 1, end + 1)
        marks = _placeholders(folded, lines, closing + 1, end) if len(tail) else set()
        if all(
            j in marks
            or _signature_line(
                folded[lines[j][0] : lines[j][1]],
                original[lines[j][0] : lines[j][1]] if original is not None else None,
                signed=True,
            )
            for j in tail
        ):
            if split is None:
                names[closing] = "closing"
                # A sign-off over two lines: "With kindest regards, in which Arthur joins,".
                k = closing - 1
                while (
                    k > first
                    and _CLOSING.match(folded, *lines[k])
                    and _words(folded, *lines[k]) <= 8
                    and not _SENTENCE_END.search(folded, *lines[k])
                ):
                    names[k] = "closing"
                    k -= 1
            for j in tail:
                names[j] = "signature"
        else:
            split = None
    elif end > first:
        # No sign-off: a trailing block of short lines with a contact detail is a signature; so is
        # a last line that marks the sender: "– Joe Blow", "[Your Name]", "//Signature", a name.
        j = end
        while j > first and _signature_line(folded[lines[j][0] : lines[j][1]]):
            j -= 1
        block = range(j + 1, end + 1)
        marks = _placeholders(folded, lines, max(first + 1, end - 2), end)
        if 0 < len(block) <= MAX_SIGNATURE_LINES and any(
            _CONTACT.search(folded, *lines[k]) for k in block
        ):
            for k in block:
                names[k] = "signature"
            head = _CLOSING_HEAD.match(folded, *lines[j + 1])
            if head is not None and head.end() < lines[j + 1][1]:
                sign_off = (j + 1, head.end())
        elif end in marks:
            k = end
            while k - 1 in marks and k - 1 > first:
                k -= 1
            for j in range(k, end + 1):
                names[j] = "signature"
        elif (
            _SIGNED.fullmatch(folded, *lines[end])
            and _words(folded, *lines[end]) <= 4
            and not _SIGNED.fullmatch(folded, *lines[end - 1])
        ) or (
            original is not None
            and _NAME_LINE.fullmatch(original, *lines[end])
            and _SENTENCE_END.search(folded, *lines[end - 1])
        ):
            names[end] = "signature"
    parts: list[Part] = []
    # The greeting: the opening words of the first body line, up to its comma or line end; then a
    # line that only holds the name ("Hey,\nAngela!", or "Sarah," alone).
    gi = next((i for i in range(first, len(lines)) if names[i] == "body"), None)
    greeting_end = None
    vocative_at = gi
    if gi is not None:
        s, e = lines[gi]
        opening = _GREETING.match(folded, s, e)
        if opening is not None:
            g_end = _greeting_end(folded, s, e)
            if folded[g_end - 1] == "." and original is not None:
                # A full stop ends a greeting that only names ("Hello Ms. Smith."), not a sentence
                # that opens with one ("Hey X please meet Y."): then the greeting is "Hey X".
                named = _NAMES.match(original, opening.end(), g_end)
                cut = named.end() if named is not None else g_end
                while cut > opening.end() and original[cut - 1].isspace():
                    cut -= 1
                if opening.end() < cut < g_end - 1:
                    g_end = cut
            if g_end < e and folded[g_end - 1] == "," and original is not None:
                # "Hey, Jason, it was great…": the name after the greeting's comma is its own.
                more = _VOCATIVE_AFTER.match(original, g_end, e)
                if more is not None:
                    g_end = more.end()
            if _words(folded, s, g_end) <= 7:
                greeting_end = (gi, g_end)
                vocative_at = gi + 1 if g_end == e else None
        elif original is not None and not _CLOSING.match(folded, s, e):
            # "Liz, Your name came up…": a name and a comma, then a capital that opens a sentence.
            named = _NAME_COMMA.match(original, s, e)
            if named is not None:
                greeting_end = (gi, named.end())
                vocative_at = None
    bodies = [i for i in range(first, end + 1) if names[i] == "body"]
    for i in bodies[:-1]:
        s, e = lines[i]
        if i == vocative_at and not _CLOSING.match(folded, s, e):
            if _vocative_line(original, s, e, first=True):
                names[i] = "greeting"
        elif (
            i > (gi or 0) and names[i - 1] == "body" and _vocative_line(original, s, e, first=False)
        ):
            names[i] = "greeting"  # "Blair," before the second half of a double introduction
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
        if sign_off is not None and i == sign_off[0]:
            parts.append(Part("closing", s, sign_off[1]))
            s = sign_off[1]
            while s < e and folded[s].isspace():
                s += 1
            parts.append(Part("signature", s, e))
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
            parts.append(Part(split_name, split, e))
            continue
        if parts and parts[-1].name == name:
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
