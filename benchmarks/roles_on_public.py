"""How well does the sentence-role model find what real messages' sentences do? (issue 16)

The gold labels are ``tests/corpus/public_roles.toml``: every body sentence of every message of the
public set (``tests/corpus/public.toml``), split as the checker splits it, with the roles a person
gave it from the text and the labelling guide alone. This script grades each message with
``checker.grade(text, kind=kind, lang=lang)``, takes the roles the shipped model gives each body
sentence at the model's own thresholds (the ones the rules and the five-second read use), and
reports per role its precision, recall and support (gold sentences with the role), the decisive
roles first: purpose, link, timebox, target, consent.

Nobody tunes the model or the checker on the test split: its figures are reported as they come,
and its misses are not listed (``--misses`` refuses ``--split test`` and ``all``).

    python benchmarks/roles_on_public.py                  # dev, test and all, readable
    python benchmarks/roles_on_public.py --split test     # the split nobody tunes on
    python benchmarks/roles_on_public.py --json           # {"name", "value", "unit", "target"}
    python benchmarks/roles_on_public.py --split dev --misses   # the dev sentences it gets wrong
    python benchmarks/roles_on_public.py --split dev --since-round 3   # rounds nobody tuned on yet
    python benchmarks/roles_on_public.py --skeleton       # unlabelled entries for new messages
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.public_set import (  # noqa: E402
    GOLD,
    SPLITS,
    add_since_round,
    load_gold,
    load_public,
    parse_roles,
    since_round,
)
from checker import grade  # noqa: E402
from checker.draft import prepare  # noqa: E402
from checker.folding import fold  # noqa: E402
from checker.roles import ROLES, default_model  # noqa: E402

DECISIVE = ("purpose", "link", "timebox", "target", "consent")
"""The roles issue 16 asks a recall of at least 0.85 for (timebox: a bounded ask)."""
TARGET_RECALL = ">= 0.85"


@dataclass(frozen=True)
class BodySentence:
    start: int
    end: int
    text: str


def body_sentences(text: str, kind: str, lang: str) -> list[BodySentence]:
    """The body sentences of a message as the checker splits it, in original offsets."""
    report = grade(text, kind=kind, lang=lang)
    return [
        BodySentence(s.start, s.end, text[s.start : s.end])
        for s in report.sentences
        if s.part == "body"
    ]


def predicted_roles(text: str, kind: str, lang: str) -> dict[tuple[int, int], frozenset[str]]:
    """Per body sentence (original start, end): the roles the model gives it at its thresholds.

    The same decision the rules take (``Draft.with_role``): a role's probability at or above the
    model's threshold for that role. The spans are checked against the report's."""
    folded = fold(text)
    draft = prepare(text, folded, kind, lang, default_model())
    out: dict[tuple[int, int], frozenset[str]] = {}
    hits = {role: set(draft.with_role((role,))) for role in draft.model.roles}
    for i, ((s, e), part) in enumerate(zip(draft.sentences, draft.sentence_parts, strict=True)):
        if part != "body":
            continue
        out[folded.span(s, e)] = frozenset(r for r, idx in hits.items() if i in idx)
    shown = {(b.start, b.end) for b in body_sentences(text, kind, lang)}
    if shown != set(out):
        raise RuntimeError("the draft's body sentences differ from the report's")
    return out


@dataclass(frozen=True)
class Row:
    """One gold sentence against the model."""

    id: str
    split: str
    kind: str
    start: int
    end: int
    text: str
    gold: frozenset[str]
    got: frozenset[str]


def compare(messages: list[dict], gold: dict[str, list[dict]]) -> list[Row]:
    rows: list[Row] = []
    for m in messages:
        if m["id"] not in gold:
            raise SystemExit(f"{m['id']}: not in {GOLD.name}; run --skeleton and label it")
        got = predicted_roles(m["text"], m["kind"], m["lang"])
        for g in gold[m["id"]]:
            key = (g["start"], g["end"])
            if key not in got or m["text"][g["start"] : g["end"]] != g["text"]:
                raise SystemExit(
                    f"{m['id']} {key}: the splitter no longer gives this sentence; relabel it"
                )
            rows.append(
                Row(
                    m["id"],
                    m["split"],
                    m["kind"],
                    *key,
                    g["text"],
                    parse_roles(g["roles"]),
                    got[key],
                )
            )
    return rows


def role_order() -> list[str]:
    return list(DECISIVE) + [r for r in ROLES if r not in DECISIVE]


def figures(rows: list[Row]) -> dict[str, dict[str, float | int | None]]:
    """Per role: tp, fp, fn, support, precision and recall (None when undefined)."""
    out: dict[str, dict[str, float | int | None]] = {}
    for role in role_order():
        tp = sum(1 for r in rows if role in r.gold and role in r.got)
        fp = sum(1 for r in rows if role not in r.gold and role in r.got)
        fn = sum(1 for r in rows if role in r.gold and role not in r.got)
        out[role] = {
            "support": tp + fn,
            "predicted": tp + fp,
            "tp": tp,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
        }
    return out


def pooled_recall(rows: list[Row], roles: tuple[str, ...]) -> tuple[float | None, int]:
    """Recall over every (sentence, role) gold pair of `roles` together, and their count."""
    support = sum(len(r.gold & set(roles)) for r in rows)
    found = sum(len(r.gold & r.got & set(roles)) for r in rows)
    return (found / support if support else None), support


def _fmt(x: float | int | None) -> str:
    return "   -" if x is None else f"{x:.2f}" if isinstance(x, float) else str(x)


def print_table(name: str, rows: list[Row]) -> None:
    msgs = len({r.id for r in rows})
    print(f"\n== {name}: {msgs} messages with body sentences, {len(rows)} sentences ==")
    print(f"{'role':<12} {'support':>7} {'predicted':>9} {'precision':>9} {'recall':>7}")
    fig = figures(rows)
    for i, (role, f) in enumerate(fig.items()):
        if i == len(DECISIVE):
            print("-" * 48)
        print(
            f"{role:<12} {f['support']:>7} {f['predicted']:>9} "
            f"{_fmt(f['precision']):>9} {_fmt(f['recall']):>7}"
        )
    rec, n = pooled_recall(rows, DECISIVE)
    print(f"decisive roles pooled: recall {_fmt(rec)} over {n} (target {TARGET_RECALL} per role)")


def print_misses(rows: list[Row]) -> None:
    print("\n== misses (gold role not predicted: -, predicted but not gold: +) ==")
    for r in rows:
        if r.gold == r.got:
            continue
        missed = sorted(r.gold - r.got, key=role_order().index)
        extra = sorted(r.got - r.gold, key=role_order().index)
        marks = " ".join([f"-{x}" for x in missed] + [f"+{x}" for x in extra])
        print(f"{r.id} [{r.kind}] {r.start}-{r.end}  {marks}\n    {r.text}")


def skeleton(messages: list[dict], gold: dict[str, list[dict]]) -> str:
    """TOML entries, to label by hand, for the messages the gold file lacks. Sentences only:
    no prediction is shown, so that labelling is not steered by the model."""
    out: list[str] = []
    for m in messages:
        if m["id"] in gold:
            continue
        out.append(f'\n[[message]]\nid = "{m["id"]}"\n')
        for b in body_sentences(m["text"], m["kind"], m["lang"]):
            out.append(
                f"\n[[message.sentence]]\nstart = {b.start}\nend = {b.end}\n"
                f'text = {json.dumps(b.text, ensure_ascii=False)}\nroles = "?"\n'
            )
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", choices=(*SPLITS, "all"), default=None)
    ap.add_argument("--json", action="store_true", help="one JSON line per figure")
    ap.add_argument("--misses", action="store_true", help="list the dev sentences it gets wrong")
    ap.add_argument(
        "--skeleton",
        action="store_true",
        help="print unlabelled entries for the messages the gold file lacks",
    )
    add_since_round(ap)
    args = ap.parse_args(argv)
    messages = load_public()
    gold = load_gold() if GOLD.exists() else {}
    if args.skeleton:
        print(skeleton(messages, gold), end="")
        return 0
    messages = since_round(messages, args.since_round, ap, args.until_round)
    if args.misses and args.split != "dev":
        ap.error("--misses lists dev misses only: pass --split dev (nobody reads the test misses)")
    rows = compare(messages, gold)
    names = [args.split] if args.split else [*SPLITS, "all"]
    groups = {n: [r for r in rows if n == "all" or r.split == n] for n in names}
    if args.json:
        for n, g in groups.items():
            for role, f in figures(g).items():
                for key in ("recall", "precision", "support"):
                    target = TARGET_RECALL if key == "recall" and role in DECISIVE else None
                    print(
                        json.dumps(
                            {
                                "name": f"roles_public.{n}.{role}.{key}",
                                "value": f[key],
                                "unit": "ratio" if key != "support" else "sentences",
                                "target": target,
                            }
                        )
                    )
            rec, _ = pooled_recall(g, DECISIVE)
            print(
                json.dumps(
                    {
                        "name": f"roles_public.{n}.decisive.recall",
                        "value": rec,
                        "unit": "ratio",
                        "target": TARGET_RECALL,
                    }
                )
            )
        return 0
    for n, g in groups.items():
        print_table(n, g)
    if args.misses:
        print_misses(groups["dev"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
