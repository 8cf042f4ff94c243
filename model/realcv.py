"""How well does the role model find roles in REAL sentences? Grouped cross-validation (issue 16).

The real sentences trained on (model/train.py's load_public_rows: the hand-labelled body sentences
of the public set's development messages of rounds 1 to PUBLIC_MAX_ROUND) are cut into FOLDS folds
by page (a page's url: messages quoted on one page share a style, so a page is never on both
sides). For each fold, a model is trained on the corpus's whole training part and the real
sentences of the other folds, exactly as `make model` trains (same features, FTRL, pruning, integer
weights), and predicts the held-out fold. The out-of-fold predictions of all folds give per-role
precision and recall on real sentences that no model saw, at the shipped thresholds rule.

Thresholds: chosen as train.py chooses them (on the corpus's validation slice, by a model trained
on the fit part and every real sentence), once per variant, not once per fold: the held-out fold's
sentences are among the 266 that model is fitted on, but thresholds are chosen on corpus sentences
only, and every decisive role's threshold sits at its floor (0.30) in every variant measured, so
the decisive figures do not depend on this shortcut.

Each variant also trains the whole training part (as `make model` does) and prints its held-out
corpus figures (those of `train.py --report`) and the gzipped size of its model file. Nothing is
written to checker/data/. The test split and later rounds are never read here (load_public_rows
refuses them; tests/model/test_real_sentences.py).

    python model/realcv.py                  # every variant (about 7 trainings each, 2 at a time)
    python model/realcv.py --variants a,c   # some of them
    python model/realcv.py --jobs 1         # one training at a time
    python model/realcv.py --variants a --misses   # the real sentences it gets wrong, out of fold

A full training of the corpus takes about a minute on one core (December 2026).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import time
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "model"))

import train as T  # noqa: E402

from benchmarks.public_set import UNLABELLED, load_gold  # noqa: E402
from checker.roles import MODEL_SCHEMA, ROLES, SCALE, features, pack_model  # noqa: E402

FOLDS = 5


@dataclass(frozen=True)
class Variant:
    name: str
    public_weight: int = T.PUBLIC_WEIGHT
    """How many times each real sentence counts (train.PUBLIC_WEIGHT)."""
    pos_weight: float = 1.0
    """The gradient of a decisive role's positive example is multiplied by this (class weight)."""
    position: bool = False
    """Real sentences carry their place in the body (first, last) as features."""
    domain_copies: bool = False
    """Real sentences carry a copy of each feature marked as the real domain's ("frustratingly easy"
    domain adaptation): those copies learn what real messages do differently, the plain features
    what both share. Every sentence graded is real, so every prediction gets the copies too."""


VARIANTS = {
    "a": Variant("today (as make model)"),
    "b": Variant("real sentences counted 3 times", public_weight=3),
    "c": Variant("decisive-role positives weighted 2x", pos_weight=2.0),
    "d": Variant("place in the body (first, last) as features", position=True),
    "e": Variant("(b) and (c) together", public_weight=3, pos_weight=2.0),
    "f": Variant("real domain's copies of the features", domain_copies=True),
}
"""Fixed before measuring (commit message of model/realcv.py). Not a variant: thresholds chosen on
the out-of-fold real predictions with the same floors, since every decisive threshold is already at
its floor (0.30): such thresholds could only go up, trading recall away."""


@dataclass(frozen=True)
class Real:
    """A real sentence trained on, with what a page-grouped fold and a context feature need."""

    row: tuple  # train.py's row: (lang, kind, folded text, roles, bucket)
    url: str
    first: bool
    last: bool


def real_sentences() -> list[Real]:
    """The rows of train.load_public_rows, in its order, with their page and place in the body."""
    allowed = T.public_messages()
    sentences = load_gold(T.PUBLIC_ROLES)
    rows = T.load_public_rows()
    out, i = [], 0
    for m in allowed:
        sents = sentences.get(m["id"], [])
        for n, s in enumerate(sents):
            if s["roles"].strip() == UNLABELLED:
                continue
            out.append(Real(rows[i], m["url"], n == 0, n == len(sents) - 1))
            i += 1
    if i != len(rows):
        raise RuntimeError("real sentences differ from train.load_public_rows")
    return out


