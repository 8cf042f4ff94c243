"""What each sentence of a draft does: its roles, from a small linear model kept as data.

A recipient reads a message sentence by sentence and asks: who is this, how did they get to me,
what do they want, why me, how much of my time, can I say no? Phrase lists recognise their authors'
own wording; a model over words, word pairs and word stems, trained on thousands of sentences
written in many styles (model/sentences/), recognises the job a sentence does in other words too.

The weights live in `data/roles.json`, written by `model/train.py` (`make model`) from the corpus;
this module only evaluates them, in plain Python, so CPython and Pyodide give the same numbers.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

ROLES = (
    "who",
    "link",
    "why-you",
    "purpose",
    "vague",
    "ask",
    "timebox",
    "convenience",
    "out",
    "thanks",
    "target",
    "forwardable",
    "consent",
    "vouch",
    "benefit",
    "flattery",
    "pressure",
    "filler",
)
"""Role ids, in the order of the model's outputs (model/README.md defines each)."""

MODEL_SCHEMA = 1
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[?!]")
_STEM_MIN = 7
_STEM = 5


def features(sentence: str, kind: str) -> list[str]:
    """The features of one folded sentence: words, word pairs, stems of long words, shape."""
    tokens = [("0" if t.isdigit() else t) for t in _TOKEN.findall(sentence)]
    feats = ["k:" + kind]
    prev = "^"
    for tok in tokens:
        feats.append("w:" + tok)
        feats.append("b:" + prev + " " + tok)
        if len(tok) >= _STEM_MIN:
            feats.append("s:" + tok[:_STEM])
        prev = tok
    feats.append("b:" + prev + " $")
    n = len(tokens)
    feats.append("n:" + ("1" if n <= 3 else "2" if n <= 8 else "3" if n <= 18 else "4"))
    return feats


@dataclass(frozen=True, slots=True)
class RoleModel:
    """One-vs-rest logistic regression: a bias and sparse weights per role, and a threshold each."""

    roles: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    thresholds: tuple[float, ...]
    digest: str

    def scores(self, sentence: str, kind: str) -> tuple[float, ...]:
        """The probability of each role for one folded sentence."""
        z = list(self.bias)
        get = self.weights.get
        for feat in dict.fromkeys(features(sentence, kind)):
            row = get(feat)
            if row is not None:
                for i, w in row:
                    z[i] += w
        return tuple(map(_sigmoid, z))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


SCALE = 1000
"""Weights are stored as integers in thousandths: compact JSON, and exact on every platform."""


def parse_model(text: str) -> RoleModel:
    """Read the model's JSON (written by model/train.py)."""
    data = json.loads(text)
    if data.get("schema") != MODEL_SCHEMA:
        raise ValueError(f"role model schema {data.get('schema')!r}, expected {MODEL_SCHEMA}")
    roles = tuple(data["roles"])
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for feat, flat in data["weights"].items():
        weights[feat] = tuple((flat[i], flat[i + 1] / SCALE) for i in range(0, len(flat), 2))
    return RoleModel(
        roles=roles,
        bias=tuple(b / SCALE for b in data["bias"]),
        weights=weights,
        thresholds=tuple(t / 100 for t in data["thresholds"]),
        digest=data["inputs_sha256"],
    )


@lru_cache(maxsize=1)
def default_model() -> RoleModel:
    """The shipped model, read once."""
    from importlib import resources  # deferred: the browser's boot does not need it

    text = resources.files("checker").joinpath("data/roles.json").read_text(encoding="utf-8")
    return parse_model(text)
