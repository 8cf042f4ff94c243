"""Train the sentence-role model from model/sentences/ and write checker/data/roles.bin.

Deterministic: the same corpus and code give the same bytes (fixed order, no randomness beyond a
seeded shuffle, integer-rounded weights). `make model` runs it; a test fails when roles.bin no
longer matches the corpus, this script or the feature code (their digest is stored in the model).

Held-out split: a sentence whose sha256 (of language and text) has a first hex digit of 0-2 is never
trained on; `--report` prints per-role precision and recall on it. Thresholds are chosen on a
validation slice carved out of the training part, never on the held-out sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checker.roles as roles_module  # noqa: E402
from checker import MESSAGE_KINDS  # noqa: E402
from checker.folding import fold_fast  # noqa: E402
from checker.roles import (  # noqa: E402
    MODEL_SCHEMA,
    ROLES,
    SCALE,
    features,
    pack_model,
    parse_model,
    read_header,
)

CORPUS = ROOT / "model" / "sentences"
OUTPUT = ROOT / "checker" / "data" / "roles.bin"
INPUTS = (ROOT / "model" / "train.py",)
KINDS = (*MESSAGE_KINDS, "any")
EPOCHS = 10
ALPHA = 0.5
BETA = 1.0
L1 = 3.0
L2 = 1.0
MIN_COUNT = 2
PRUNE = 20  # thousandths: smaller weights are dropped from the shipped model
HELD_OUT = "012"
VALIDATION = "34"


class CorpusError(ValueError):
    pass


def load_corpus() -> list[tuple[str, str, str, frozenset[str], str]]:
    """(lang, kind, folded text, roles, bucket) for every line of every corpus file, in order."""
    rows = []
    for path in sorted(CORPUS.glob("*/*.tsv")):
        lang = path.parent.name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                raise CorpusError(f"{path}:{n}: expected 4 tab-separated columns, got {len(cols)}")
            roles_col, kind, _style, text = cols
            roles = (
                frozenset()
                if roles_col.strip() == "-"
                else frozenset(r.strip() for r in roles_col.split(",") if r.strip())
            )
            unknown = roles - set(ROLES)
            if unknown:
                raise CorpusError(f"{path}:{n}: unknown role(s) {sorted(unknown)}")
            kind = kind.strip()
            if kind not in KINDS:
                raise CorpusError(f"{path}:{n}: unknown kind {kind!r}")
            digest = hashlib.sha256(f"{lang}\t{text.strip()}".encode()).hexdigest()
            rows.append((lang, kind, fold_fast(text.strip()), roles, digest[0]))
    return rows


def inputs_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(CORPUS.glob("*/*.tsv")):
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    for path in INPUTS:
        h.update(path.read_bytes())
    # The feature code, not the rest of roles.py: evaluating faster leaves the model as it is.
    h.update(inspect.getsource(roles_module.features).encode())
    h.update(repr((roles_module.ROLES, roles_module.SCALE)).encode())
    # The word classes the features use.
    h.update(repr(sorted(roles_module._CLASS.items())).encode())
    h.update(repr((sorted(roles_module._OBJECT_AFTER), sorted(roles_module._OBJECT))).encode())
    h.update(repr((sorted(roles_module._AUXILIARY), roles_module._PARTICIPLE)).encode())
    return h.hexdigest()


def _kind(kind: str) -> str:
    return "request" if kind == "any" else kind


def vectorise(rows, vocab=None):
    feats = [sorted(set(features(text, _kind(kind)))) for _, kind, text, _, _ in rows]
    if vocab is None:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    xs = [[vocab[f] for f in fs if f in vocab] for fs in feats]
    ys = [[1.0 if r in roles else 0.0 for r in ROLES] for *_, roles, _ in rows]
    return xs, ys, vocab


def train(xs, ys, n_feats, seed=0):
    """FTRL-proximal logistic regression, one output per role (McMahan et al., 2013).

    Its L1 term sets most weights to exactly zero, which keeps the shipped model small: a feature
    only keeps the roles it really speaks for.
    """
    k = len(ROLES)
    z = [[0.0] * k for _ in range(n_feats)]
    n = [[0.0] * k for _ in range(n_feats)]
    pos = [sum(y[r] for y in ys) for r in range(k)]
    b = [math.log((p + 1) / (len(ys) - p + 1)) for p in pos]
    bn = [0.0] * k
    order = list(range(len(xs)))
    rng = random.Random(seed)
    inv_alpha = 1 / ALPHA
    for _epoch in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            x, y = xs[i], ys[i]
            ws = [[_weight(z[f][r], n[f][r], inv_alpha) for r in range(k)] for f in x]
            for r in range(k):
                zr = b[r] + sum(row[r] for row in ws)
                p = 1 / (1 + math.exp(-zr)) if zr >= 0 else math.exp(zr) / (1 + math.exp(zr))
                g = p - y[r]
                bn[r] += g * g
                b[r] -= ALPHA * g / (BETA + math.sqrt(bn[r]))
                g2 = g * g
                for f, row in zip(x, ws, strict=True):
                    nf = n[f]
                    sigma = (math.sqrt(nf[r] + g2) - math.sqrt(nf[r])) * inv_alpha
                    z[f][r] += g - sigma * row[r]
                    nf[r] += g2
    w = [[_weight(z[f][r], n[f][r], inv_alpha) for r in range(k)] for f in range(n_feats)]
    return b, w


def _weight(z: float, n: float, inv_alpha: float) -> float:
    """FTRL's closed form: zero inside the L1 band, shrunk outside it."""
    if -L1 <= z <= L1:
        return 0.0
    return -(z - (L1 if z > 0 else -L1)) / ((BETA + math.sqrt(n)) * inv_alpha + L2)


