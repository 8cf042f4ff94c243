"""What each sentence of a draft does: its roles, from a small linear model kept as data.

A recipient reads a message sentence by sentence and asks: who is this, how did they get to me,
what do they want, why me, how much of my time, can I say no? Phrase lists recognise their authors'
own wording; a model over words, word pairs and word stems, trained on thousands of sentences
written in many styles (model/sentences/), recognises the job a sentence does in other words too.

The weights live in `data/roles.bin`, written by `model/train.py` (`make model`) from the corpus;
this module only evaluates them, in plain Python, so CPython and Pyodide give the same numbers.
"""

from __future__ import annotations

import json
import math
import sys
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from .lazyre import LazyRegex
from .package_data import read

if TYPE_CHECKING:
    from collections.abc import Sequence

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

MODEL_SCHEMA = 2
_TOKEN = LazyRegex(r"[^\W\d_]+|\d+|[?!]")
_LABEL = LazyRegex(
    r"[^\W\d_][\w'-]*(?:(?:\s*[,&]\s*|\s+(?:and|et)\s+|\s+)[^\W\d_][\w'-]*){0,2}\s*:\s+(?=\w)"
)
"""A label of up to three words before a colon ("Priya: Jonas is picking…", « Agnès : … »,
"Quick question: …"): who or what the sentence is for, not what it does. Words are separated,
so a long run of letters is read once (a 1 MB paste of one "word")."""
_STEM_MIN = 7
_STEM = 5

_CLASSES = {
    # Who the writer knows, and how: a relation, a former tie, a referral verb.
    "rel": "manager managers boss colleague colleagues coworker mentor supervisor tutor professor "
    "prof teacher lecturer classmate classmates alum alumni alumna alumnus cousin neighbour "
    "neighbor friend flatmate roommate teammate brother sister uncle aunt collegue collegues "
    "patron patronne chef cheffe mentore tuteur tutrice professeur professeure camarade camarades "
    "voisin voisine ami amie pote copain copine frere soeur oncle tante binome doctorante "
    "doctorant student students etudiant etudiante eleve",
    "former": "former old ex previous ancien ancienne anciens anciennes fellow",
    "refer": "suggested recommended told mentioned referred pointed passed gave advised encouraged "
    "conseille conseillee recommande recommandee suggere oriente orientee parle dit transmis "
    "donne indique refere",
    "event": "fair conference meetup webinar workshop panel summit forum seminar symposium expo "
    "festival hackathon bootcamp dinner breakfast lunch party wedding barbecue bbq salon congres "
    "seminaire atelier afterwork soiree mariage colloque journee formation dejeuner diner apero "
    "webinaire meeting reunion gala session sessions lecture masterclass",
    "content": "article articles piece post posts book guide podcast episode interview thread talk "
    "keynote video newsletter paper blog column chapter report thesis livre fil billet tribune "
    "chronique rapport etude these ouvrage emission intervention expose publication conference "
    "webinaire memoire",
    "consume": "read bought listened watched used attended saw heard followed came found stumbled "
    "caught joined lu ecoute vu achete commande utilise suivi assiste entendu tombe decouvert "
    "regarde",
    "met": "met sat spoke chatted talked worked studied shared crossed collaborated collaboration "
    "rencontre rencontres rencontree croise croises assis discute travaille bosse etudie partage "
    "echange",
    "same": "same fellow both together mutual common meme memes ensemble commun communs commune "
    "communes mutuel",
    "school": "school university uni college campus programme program cohort promo promotion "
    "ecole fac faculte universite lycee iut iae mba bts prepa cegep",
    "he": "she he her him his hers elle il lui sa son ses celle celui",
    "mine": "my our mon ma mes notre nos",
    "yours": "your yours votre vos ton ta tes",
    "boss": "runs heads leads manages dirige gere pilote head director founder ceo cto cfo coo "
    "directrice directeur fondatrice fondateur drh dg chief owner responsable",
    "now": "now currently today desormais maintenant aujourd actuellement",
    "past": "was were met sat spoke taught gave sold bought ran led told came took wrote saw did "
    "had went made heard won built drove flew sang swapped etais etait etions etiez avais avait "
    "avions aviez",
    "you": "you vous tu toi te",
    "we": "we us nous on",
    "ago": "ago last years yesterday dernier derniere passe passee hier",
    # What the writer is after (a purpose in the writer's own words): seeking, a job, a choice,
    # finding out.
    "seek": "looking searching hoping trying aiming seeking hunting planning applying apply "
    "pitch cherche cherchons cherchent recherche recherchons espere esperons vise visons compte "
    "postuler postule candidate prepare",
    "job": "job jobs role roles position opening vacancy vacancies internship placement "
    "apprenticeship career poste postes offre emploi stage alternance apprentissage carriere "
    "metier candidature",
    "choose": "decide deciding decision choose choosing torn weighing between whether hesite "
    "hesitons choisir choix trancher decider entre picking selecting comparing evaluating "
    "shortlisting compare comparer comparons selectionner choisit",
    "learn": "learn understand figure comprendre apprendre savoir connaitre",
}
"""Word classes (folded words): a class generalises over words the corpus has seen rarely."""
_CLASS: dict[str, tuple[str, ...]] = {}
for _name, _words in _CLASSES.items():
    for _word in _words.split():
        _CLASS[_word] = (*_CLASS.get(_word, ()), _name)