def folds(reals: list[Real], k: int = FOLDS) -> list[int]:
    """Each real sentence's fold: whole pages, the largest first, each to the lightest fold."""
    size: dict[str, int] = {}
    for r in reals:
        size[r.url] = size.get(r.url, 0) + 1
    load = [0] * k
    of: dict[str, int] = {}
    for url in sorted(size, key=lambda u: (-size[u], u)):
        f = min(range(k), key=lambda j: (load[j], j))
        of[url] = f
        load[f] += size[url]
    return [of[r.url] for r in reals]


def copies(text: str, kind: str, variant: Variant) -> list[str]:
    """Variant (f): the real domain's copy of each feature of a sentence."""
    if not variant.domain_copies:
        return []
    return ["r:" + f for f in features(text, T._kind(kind))]


def extras(real: Real | None, variant: Variant) -> list[str]:
    if real is None:
        return []
    out = copies(real.row[2], real.row[1], variant)
    if variant.position:
        out += (["o:first"] if real.first else []) + (["o:last"] if real.last else [])
    return out


def boost(variant: Variant) -> list[float] | None:
    """train.train's per-role weight of positive rows: the variant's on the decisive roles."""
    if variant.pos_weight == 1.0:
        return None
    return [variant.pos_weight if role in T.DECISIVE else 1.0 for role in ROLES]


def score(bias, rows, feats):
    """RoleModel.scores on the integer weights (the shipped model's arithmetic), extras included."""
    z = [v / SCALE for v in bias]
    for f in dict.fromkeys(feats):
        row = rows.get(f)
        if row:
            for j in range(0, len(row), 2):
                z[row[j]] += row[j + 1] / SCALE
    return [T.roles_module._sigmoid(v) for v in z]


def run_job(job):
    """One training of one variant: thresholds ('thr'), the whole model ('full') or a fold."""
    key, what = job
    v = VARIANTS[key]
    corpus = T.load_corpus()
    reals = real_sentences()
    fold_of = folds(reals)
    train_c = [r for r in corpus if r[4] not in T.HELD_OUT]
    held = [r for r in corpus if r[4] in T.HELD_OUT]
    if what == "thr":
        fit_c = [r for r in train_c if r[4] not in T.VALIDATION]
        val = [r for r in train_c if r[4] in T.VALIDATION]
        rows = fit_c + [r.row for r in reals]
        extra = [[]] * len(fit_c) + [extras(r, v) for r in reals]
    elif what == "full":
        rows = train_c + [r.row for r in reals]
        extra = [[]] * len(train_c) + [extras(r, v) for r in reals]
    else:
        k = int(what)
        kept = [r for r, f in zip(reals, fold_of, strict=True) if f != k]
        rows = train_c + [r.row for r in kept]
        extra = [[]] * len(train_c) + [extras(r, v) for r in kept]
    repeats = [v.public_weight if r[4] == T.PUBLIC_BUCKET else 1 for r in rows]
    start = time.perf_counter()
    xs, ys, vocab = T.vectorise(rows, extra=extra)
    b, w = T.train(xs, ys, len(vocab), repeats=repeats, boost=boost(v))
    seconds = time.perf_counter() - start
    if what == "thr":
        vx, vy, _ = T.vectorise(val, vocab, extra=[copies(r[2], r[1], v) for r in val])
        return key, what, seconds, T.best_thresholds([T.predict(b, w, x) for x in vx], vy)
    bias, weights = T.quantise(b, w, vocab)
    if what == "full":
        header = {
            "schema": MODEL_SCHEMA,
            "roles": list(ROLES),
            "inputs_sha256": "",
            "sentences": {"train": len(rows), "held_out": len(held)},
            "thresholds": [0] * len(ROLES),
            "bias": bias,
        }
        size = len(gzip.compress(pack_model(header, weights), 9))
        probs = [
            score(bias, weights, features(t, T._kind(kd)) + copies(t, kd, v))
            for _, kd, t, _, _ in held
        ]
        return key, what, seconds, (probs, size, len(weights))
    k = int(what)
    out = []
    for i, (r, f) in enumerate(zip(reals, fold_of, strict=True)):
        if f == k:
            _, kd, t, _, _ = r.row
            out.append((i, score(bias, weights, features(t, T._kind(kd)) + extras(r, v))))
    return key, what, seconds, out


