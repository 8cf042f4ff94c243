"""Parity: the checker under the site's bundled Pyodide (Node) reports exactly what CPython does.

The Node script grades through the very module the Web Worker imports (``checker.bridge``, its
name read from worker.js), from the site's checker zip put on ``sys.path`` as the worker does, so
the shipped zip, config.json and Pyodide files are what is tested.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import checker

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER = REPO / "mkdocs_connecteur" / "assets" / "js" / "worker.js"

pytestmark = [pytest.mark.node, pytest.mark.slow]

DRAFTS = [
    ("Bonjour, pourriez vous transférer. Cdt", "ask", None),
    ("Bonjour, pourriez vous transférer. Cdt", "ask", "fr"),
    ("Bonjour, pourriez vous transférer. Cdt", "ask", "en"),
    ("", "request", None),
    ("   \n\t ", "intro", None),
    ("Hi", "connect", None),
    (
        "Bonjour Claire,\n\nJe suis Paul, ingénieur chez Acme. Marc m'a dit que vous connaissiez "
        "bien le recrutement à Lyon. Accepteriez-vous un échange de vingt minutes la semaine "
        "prochaine ? Je comprendrais tout à fait que ce ne soit pas possible.\n\n"
        "Bien à vous,\nPaul",
        "request",
        None,
    ),
    (
        "Hello Sam, I'm Priya, a data engineer at Northwind. Would you be willing to introduce me "
        "to Alex? I'd like to ask about their move into climate analytics: 15 minutes, at their "
        "convenience. Here is a short note you can forward. No worries at all if not. Best, Priya",
        "ask",
        None,
    ),
    (
        "Alex, meet Jordan 👋 Jordan leads payments at Acme 🚀 and wants to hear how you scaled "
        "support. Jordan, Alex is the best person I know on this. I'll let you two take it from "
        "here 😊",
        "intro",
        "en",
    ),
    ("Hi {first_name}, I'd love to connect and pick your brain!!! 𝓗𝓮𝓵𝓵𝓸 🤝🏽", "connect", None),
    ("Salut [Prénom], ASAP stp, thx 🙏 𝕏 ", "ask", "fr"),
    ("e\u0301te\u0301 — « guillemets » l’apostrophe\u00a0; tiret", "request", "fr"),
    ("Dear Sir or Madam, " * 40, "request", None),
    ("<img src=x onerror=alert(1)> Hello, could you intro me to Bob? Thanks", "ask", None),
    ("👨‍👩‍👧‍👦" * 30 + " merci", "connect", None),
    ("Bonjour,\r\nJe me permets de vous écrire.\r\nCordialement", "request", None),
]


# Lone surrogates reach the checker from a browser (a JavaScript string may hold one).
DRAFTS.append(("Bonjour \ud83d Marc, pouvez-vous \udc00 me présenter ?", "ask", None))


def generated_drafts(count: int = 40, seed: int = 20261122) -> list[tuple[str, str, str | None]]:
    """Deterministic mixtures of both languages' phrases, emoji, astral letters and odd spacing."""
    pieces = [
        "Bonjour",
        "Hello",
        "Madame",
        "Sam,",
        "je suis",
        "I'm",
        "ingénieure",
        "engineer at Acme",
        "pourriez-vous",
        "could you",
        "me présenter à",
        "introduce me to",
        "Léa",
        "Zoë",
        "20 minutes",
        "un café",
        "next week",
        "la semaine prochaine",
        "merci",
        "thanks",
        "Cdt",
        "ASAP",
        "{prénom}",
        "[Name]",
        "!!!",
        "?",
        "…",
        "«",
        "»",
        "🚀",
        "👩🏽‍💻",
        "𝓗𝓲",
        "𝕏",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "e\u0301",
        "ﬁ",
        "İ",
        "ß",
        "Cordialement,",
        "Best,",
    ]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 60))]
        text = "".join(w + rng.choice([" ", " ", "", "\n"]) for w in words)
        out.append((text, checker.KINDS[i % len(checker.KINDS)], rng.choice([None, "fr", "en"])))
    return out


DRAFTS.extend(generated_drafts())


def corpus_drafts() -> list[tuple[str, str, str | None]]:
    """Every draft of the team's corpus and of the public set: real lengths and layouts (subject
    lines, signatures, quoted replies), so that parts and roles are compared too."""
    out: list[tuple[str, str, str | None]] = []
    team = tomllib.loads((REPO / "tests" / "corpus" / "labelled.toml").read_text("utf-8"))
    for d in team["draft"]:
        out.append((d["text"], d["kind"], None))
    for p in team["pair"]:
        out += [(p["before"], p["kind"], p["lang"]), (p["after"], p["kind"], p["lang"])]
    public = tomllib.loads((REPO / "tests" / "corpus" / "public.toml").read_text("utf-8"))
    out += [(m["text"], m["kind"], None) for m in public["message"]]
    return out


DRAFTS.extend(corpus_drafts())


def cpython_report(text: str, kind: str, lang: str | None, ui: str | None = None) -> str:
    report = checker.grade(text, kind=kind, lang=lang, interface_language=ui)
    return json.dumps(report.to_dict())


def interface(index: int) -> str | None:
    """The interface language a draft is graded in: the draft's, English or French, in turn (the
    worker's ``ui``, so the catalogues are read in Pyodide as in CPython)."""
    return (None, "en", "fr")[index % 3]


@pytest.mark.parametrize("start", ["boot", "snapshot"])
def test_bundled_pyodide_grades_like_cpython(built_site: Path, tmp_path: Path, start: str) -> None:
    """Booted as on a slow link, and started from the site's memory snapshot as on a fast one."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    runtime = built_site / "assets" / "connecteur" / "runtime"
    assert len(DRAFTS) >= 200, "the judgement issue asks for parity on at least 200 drafts"
    corpus = [
        {"text": t, "kind": k, "lang": lang, "ui": interface(i)}
        for i, (t, k, lang) in enumerate(DRAFTS)
    ]
    corpus_file = tmp_path / "corpus.json"
    corpus_file.write_text(json.dumps(corpus), encoding="utf-8")
    result = subprocess.run(
        [node, str(HERE / "grade_corpus.mjs"), str(runtime), str(WORKER), str(corpus_file), start],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["pyodide"] == json.loads((runtime / "config.json").read_text())["pyodide"]
    for i, ((text, kind, lang), got) in enumerate(zip(DRAFTS, out["reports"], strict=True)):
        assert isinstance(got, str), f"{text[:40]!r} ({kind}, {lang}): {got}"
        expected = cpython_report(text, kind, lang, interface(i))
        assert json.loads(got) == json.loads(expected), f"{text[:40]!r} ({kind}, {lang})"
        assert got == expected, f"not byte-identical: {text[:40]!r}"
