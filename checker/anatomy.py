"""The recipient's five-second read: the questions a busy reader asks, and the sentences answering.

A recipient skims for a few answers before deciding to read on (research/grading-notes.md): who is
this, what do they want, why me, how much of my time, can I say no. Each question is filled by the
body sentences doing the matching roles; a connector's introduction is read with other questions.
"""

from __future__ import annotations

from .draft import Draft
from .model import PartSpan, RoleScore, Sentence, Slot

_QUESTIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "request": (
        ("who", ("who",)),
        ("want", ("purpose",)),
        ("why", ("why-you", "link")),
        ("time", ("timebox", "convenience")),
        ("out", ("out",)),
    ),
    "ask": (
        ("who", ("target",)),
        ("want", ("purpose",)),
        ("why", ("why-you", "benefit", "link")),
        ("time", ("forwardable", "timebox")),
        ("out", ("out",)),
    ),
    "intro": (
        ("who", ("vouch", "who")),
        ("want", ("purpose",)),
        ("why", ("benefit", "why-you")),
        ("time", ("timebox", "convenience")),
        ("out", ("consent", "out")),
    ),
    "connect": (
        ("who", ("who",)),
        ("want", ("purpose", "ask")),
        ("why", ("link", "why-you")),
    ),
}
"""Per message kind: each question's id and the roles that answer it."""

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "request": {
        "who": {"en": "Who are you?", "fr": "Qui êtes-vous ?"},
        "want": {"en": "What do you want?", "fr": "Que voulez-vous ?"},
        "why": {"en": "Why me?", "fr": "Pourquoi moi ?"},
        "time": {"en": "How much of my time?", "fr": "Combien de mon temps ?"},
        "out": {"en": "How can I say no?", "fr": "Comment dire non ?"},
    },
    "ask": {
        "who": {"en": "Whom should I introduce you to?", "fr": "À qui dois-je vous présenter ?"},
        "want": {"en": "What do you want from them?", "fr": "Qu’attendez-vous de cette personne ?"},
        "why": {"en": "Why would they want to talk?", "fr": "Pourquoi voudrait-elle échanger ?"},
        "time": {"en": "How much work is it for me?", "fr": "Combien de travail pour moi ?"},
        "out": {"en": "Can I say no?", "fr": "Puis-je refuser ?"},
    },
    "intro": {
        "who": {"en": "Who is this, to you?", "fr": "Qui est-ce, pour vous ?"},
        "want": {"en": "What do they want?", "fr": "Que veut cette personne ?"},
        "why": {"en": "What is in it for me?", "fr": "Qu’est-ce que j’y gagne ?"},
        "time": {"en": "How much of my time?", "fr": "Combien de mon temps ?"},
        "out": {"en": "Did I agree, can I decline?", "fr": "Ai-je accepté, puis-je refuser ?"},
    },
    "connect": {
        "who": {"en": "Who are you?", "fr": "Qui êtes-vous ?"},
        "want": {"en": "Why connect?", "fr": "Pourquoi se connecter ?"},
        "why": {"en": "How do we know each other?", "fr": "D’où nous connaissons-nous ?"},
    },
}
SHOWN = 25
"""A role is listed on a sentence from this confidence (percent): the rules use their thresholds."""


def read(draft: Draft) -> tuple[tuple[PartSpan, ...], tuple[Sentence, ...], tuple[Slot, ...]]:
    """Parts, judged sentences with their roles, and the five-second read, in folded offsets."""
    parts = tuple(PartSpan(p.name, p.start, p.end) for p in draft.parts)
    model = draft.model
    sentences: list[Sentence] = []
    index: dict[int, int] = {}
    for i, ((s, e), part) in enumerate(zip(draft.sentences, draft.sentence_parts, strict=True)):
        scores = draft.roles[i]
        roles: tuple[RoleScore, ...] = ()
        if scores is not None:
            ranked = sorted(
                (
                    (round(p * 100), r)
                    for r, p in zip(model.roles, scores, strict=True)
                    if p * 100 >= SHOWN
                ),
                key=lambda x: (-x[0], x[1]),
            )
            roles = tuple(RoleScore(r, c) for c, r in ranked)
        index[i] = len(sentences)
        sentences.append(Sentence(s, e, part, roles))
    slots: list[Slot] = []
    for sid, wanted in _QUESTIONS[draft.kind]:
        hits = draft.with_role(wanted)
        slots.append(
            Slot(
                sid,
                LABELS[draft.kind][sid][draft.lang],
                bool(hits),
                tuple(index[i] for i in hits),
            )
        )
    return parts, tuple(sentences), tuple(slots)
