"""addressee: the draft calls its reader by a name its greeting does not give them.

A message copied from one sent to someone else keeps a trace of the first reader: "Dear Priya, …
Many thanks, Marcus, and I hope the move went well", « Bonjour Madame Le Goff, … je vous prie
d’agréer, Monsieur Hamon, … ». The reader learns at once that they are one of several, as from a
`[First name]` left in.

Only a name used to address someone counts (", Marcus," after a word in lower case or an opening
"Thanks"), in the same form as the greeting's (a title and a surname, or a first name alone), and
only when it names nobody the draft spoke of before (an introduction addresses both people it
names) nor its signatory. Left alone: a name after a noun phrase, which presents a third person
("a friend of mine, Róisín", "your colleague, Anna"); a name that ends the message, which signs
it ("Au plaisir, Sophie"); thanks to the connector in a reply ("Thank you, Chinedu, for the
intro"). A draft whose greeting names nobody, or that addresses nobody by name afterwards, passes:
as a slip rule (`only_against` in the rubric), a pass counts for nothing.
"""

from __future__ import annotations

import re

from ..draft import Draft
from ..folding import WORD_RE
from ..lazyre import LazyRegex
from ..rubric import Rule
from .outcome import FAIL, MAX_SPANS, PASSED, Outcome

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "madam",
        "madame",
        "monsieur",
        "mme",
        "mlle",
        "mademoiselle",
        "maitre",
        "docteur",
        "professeur",
    ]
)
_GREETING_WORDS = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "hiya",
        "dear",
        "dearest",
        "ma'am",
        "maam",
        "good",
        "morning",
        "afternoon",
        "evening",
        "greetings",
        "yo",
        "allo",
        "bonjour",
        "bonsoir",
        "salut",
        "coucou",
        "cher",
        "chere",
        "chers",
        "cheres",
        "bjr",
        "slt",
        "and",
        "et",
        "to",
        "a",
        "all",
        "both",
        "team",
        "tous",
        "toutes",
        "les",
        "deux",
        "vous",
    ]
)
_COURTESY = _GREETING_WORDS | _TITLES
"""Words of a greeting that name nobody: "Dear", "Madame", "Dr"."""
_DETERMINERS = frozenset(
    [
        "my",
        "our",
        "his",
        "her",
        "their",
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "mine",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "le",
        "la",
        "les",
        "un",
        "une",
        "ce",
        "cette",
    ]
)
"""Before a name, a noun phrase: "a good friend of mine, Róisín", « une marque bio, Tifawt »."""
_READERS = frozenset(["your", "votre", "vos", "ton", "ta", "tes"])
"""The reader's own: "your colleague, Anna," names a third person; "Your talk was brilliant,
Arjun," addresses the reader, so these count only right before the comma."""
_INTRODUCER = LazyRegex(
    r"\b(?:intro|introduc\w*|connecting us|putting us in touch|bcc|cc|cci|copie|presente[es]{0,2}"
    r"|presentation|mise? en (?:relation|contact))\b"
)
"""A reply thanks the connector who put both in touch: "Thank you, Chinedu, for the intro"."""
_SPEAKS_TO = LazyRegex(
    r"\b(?:you|your|yours|vous|votre|vos|tu|ton|ta|tes|te|toi|thanks|thank|merci|cheers)\b"
    r"|\bt'"
)
"""A sentence that addresses its reader speaks to them or thanks them; a name in one that does
neither ("I am Aditya, B.Com final year, Pune.") is a place or a third person."""
_OPENING_WORDS = frozenset(
    [
        "thanks",
        "thank",
        "cheers",
        "merci",
        "oh",
        "well",
        "so",
        "yes",
        "no",
        "sorry",
        "again",
        "ok",
        "okay",
        "hello",
        "hi",
        "hey",
        "encore",
        "oui",
        "non",
        "pardon",
        "desole",
        "desolee",
    ]
)
"""Words that open a sentence before a name: "Thanks, Priya," "Oui, Paul,"."""
_VOCATIVE = LazyRegex(
    r"(?<=[^\W_]), ((?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|madame|monsieur|mme|mlle|maitre"
    r"|docteur|professeur)\.? )?[^\W\d_]+(?:[-' ][^\W\d_]+)?)(?= ?[,!?.;]|\s*$)",
    re.M,
)
"""", Name," or ", Title Surname ?" (folded text): a name set off by commas, a name to address."""