_AUXILIARY = frozenset(("ai", "as", "a", "avons", "avez", "ont", "avait", "aviez", "avions"))
_PARTICIPLE = ("e", "es", "ee", "ees", "i", "is", "it", "u", "us")
"""French compound past: an auxiliary then a participle ("vous m'avez **recrute**")."""
_OBJECT_AFTER = frozenset(("vous", "tu", "te", "je", "j", "on", "nous", "me", "m"))
_OBJECT = frozenset(("la", "le", "l"))
"""An object pronoun after a subject: "vous la connaissez", "je l'ai croise"."""


def features(sentence: str, kind: str) -> list[str]:
    """The features of one folded sentence: words, word pairs, stems of long words, shape, classes.

    A class feature (`c:`) marks a word of a class of `_CLASSES`; `d:` a word then a class, `e:` a
    class then a word, `f:` a class then a class ("my former manager": `d:my former`,
    `f:mine former`, `f:former rel`); `x:` a class in a kind of message (a "she" in an ask to a
    connector is likely the person to meet); `p:` two classes in one sentence.
    """
    label = _LABEL.match(sentence)
    if label is not None:
        sentence = sentence[label.end() :]
    tokens = [("0" if t.isdigit() else t) for t in _TOKEN.findall(sentence)]
    feats = ["k:" + kind]
    prev = "^"
    prev_cls: tuple[str, ...] = ()
    seen: set[str] = set()
    for tok in tokens:
        feats.append("w:" + tok)
        feats.append("b:" + prev + " " + tok)
        if len(tok) >= _STEM_MIN:
            feats.append("s:" + tok[:_STEM])
        cls = _CLASS.get(tok, ())
        if tok in _OBJECT and prev in _OBJECT_AFTER:
            cls = ("obj",)
        elif len(tok) >= 5 and tok.endswith("ed"):
            cls = (*cls, "ed")
        elif prev in _AUXILIARY and tok.endswith(_PARTICIPLE):
            cls = (*cls, "past")
        for c in cls:
            feats.append("c:" + c)
            seen.add(c)
            feats.append("d:" + prev + " " + c)
            for pc in prev_cls:
                feats.append("f:" + pc + " " + c)
        for pc in prev_cls:
            feats.append("e:" + pc + " " + tok)
        prev = tok
        prev_cls = cls
    feats.append("b:" + prev + " $")
    n = len(tokens)
    feats.append("n:" + ("1" if n <= 3 else "2" if n <= 8 else "3" if n <= 18 else "4"))
    if seen:
        ordered = sorted(seen)
        feats += ["x:" + kind + " " + c for c in ordered]
        feats += ["p:" + a + "+" + b for i, a in enumerate(ordered) for b in ordered[i + 1 :]]
    return feats