def figures(probs, labels, thresholds, roles=ROLES):
    """Per role: support, tp, predicted; over `labels` (sets of roles)."""
    out = {}
    for role in roles:
        r = ROLES.index(role)
        t = thresholds[r]
        tp = sum(1 for p, y in zip(probs, labels, strict=True) if p[r] >= t and role in y)
        pred = sum(1 for p in probs if p[r] >= t)
        sup = sum(1 for y in labels if role in y)
        out[role] = (sup, tp, pred)
    return out


def print_misses(reals, probs, thresholds) -> None:
    """The decisive roles each real sentence misses (-) or is wrongly given (+), out of fold, with
    the probability: what the corpus does not teach yet. Write new corpus sentences from what the
    misses have in common and from the labelling guide, never copying one."""
    for real, p in zip(reals, probs, strict=True):
        marks = []
        for role in T.DECISIVE:
            r = ROLES.index(role)
            found, gold = p[r] >= thresholds[r], role in real.row[3]
            if found != gold:
                marks.append(f"{'-' if gold else '+'}{role} {p[r]:.2f}")
        if marks:
            print(f"    {', '.join(marks):28} [{real.row[1]}] {real.row[2]}")


BINS = (0.05, 0.15)


def below(probs, labels, thresholds) -> str:
    """Where the decisive roles' out-of-fold probabilities sit below the threshold: the missed
    positives, and the negatives in the same bins (what a lower threshold would also take). Only
    a diagnostic: thresholds are not chosen on real sentences (see VARIANTS)."""
    edges = (0.0, *BINS)
    miss = [0] * len(edges)
    neg = [0] * len(edges)
    for role in T.DECISIVE:
        r = ROLES.index(role)
        for p, y in zip(probs, labels, strict=True):
            if p[r] >= thresholds[r]:
                continue
            j = max(i for i, e in enumerate(edges) if p[r] >= e)
            (miss if role in y else neg)[j] += 1
    tops = [*BINS, "threshold"]
    cells = [
        f"[{e}, {t}) {m} missed / {n} negatives"
        for e, t, m, n in zip(edges, tops, miss, neg, strict=True)
    ]
    return "below the threshold, decisive (sentence, role) pairs: " + "; ".join(cells)


