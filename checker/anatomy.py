"""The recipient's five-second read: the questions a busy reader asks, and the sentences answering.

A recipient skims for a few answers before deciding to read on (research/grading-notes.md): who is
this, what do they want, why me, how much of my time, can I say no. Each question is filled by the
body sentences doing the matching roles; a connector's introduction is read with other questions.
"""

from __future__ import annotations

from .draft import Draft
from .model import PartSpan, RoleScore, Sentence, Slot
from .texts import Text
from .texts import text as _t

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

LABELS: dict[str, dict[str, Text]] = {
    "request": {
        "who": _t("Who are you?"),
        "want": _t("What do you want?"),
        "why": _t("Why me?"),
        "time": _t("How much of my time?"),
        "out": _t("How can I say no?"),
    },
    "ask": {
        "who": _t("Whom should I introduce you to?"),
        "want": _t("What do you want from them?"),
        "why": _t("Why would they want to talk?"),
        "time": _t("How much work is it for me?"),
        "out": _t("Can I say no?"),
    },
    "intro": {
        "who": _t("Who is this, to you?"),
        "want": _t("What do they want?"),
        "why": _t("What is in it for me?"),
        "time": _t("How much of my time?"),
        "out": _t("Did I agree, can I decline?"),
    },
    "connect": {
        "who": _t("Who are you?"),
        "want": _t("Why connect?"),
        "why": _t("How do we know each other?"),
    },
}
"""Per message kind: each question's words, as a message of the catalogue."""
SHOWN = 25
"""A role is listed on a sentence from this confidence (percent): the rules use their thresholds."""


def read(
    draft: Draft, ui: str | None = None
) -> tuple[tuple[PartSpan, ...], tuple[Sentence, ...], tuple[Slot, ...]]:
    """Parts, judged sentences with their roles, and the five-second read, in folded offsets.

    The questions are in ``ui``, the reader's language (default: the draft's)."""
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
                LABELS[draft.kind][sid].render(ui or draft.lang),
                bool(hits),
                tuple(index[i] for i in hits),
            )
        )
    return parts, tuple(sentences), tuple(slots)