class Weights:
    """A model's sparse weights, packed: per feature, the roles it speaks for and their weights.

    Feature `i` (by `index`) holds the pairs `offsets[i]` to `offsets[i + 1]` of `roles` (role
    numbers) and `values` (weights in thousandths): the arrays the model's file holds, read
    without a Python object per weight. A row a sentence reads is unpacked once, into `seen`.
    """

    __slots__ = ("index", "offsets", "roles", "seen", "values")

    def __init__(
        self,
        index: dict[str, int],
        offsets: Sequence[int],
        roles: Sequence[int],
        values: Sequence[int],
    ) -> None:
        self.index = index
        self.offsets = offsets
        self.roles = roles
        self.values = values
        self.seen: dict[str, tuple[tuple[int, float], ...]] = {}

    def pairs(self, feature: str) -> tuple[tuple[int, float], ...] | None:
        """One feature's (role, weight) pairs, the weight as a float, or None: kept once read."""
        pairs = self.seen.get(feature)
        if pairs is None:
            i = self.index.get(feature)
            if i is None:
                return None
            span = range(self.offsets[i], self.offsets[i + 1])
            pairs = self.seen[feature] = tuple(
                (self.roles[j], self.values[j] / SCALE) for j in span
            )
        return pairs

    @classmethod
    def from_rows(cls, rows: dict[str, list[int]]) -> Weights:
        """From rows of role, weight in thousandths, role, weight... (what stand-in models give)."""
        flat = [v for row in rows.values() for v in row]
        return cls(
            dict(zip(rows, range(len(rows)), strict=True)),
            array("I", accumulate((len(row) // 2 for row in rows.values()), initial=0)),
            array("B", flat[0::2]),
            array("i", flat[1::2]),
        )

    def __len__(self) -> int:
        return len(self.index)

    def row(self, feature: str) -> list[int] | None:
        """One feature's weights as role, weight, role, weight..., or None."""
        i = self.index.get(feature)
        if i is None:
            return None
        span = range(self.offsets[i], self.offsets[i + 1])
        return [v for j in span for v in (self.roles[j], self.values[j])]


@dataclass(frozen=True, slots=True)
class RoleModel:
    """One-vs-rest logistic regression: a bias and sparse weights per role, and a threshold each.

    `weights` may be given as a dict of rows (feature: role, weight in thousandths, role,
    weight...); it is packed into `Weights`.
    """

    roles: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Weights
    thresholds: tuple[float, ...]
    digest: str

    def __post_init__(self) -> None:
        rows: Any = self.weights
        if isinstance(rows, dict):
            object.__setattr__(self, "weights", Weights.from_rows(rows))

    def scores(self, sentence: str, kind: str) -> tuple[float, ...]:
        """The probability of each role for one folded sentence."""
        z = list(self.bias)
        seen = self.weights.seen.get
        pairs = self.weights.pairs
        for feat in dict.fromkeys(features(sentence, kind)):
            row = seen(feat) or pairs(feat)
            if row is not None:
                for role, weight in row:
                    z[role] += weight
        return tuple(map(_sigmoid, z))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


SCALE = 1000
"""Weights are stored as integers in thousandths: compact, and exact on every platform."""

HEADER_KEYS = ("features", "pairs", "keys_bytes", "crc32")
"""What the header says of the packed part, besides the model's own fields."""


def pack_model(header: dict[str, Any], rows: dict[str, list[int]]) -> bytes:
    """The model file's bytes (see model/README.md): a JSON header line, then the packed weights.

    `header` holds the model's fields (schema, roles, digest, thresholds, bias...); `rows`, in the
    order to write, each feature's role, weight in thousandths, role, weight...
    """
    keys = "\n".join(rows).encode("utf-8")
    if any("\n" in feature for feature in rows):
        raise ValueError("a feature holds a newline")
    packed_rows = Weights.from_rows(rows)
    offsets = array("I", packed_rows.offsets)
    roles = bytes(packed_rows.roles)
    values = array("h", packed_rows.values)
    if sys.byteorder == "big":
        offsets.byteswap()
        values.byteswap()
    body = keys + offsets.tobytes() + roles + values.tobytes()
    packed = {"features": len(rows), "pairs": len(roles), "keys_bytes": len(keys)}
    packed["crc32"] = zlib.crc32(body)
    head = json.dumps(header | packed, separators=(",", ":"), ensure_ascii=False)
    return head.encode("utf-8") + b"\n" + body


def read_header(data: bytes) -> dict[str, Any]:
    """The model file's header line (schema, roles, digest, sizes...), checked for its schema."""
    end = data.find(b"\n")
    try:
        head = json.loads(data[: max(end, 0)])
    except ValueError:
        raise ValueError("role model: no readable header line") from None
    if not isinstance(head, dict) or head.get("schema") != MODEL_SCHEMA:
        schema = head.get("schema") if isinstance(head, dict) else None
        raise ValueError(f"role model schema {schema!r}, expected {MODEL_SCHEMA}")
    if any(not isinstance(head.get(key), int) for key in HEADER_KEYS):
        raise ValueError("role model: header lacks the packed part's sizes")
    return head


def parse_model(data: bytes) -> RoleModel:
    """Read the model's file (written by model/train.py): a clear ValueError if it is damaged."""
    head = read_header(data)
    n, m, k = head["features"], head["pairs"], head["keys_bytes"]
    body = memoryview(data)[data.index(b"\n") + 1 :]
    size = k + 4 * (n + 1) + 3 * m
    if len(body) != size:
        raise ValueError(
            f"role model truncated or padded: {len(body)} bytes after the header, expected {size}"
        )
    if zlib.crc32(body) != head["crc32"]:
        raise ValueError("role model damaged: its checksum does not match")
    keys = str(body[:k], "utf-8").split("\n") if n else []
    r = k + 4 * (n + 1)  # where the roles start
    offsets = array("I")
    offsets.frombytes(body[k:r])
    values = array("h")
    values.frombytes(body[r + m :])
    if sys.byteorder == "big":
        offsets.byteswap()
        values.byteswap()
    return RoleModel(
        roles=tuple(head["roles"]),
        bias=tuple(b / SCALE for b in head["bias"]),
        weights=Weights(
            dict(zip(keys, range(n), strict=True)),
            offsets,
            bytes(body[r : r + m]),
            values,
        ),
        thresholds=tuple(t / 100 for t in head["thresholds"]),
        digest=head["inputs_sha256"],
    )


@lru_cache(maxsize=1)
def default_model() -> RoleModel:
    """The shipped model, read once."""
    return parse_model(read("data", "roles.bin"))