def ratio(a, b):
    return a / b if b else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, e.g. a,c")
    ap.add_argument("--jobs", type=int, default=2, help="trainings at a time (default 2)")
    ap.add_argument(
        "--misses",
        action="store_true",
        help="list the real sentences whose decisive roles are missed or found wrongly out of fold "
        "(development sentences of the trained rounds, already trained on: never the test split)",
    )
    args = ap.parse_args(argv)
    keys = [k.strip() for k in args.variants.split(",") if k.strip()]
    if unknown := set(keys) - set(VARIANTS):
        ap.error(f"unknown variant(s) {sorted(unknown)}; known: {', '.join(VARIANTS)}")
    reals = real_sentences()
    fold_of = folds(reals)
    labels = [r.row[3] for r in reals]
    held = [r for r in T.load_corpus() if r[4] in T.HELD_OUT]
    held_labels = [r[3] for r in held]
    sizes = [sum(1 for f in fold_of if f == k) for k in range(FOLDS)]
    pages = [
        len({r.url for r, f in zip(reals, fold_of, strict=True) if f == k}) for k in range(FOLDS)
    ]
    digest = hashlib.sha256(repr([(r.url, sorted(r.row[3]), r.row[2]) for r in reals]).encode())
    print(
        f"real sentences: {len(reals)} from {len({r.url for r in reals})} pages "
        f"(dev, rounds 1-{T.PUBLIC_MAX_ROUND}; sha256 {digest.hexdigest()[:12]}); "
        f"{FOLDS} folds by page: sentences {sizes}, pages {pages}"
    )
    jobs = [(k, w) for k in keys for w in ("thr", "full", *map(str, range(FOLDS)))]
    results: dict[str, dict[str, object]] = {k: {} for k in keys}
    seconds: dict[str, float] = {k: 0.0 for k in keys}
    start = time.perf_counter()
    with Pool(args.jobs) as pool:
        for key, what, secs, out in pool.imap_unordered(run_job, jobs):
            results[key][what] = out
            seconds[key] += secs
            print(
                f"  [{time.perf_counter() - start:6.0f} s] {key} {what}: {secs:.0f} s", flush=True
            )
    summary = []
    for key in keys:
        v, res = VARIANTS[key], results[key]
        thresholds = res["thr"]
        oof: list[list[float] | None] = [None] * len(reals)
        for k in range(FOLDS):
            for i, p in res[str(k)]:
                oof[i] = p
        assert all(p is not None for p in oof)
        probs, size, n_feats = res["full"]
        print(f"\n=== ({key}) {v.name}: {seconds[key]:.0f} s of training ===")
        print(
            "thresholds: "
            + ", ".join(f"{r} {t:.2f}" for r, t in zip(ROLES, thresholds, strict=True))
        )
        real_fig = figures(oof, labels, thresholds)
        held_fig = figures(probs, held_labels, thresholds)
        print(
            f"{'role':12} {'real: n':>7} {'P':>5} {'R':>5}   {'held-out: n':>11} {'P':>5} {'R':>5}"
        )
        order = list(T.DECISIVE) + [r for r in ROLES if r not in T.DECISIVE]
        for i, role in enumerate(order):
            if i == len(T.DECISIVE):
                print("-" * 58)
            s, tp, pr = real_fig[role]
            hs, htp, hpr = held_fig[role]
            print(
                f"{role:12} {s:7} {ratio(tp, pr):5.2f} {ratio(tp, s):5.2f}   "
                f"{hs:11} {ratio(htp, hpr):5.2f} {ratio(htp, hs):5.2f}"
            )
        sup = sum(real_fig[r][0] for r in T.DECISIVE)
        tp = sum(real_fig[r][1] for r in T.DECISIVE)
        pr = sum(real_fig[r][2] for r in T.DECISIVE)
        held_min = min(ratio(held_fig[r][1], held_fig[r][0]) for r in T.DECISIVE)
        f1s = []
        for role in ROLES:
            s_, tp_, pr_ = held_fig[role]
            p_, r_ = ratio(tp_, pr_), ratio(tp_, s_)
            f1s.append(2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0)
        macro = sum(f1s) / len(f1s)
        print(
            f"out-of-fold real, decisive pooled: recall {ratio(tp, sup):.3f} ({tp}/{sup}), "
            f"precision {ratio(tp, pr):.3f} ({tp}/{pr})"
        )
        print("  " + below(oof, labels, thresholds))
        if args.misses:
            print_misses(reals, oof, thresholds)
        print(
            f"held-out corpus: macro-F1 {macro:.3f}; lowest decisive recall {held_min:.3f}; "
            f"model {n_feats} features, {size / 1024:.1f} KiB gzipped"
        )
        summary.append((key, v.name, ratio(tp, sup), ratio(tp, pr), held_min, macro, size))
    print("\n=== summary (real: out-of-fold, decisive roles pooled) ===")
    print(
        f"{'variant':44} {'real R':>6} {'real P':>6} {'held min R':>10} {'macro':>6} {'KiB gz':>6}"
    )
    for key, name, rec, prec, hmin, macro, size in summary:
        print(
            f"({key}) {name:40} {rec:6.3f} {prec:6.3f} {hmin:10.3f} {macro:6.3f} {size / 1024:6.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