def predict(b, w, x):
    z = b[:]
    for f in x:
        for r, v in enumerate(w[f]):
            z[r] += v
    return [1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v)) for v in z]


FLOOR = 0.40
"""No threshold below this: a rule that passes on a guess hides what the draft lacks."""
DECISIVE = ("purpose", "link", "timebox", "target", "consent")
"""Roles that decide a grade: a miss makes the checker tell a writer that a draft lacks what it
says, so recall comes first. Their threshold is no higher than keeps validation recall at RECALL
(a margin over the 0.85 asked on held-out sentences: the held-out recall has come out 0.02 to
0.08 below the validation recall; at 0.90 the target threshold swung between 0.30 and 0.50 from
one retraining to the next, held-out target recall 0.82 at 0.50), and may go down to
DECISIVE_FLOOR for it."""
RECALL = 0.92
DECISIVE_FLOOR = 0.30


def best_thresholds(probs, ys):
    out = []
    for r, role in enumerate(ROLES):
        floor = DECISIVE_FLOOR if role in DECISIVE else FLOOR
        candidates = [x / 100 for x in range(round(floor * 100), 81, 5)]
        best, best_f = FLOOR, -1.0
        recall_ok = None
        for t in candidates:
            tp = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] >= t and y[r])
            fp = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] >= t and not y[r])
            fn = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] < t and y[r])
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if t >= FLOOR and f1 > best_f + 1e-9:
                best, best_f = t, f1
            if tp + fn and tp / (tp + fn) >= RECALL:
                recall_ok = t
        if role in DECISIVE:
            best = min(best, floor if recall_ok is None else recall_ok)
        out.append(best)
    return out


def report(probs, ys, thresholds):
    lines, f1s = [], []
    for r, role in enumerate(ROLES):
        t = thresholds[r]
        tp = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] >= t and y[r])
        fp = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] >= t and not y[r])
        fn = sum(1 for p, y in zip(probs, ys, strict=True) if p[r] < t and y[r])
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        lines.append(
            {
                "role": role,
                "support": tp + fn,
                "precision": round(prec, 3),
                "recall": round(rec, 3),
                "f1": round(f1, 3),
                "threshold": t,
            }
        )
    return lines, sum(f1s) / len(f1s)


