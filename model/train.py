"""Train the sentence-role model from model/sentences/ and write checker/data/roles.bin.

Deterministic: the same corpus and code give the same bytes (fixed order, no randomness beyond a
seeded shuffle, integer-rounded weights). `make model` runs it; a test fails when roles.bin no
longer matches the corpus, this script or the feature code (their digest is stored in the model).

Held-out split: a sentence whose sha256 (of language and text) has a first hex digit of 0-2 is never
trained on; `--report` prints per-role precision and recall on it. Thresholds are chosen on a
validation slice carved out of the training part, never on the held-out sentences.

Real sentences (issue 16): the hand-labelled body sentences of the public set's development
messages of the early collection rounds (PUBLIC_SPLIT, PUBLIC_MAX_ROUND) are trained on too,
PUBLIC_WEIGHT times each. They are only ever in the fit part: never held out, never in the
validation slice that chooses thresholds. The test split and the later rounds never reach
training (load_public_rows).
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
from benchmarks.public_set import GOLD, PUBLIC, UNLABELLED, load_gold, load_public, parse_roles  # noqa: E402
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
INPUTS = (ROOT / "model" / "train.py", ROOT / "benchmarks" / "public_set.py")
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

PUBLIC_ROLES = GOLD
PUBLIC_SPLIT = "dev"
"""The only split of the public set trained on. Its test split serves only to measure."""
PUBLIC_MAX_ROUND = 5
"""The last collection round (tests/corpus/PUBLIC.md, "Rounds") whose development messages are
trained on. The development messages of later rounds stay out: they are the check nobody trained
on (`benchmarks/roles_on_public.py --split dev --since-round 6`). Raise it only when a newer round
has come in to take over that role."""
PUBLIC_WEIGHT = 1
"""How many times each real sentence counts in training (it is repeated in every epoch); the
feature vocabulary counts it once."""
PUBLIC_BUCKET = "p"
"""The bucket of a real sentence: neither HELD_OUT nor VALIDATION, so only ever fitted on."""


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


def public_messages(public: Path | None = None) -> list[dict]:
    """The messages of the public set whose sentences may be trained on: split PUBLIC_SPLIT and
    round at most PUBLIC_MAX_ROUND, read from public.toml (the split and round are the set's, not
    the gold file's). A message without a split or a round is an error, never a guess."""
    kept = []
    for m in load_public(public or PUBLIC):
        if "split" not in m or "round" not in m:
            raise CorpusError(f"{m.get('id', '?')}: public message without a split or a round")
        if m["split"] == PUBLIC_SPLIT and m["round"] <= PUBLIC_MAX_ROUND:
            kept.append(m)
    return kept


def load_public_rows(
    public: Path | None = None, gold: Path | None = None
) -> list[tuple[str, str, str, frozenset[str], str]]:
    """(lang, kind, folded text, roles, PUBLIC_BUCKET) for every labelled body sentence of the
    public messages that may be trained on (public_messages), in the set's order. Sentences
    labelled "?" (not labelled yet) are skipped."""
    allowed = public_messages(public)
    sentences = load_gold(gold or PUBLIC_ROLES)
    rows = []
    for m in allowed:
        if m["kind"] not in KINDS:
            raise CorpusError(f"{m['id']}: unknown kind {m['kind']!r}")
        for s in sentences.get(m["id"], []):
            if s["roles"].strip() == UNLABELLED:
                continue
            roles = parse_roles(s["roles"])
            unknown = roles - set(ROLES)
            if unknown:
                where = f"{m['id']} {s['start']}-{s['end']}"
                raise CorpusError(f"{where}: unknown role(s) {sorted(unknown)}")
            rows.append((m["lang"], m["kind"], fold_fast(s["text"].strip()), roles, PUBLIC_BUCKET))
    return rows


def training_sets() -> tuple[list, list, list, list]:
    """(train, held-out, fit, validation) rows. Held-out and validation are the corpus's own
    sentences; the real sentences (load_public_rows) are in train and fit only."""
    rows = load_corpus()
    public = load_public_rows()
    train_rows = [r for r in rows if r[4] not in HELD_OUT] + public
    held_rows = [r for r in rows if r[4] in HELD_OUT]
    fit_rows = [r for r in train_rows if r[4] not in VALIDATION]
    val_rows = [r for r in rows if r[4] not in HELD_OUT and r[4] in VALIDATION]
    return train_rows, held_rows, fit_rows, val_rows


def inputs_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(CORPUS.glob("*/*.tsv")):
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    # The real sentences trained on (not the whole public files: the test split's labels are not
    # an input, and relabelling them must not make the model stale).
    # Roles sorted: a frozenset's repr follows the string hash, which changes from run to run.
    real = [(lang, kind, text, sorted(roles)) for lang, kind, text, roles, _ in load_public_rows()]
    h.update(repr(real).encode())
    for path in INPUTS:
        h.update(path.read_bytes())
    # The feature code, not the rest of roles.py: evaluating faster leaves the model as it is.
    h.update(inspect.getsource(roles_module.features).encode())
    h.update(roles_module._LABEL.pattern.encode())  # the label features() leaves out
    h.update(repr((roles_module.ROLES, roles_module.SCALE)).encode())
    # The word classes the features use.
    h.update(repr(sorted(roles_module._CLASS.items())).encode())
    h.update(repr((sorted(roles_module._OBJECT_AFTER), sorted(roles_module._OBJECT))).encode())
    h.update(repr((sorted(roles_module._AUXILIARY), roles_module._PARTICIPLE)).encode())
    return h.hexdigest()


def _kind(kind: str) -> str:
    return "request" if kind == "any" else kind


def vectorise(rows, vocab=None, extra=None):
    """Feature ids and role targets per row; `extra[i]`: more features for row i (realcv.py)."""
    feats = [sorted(set(features(text, _kind(kind)))) for _, kind, text, _, _ in rows]
    if extra is not None:
        feats = [sorted(set(fs) | set(x)) for fs, x in zip(feats, extra, strict=True)]
    if vocab is None:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
        vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    xs = [[vocab[f] for f in fs if f in vocab] for fs in feats]
    ys = [[1.0 if r in roles else 0.0 for r in ROLES] for *_, roles, _ in rows]
    return xs, ys, vocab


def _repeats(rows) -> list[int]:
    return [PUBLIC_WEIGHT if r[4] == PUBLIC_BUCKET else 1 for r in rows]


def train(xs, ys, n_feats, seed=0, repeats=None, boost=None):
    """FTRL-proximal logistic regression, one output per role (McMahan et al., 2013).

    Its L1 term sets most weights to exactly zero, which keeps the shipped model small: a feature
    only keeps the roles it really speaks for. `repeats[i]` is how many times row i is seen in
    each epoch (default once); `boost[r]` multiplies the gradient of role r's positive rows
    (default 1: a class weight model/realcv.py measures).
    """
    k = len(ROLES)
    boost = boost or [1.0] * k
    z = [[0.0] * k for _ in range(n_feats)]
    n = [[0.0] * k for _ in range(n_feats)]
    pos = [sum(y[r] for y in ys) for r in range(k)]  # the bias's start: each row once
    b = [math.log((p + 1) / (len(ys) - p + 1)) for p in pos]
    bn = [0.0] * k
    order = [i for i in range(len(xs)) for _ in range(repeats[i] if repeats else 1)]
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
                if y[r]:
                    g *= boost[r]
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


def quantise(b, w, vocab):
    """What the model file holds: bias and weights in thousandths, weights under PRUNE dropped,
    features in order (the rows `pack_model` packs)."""
    names = sorted(vocab, key=vocab.__getitem__)
    rows = {}
    for f, i in zip(names, range(len(names)), strict=True):
        flat = []
        for r, v in enumerate(w[i]):
            q = round(v * SCALE)
            if abs(q) >= PRUNE:
                flat += [r, q]
        if flat:
            rows[f] = flat
    return [round(v * SCALE) for v in b], dict(sorted(rows.items()))


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
    _, _, fit_rows, val_rows = training_sets()
    xs, ys, vocab = vectorise(fit_rows)
    b, w = train(xs, ys, len(vocab), repeats=_repeats(fit_rows))
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
    train_rows, held_rows, fit_rows, val_rows = training_sets()
    # 1. Thresholds from a validation slice of the corpus's training part (real sentences are fitted
    #    on, never used to choose a threshold).
    xs, ys, vocab = vectorise(fit_rows)
    b, w = train(xs, ys, len(vocab), repeats=_repeats(fit_rows))
    vx, vy, _ = vectorise(val_rows, vocab)
    thresholds = best_thresholds([predict(b, w, x) for x in vx], vy)
    # 2. The shipped model: the whole training part.
    xs, ys, vocab = vectorise(train_rows)
    b, w = train(xs, ys, len(vocab), repeats=_repeats(train_rows))
    bias, weights = quantise(b, w, vocab)
    header = {
        "schema": MODEL_SCHEMA,
        "roles": list(ROLES),
        "inputs_sha256": digest,
        "sentences": {"train": len(train_rows), "held_out": len(held_rows)},
        "thresholds": [round(t * 100) for t in thresholds],
        "bias": bias,
    }
    OUTPUT.write_bytes(pack_model(header, weights))
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {len(weights)} features, "
        f"{OUTPUT.stat().st_size // 1024} KB; trained on {len(train_rows)} sentences "
        f"({sum(r[4] == PUBLIC_BUCKET for r in train_rows)} of them real, weight {PUBLIC_WEIGHT})"
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
