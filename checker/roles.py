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
from dataclasses import dataclass
from functools import lru_cache

from .lazyre import LazyRegex

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
_TOKEN = LazyRegex(r"[^\W\d_]+|\d+|[?!]")
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
    "hesitons choisir choix trancher decider entre",
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


@dataclass(frozen=True, slots=True)
class RoleModel:
    """One-vs-rest logistic regression: a bias and sparse weights per role, and a threshold each."""

    roles: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, list[int]]  # per feature: role, weight in thousandths, role, weight…
    thresholds: tuple[float, ...]
    digest: str

    def scores(self, sentence: str, kind: str) -> tuple[float, ...]:
        """The probability of each role for one folded sentence."""
        z = list(self.bias)
        get = self.weights.get
        for feat in dict.fromkeys(features(sentence, kind)):
            row = get(feat)
            if row is not None:
                for k in range(0, len(row), 2):
                    z[row[k]] += row[k + 1] / SCALE
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
    return RoleModel(
        roles=roles,
        bias=tuple(b / SCALE for b in data["bias"]),
        # As the file has them: converting 24,000 rows here cost the browser's boot 40 ms; a
        # sentence's score converts the few rows it reads, to the same floats.
        weights=data["weights"],
        thresholds=tuple(t / 100 for t in data["thresholds"]),
        digest=data["inputs_sha256"],
    )


@lru_cache(maxsize=1)
def default_model() -> RoleModel:
    """The shipped model, read once."""
    # pkgutil asks the package's own loader (zipimport in the browser): importlib.resources
    # would import zipfile, tempfile, shutil and more on the way to the browser's "ready".
    import pkgutil

    data = pkgutil.get_data("checker", "data/roles.json")
    if data is None:
        raise FileNotFoundError("checker/data/roles.json")
    text = data.decode("utf-8")
    return parse_model(text)