def validation_errors(wanted: list[str]) -> int:
    """Per-role precision and recall on the validation slice, and its misses and false finds."""
    unknown = set(wanted) - set(ROLES)
    if unknown:
        print(f"unknown role(s): {sorted(unknown)}", file=sys.stderr)
        return 2
    rows = [r for r in load_corpus() if r[4] not in HELD_OUT]
    fit_rows = [r for r in rows if r[4] not in VALIDATION]
    val_rows = [r for r in rows if r[4] in VALIDATION]
    xs, ys, vocab = vectorise(fit_rows)
    b, w = train(xs, ys, len(vocab))
    vx, vy, _ = vectorise(val_rows, vocab)
    probs = [predict(b, w, x) for x in vx]
    thresholds = best_thresholds(probs, vy)
    lines, macro = report(probs, vy, thresholds)
    print(f"validation sentences: {len(val_rows)}; macro-F1 {macro:.3f} (thresholds chosen on it)")
    for line in lines:
        print(
            "  {role:12} n={support:4}  P={precision:.2f}  R={recall:.2f}  F1={f1:.2f}  "
            "t={threshold:.2f}".format(**line)
        )
    for role in wanted:
        r = ROLES.index(role)
        t = thresholds[r]
        for title, labelled in (("missed", True), ("found wrongly", False)):
            print(f"\n## {role}: {title} (threshold {t:.2f})")
            for (_, kind, text, roles, _), p, y in zip(val_rows, probs, vy, strict=True):
                if bool(y[r]) == labelled and (p[r] >= t) != labelled:
                    print(f"  {p[r]:.2f}  {kind:7} [{','.join(sorted(roles)) or '-'}]  {text}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", action="store_true", help="print held-out precision and recall")
    ap.add_argument("--check", action="store_true", help="exit 1 if roles.bin is stale")
    ap.add_argument(
        "--errors",
        metavar="ROLE[,ROLE]",
        help="train on the fit part only and print the VALIDATION sentences a role misses or "
        "wrongly finds (error analysis that never looks at the held-out sentences); writes nothing",
    )
    args = ap.parse_args(argv)
    if args.errors:
        return validation_errors([r.strip() for r in args.errors.split(",") if r.strip()])
    digest = inputs_digest()
    if args.check:
        try:
            current = read_header(OUTPUT.read_bytes()).get("inputs_sha256")
        except (OSError, ValueError) as exc:
            print(f"checker/data/roles.bin: {exc}: run `make model`", file=sys.stderr)
            return 1
        if current != digest:
            print("checker/data/roles.bin is stale: run `make model`", file=sys.stderr)
            return 1
        return 0
    rows = load_corpus()
    train_rows = [r for r in rows if r[4] not in HELD_OUT]
    held_rows = [r for r in rows if r[4] in HELD_OUT]
    fit_rows = [r for r in train_rows if r[4] not in VALIDATION]
    val_rows = [r for r in train_rows if r[4] in VALIDATION]
    # 1. Thresholds from a validation slice of the training part.
    xs, ys, vocab = vectorise(fit_rows)
    b, w = train(xs, ys, len(vocab))
    vx, vy, _ = vectorise(val_rows, vocab)
    thresholds = best_thresholds([predict(b, w, x) for x in vx], vy)
    # 2. The shipped model: the whole training part.
    xs, ys, vocab = vectorise(train_rows)
    b, w = train(xs, ys, len(vocab))
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {}
    for f, i in zip(names, range(len(names)), strict=True):
        flat = []
        for r, v in enumerate(w[i]):
            q = round(v * SCALE)
            if abs(q) >= PRUNE:
                flat += [r, q]
        if flat:
            weights[f] = flat
    header = {
        "schema": MODEL_SCHEMA,
        "roles": list(ROLES),
        "inputs_sha256": digest,
        "sentences": {"train": len(train_rows), "held_out": len(held_rows)},
        "thresholds": [round(t * 100) for t in thresholds],
        "bias": [round(v * SCALE) for v in b],
    }
    OUTPUT.write_bytes(pack_model(header, dict(sorted(weights.items()))))
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {len(weights)} features, "
        f"{OUTPUT.stat().st_size // 1024} KB; trained on {len(train_rows)} sentences"
    )
    if args.report:
        shipped = parse_model(OUTPUT.read_bytes())
        hx = [(text, _kind(kind)) for _, kind, text, _, _ in held_rows]
        probs = [shipped.scores(t, k) for t, k in hx]
        hy = [[1.0 if r in roles else 0.0 for r in ROLES] for *_, roles, _ in held_rows]
        lines, macro = report(probs, hy, list(shipped.thresholds))
        print(f"held-out sentences: {len(held_rows)}; macro-F1 {macro:.3f}")
        for line in lines:
            print(
                "  {role:12} n={support:4}  P={precision:.2f}  R={recall:.2f}  F1={f1:.2f}  "
                "t={threshold:.2f}".format(**line)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
