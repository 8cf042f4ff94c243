"""Grading with the hand-labelled sentence roles in place of the role model's: an upper bound.

``judgement.py --gold-roles`` (dev only) grades each public message as the checker does, except
that every body sentence gets the roles a person gave it in tests/corpus/public_roles.toml
(probability 1 for a labelled role, 0 for the others; the model's thresholds are kept). The
difference with the ordinary figure is what the role model's mistakes cost; what is left below the
target is the rubric's (how roles and phrases become a score), which a better model cannot fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import checker.grader
from benchmarks.public_set import GOLD, UNLABELLED, load_gold, parse_roles
from checker.folding import fold
from checker.roles import RoleModel, default_model


def _key(text: str) -> str:
    return " ".join(text.split())


class GoldRoles:
    """What the checker reads of a role model, answered from one message's labels."""

    def __init__(self, model: RoleModel, labels: dict[str, frozenset[str]]) -> None:
        self.roles = model.roles
        self.thresholds = model.thresholds
        self._labels = labels
        self._model = model

    def scores(self, sentence: str, kind: str) -> tuple[float, ...]:
        """1 for each labelled role of the sentence, 0 for the others; the model's own reading
        for a sentence nobody labelled (a "?" label)."""
        labelled = self._labels.get(_key(sentence))
        if labelled is None:
            return self._model.scores(sentence, kind)
        return tuple(1.0 if role in labelled else 0.0 for role in self.roles)


def load_labels(path: Path = GOLD) -> dict[str, dict[str, frozenset[str]]]:
    """Message id -> (folded sentence text -> its labelled roles); "?" labels are left out."""
    return {
        message_id: {
            _key(fold(s["text"]).folded): parse_roles(s["roles"])
            for s in sentences
            if s["roles"].strip() != UNLABELLED
        }
        for message_id, sentences in load_gold(path).items()
    }


@contextmanager
def gold_roles_for(message_id: str, labels: dict[str, dict[str, frozenset[str]]]) -> Iterator[None]:
    """Grade with the message's labelled roles inside the block."""
    model = GoldRoles(default_model(), labels.get(message_id, {}))
    with mock.patch.object(checker.grader, "default_model", lambda: model):
        yield