def evaluate(rule: Rule, draft: Draft) -> Outcome:
    """Fail on names the draft addresses that are not the greeting's and came from nowhere."""
    greeting = next((p for p in draft.parts if p.name == "greeting"), None)
    if greeting is None:
        return PASSED
    folded = draft.folded.folded
    greeted = _names(draft, greeting.start, greeting.end)
    if not greeted:
        return PASSED
    titled = any(w in _TITLES for w in WORD_RE.findall(folded, greeting.start, greeting.end))
    signed = " ".join(folded[p.start : p.end] for p in draft.parts if p.name == "signature")
    spans: list[tuple[int, int]] = []
    for m in _VOCATIVE.finditer(draft.judged, greeting.end):
        i = draft.sentence_index(m.start())
        if i is None:
            continue
        s, e = draft.sentences[i]
        words = m.group(1).split()
        has_title = words[0].rstrip(".") in _TITLES
        if has_title != titled or not _set_off(draft, s, e, m.start()):
            continue
        name_start, name_end = draft.folded.span(m.start(1), m.end(1))
        written = draft.folded.original[name_start:name_end].split()
        names = written[1:] if has_title else written
        if not names or not all(_capitalised(w) for w in names):
            continue
        if not has_title and len(names) > 1:
            continue  # "a student of mine, Kwame Asante," presents someone; a reader is "Kwame"
        folded_names = {
            w.casefold() for w in WORD_RE.findall(" ".join(words[1:] if has_title else words))
        }
        if folded_names & greeted:
            continue
        if any(_has_word(folded, n, m.start()) or _has_word(signed, n) for n in folded_names):
            continue
        if not WORD_RE.search(draft.judged, m.end()) or _INTRODUCER.search(draft.judged, s, e):
            continue  # "Au plaisir, Sophie" signs the note; "Thank you, Chinedu, for the intro"
        spans.append((m.start(1), m.end(1)))
        if len(spans) >= MAX_SPANS:
            break
    return Outcome(FAIL, tuple(spans)) if spans else PASSED


def _names(draft: Draft, start: int, end: int) -> set[str]:
    """The folded words of the greeting written with a capital that are not courtesy words: the
    names greeted, and the parts of a hyphenated one."""
    out: set[str] = set()
    for m in WORD_RE.finditer(draft.folded.folded, start, end):
        word = m.group()
        if word in _COURTESY or not _capitalised(_written(draft, m.start(), m.end())):
            continue
        out.update(part for part in word.replace("'", "-").split("-") if part)
        out.add(word)
    return out


def _written(draft: Draft, start: int, end: int) -> str:
    """The folded span as the writer typed it (with its capitals)."""
    return draft.folded.original[slice(*draft.folded.span(start, end))]


def _capitalised(word: str) -> bool:
    """A name as written: a capital first, not all capitals ("ASAP", "UK"), two letters or more."""
    return len(word) > 1 and word[:1].isupper() and not word.isupper()


def _set_off(draft: Draft, s: int, e: int, comma: int) -> bool:
    """In a sentence (`s`, `e`) that speaks to its reader, the comma follows a word in lower case
    (or a sentence's opening "Thanks") and no noun phrase: "Many thanks, Marcus," addresses
    Marcus; "Lyon, France," and "a friend of mine, Anna," do not."""
    if not _SPEAKS_TO.search(draft.judged, s, e):
        return False  # "I am Aditya, B.Com final year, Pune." speaks to nobody
    before = WORD_RE.findall(draft.judged, s, comma)
    if not before or any(w in _DETERMINERS for w in before[-6:]):
        return False
    if any(w in _READERS for w in before[-2:]):
        return False
    written = WORD_RE.findall(draft.folded.original, *draft.folded.span(s, comma))
    if not written or not written[-1][:1].isupper():
        return bool(written)
    # A capital before the comma: a list of names ("Anna, Tom,") unless it is an opening word.
    return len(before) == 1 and before[0] in _OPENING_WORDS


def _has_word(text: str, word: str, end: int | None = None) -> bool:
    """`word` occurs in `text` (before `end`) as a whole word."""
    stop_at = len(text) if end is None else end
    at = text.find(word, 0, stop_at)
    while at != -1:
        left = at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
        stop = at + len(word)
        right = stop == len(text) or not (text[stop].isalnum() or text[stop] == "_")
        if left and right:
            return True
        at = text.find(word, at + 1, stop_at)
    return False
