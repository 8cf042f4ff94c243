"""model/realcv.py: the cross-validation of the role model on real sentences (issue 16).

What these check without training on the whole corpus (that takes minutes: `make realcv`): the
folds keep each page whole and are the same from run to run; the real sentences are exactly the
ones `make model` trains on (so the test split and later rounds never reach a fold); a variant
without extra features or weights vectorises and trains exactly as train.py does; and the class
weight and the place-in-the-body features do what they say.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "model"))
import realcv  # noqa: E402
import train  # noqa: E402

from checker.folding import fold_fast  # noqa: E402
from checker.roles import ROLES  # noqa: E402


def test_real_sentences_are_those_make_model_trains_on() -> None:
    reals = realcv.real_sentences()
    assert [r.row for r in reals] == train.load_public_rows()
    # Every one comes from a dev message of a trained round (the loader's own rule).
    allowed = {m["url"] for m in train.public_messages()}
    assert {r.url for r in reals} <= allowed


def test_folds_keep_pages_whole_balanced_and_deterministic() -> None:
    reals = realcv.real_sentences()
    folds = realcv.folds(reals)
    assert folds == realcv.folds(reals)
    assert set(folds) == set(range(realcv.FOLDS))
    fold_of_page: dict[str, int] = {}
    for r, f in zip(reals, folds, strict=True):
        assert fold_of_page.setdefault(r.url, f) == f, f"{r.url} is on both sides"
    sizes = [folds.count(k) for k in range(realcv.FOLDS)]
    assert max(sizes) - min(sizes) <= max(sum(1 for r in reals if r.url == u) for u in fold_of_page)


def test_folds_of_synthetic_pages() -> None:
    def real(url: str) -> realcv.Real:
        return realcv.Real(("en", "request", "x", frozenset(), "p"), url, True, True)

    reals = [real("a")] * 4 + [real("b")] * 3 + [real("c")] * 2 + [real("d")]
    assert realcv.folds(reals, k=2) == [0] * 4 + [1] * 3 + [1] * 2 + [0]


def _rows():
    texts = [
        ("Could we talk for twenty minutes next week?", {"ask", "timebox"}),
        ("We are torn between hiring and outsourcing.", {"purpose"}),
        ("Marc, my former manager, suggested I write.", {"link"}),
        ("I hope you are well.", {"filler"}),
    ] * 3
    return [("en", "request", fold_fast(t), frozenset(r), "5") for t, r in texts]


def test_extra_features_are_added_to_the_rows_own() -> None:
    rows = _rows()
    plain = train.vectorise(rows)
    assert train.vectorise(rows, extra=[[]] * len(rows)) == plain
    xs, _, vocab = train.vectorise(rows, extra=[["o:first"]] * len(rows))
    assert "o:first" in vocab and all(vocab["o:first"] in x for x in xs)
    assert set(vocab) - {"o:first"} == set(plain[2])


def test_the_class_weight_is_on_decisive_roles_only() -> None:
    assert realcv.boost(realcv.VARIANTS["a"]) is None
    weights = realcv.boost(realcv.VARIANTS["c"])
    assert weights is not None
    assert {r for r, w in zip(ROLES, weights, strict=True) if w != 1.0} == set(train.DECISIVE)


def test_a_class_weight_raises_decisive_probabilities_only() -> None:
    rows = _rows()
    xs, ys, vocab = train.vectorise(rows)
    ones = [1] * len(rows)
    plain = train.train(xs, ys, len(vocab), repeats=ones)
    assert train.train(xs, ys, len(vocab), repeats=ones, boost=[1.0] * len(ROLES)) == plain
    boosted = train.train(
        xs, ys, len(vocab), repeats=ones, boost=realcv.boost(realcv.VARIANTS["c"])
    )
    purpose, filler = ROLES.index("purpose"), ROLES.index("filler")
    x = xs[1]  # the purpose sentence
    assert train.predict(*boosted, x)[purpose] > train.predict(*plain, x)[purpose]
    assert train.predict(*boosted, xs[3])[filler] == train.predict(*plain, xs[3])[filler]


def test_place_features_only_in_the_variant_that_asks_for_them() -> None:
    first = realcv.Real(("en", "request", "x", frozenset(), "p"), "u", True, False)
    both = realcv.Real(("en", "request", "x", frozenset(), "p"), "u", True, True)
    assert realcv.extras(first, realcv.VARIANTS["a"]) == []
    assert realcv.extras(first, realcv.VARIANTS["d"]) == ["o:first"]
    assert realcv.extras(both, realcv.VARIANTS["d"]) == ["o:first", "o:last"]
    assert realcv.extras(None, realcv.VARIANTS["d"]) == []


def test_domain_copies_only_in_variant_f_and_for_every_feature() -> None:
    """(f): a real sentence carries an "r:" copy of each of its features, and so does every
    sentence predicted or validated in that variant; no other variant has them."""
    text = "could i ask you how you priced your first contract?"
    real = realcv.Real(("en", "request", text, frozenset({"purpose"}), "p"), "u", True, True)
    plain = realcv.features(text, "request")
    copied = realcv.extras(real, realcv.VARIANTS["f"])
    assert copied == ["r:" + f for f in plain] and plain
    assert realcv.copies(text, "any", realcv.VARIANTS["f"]) == copied  # "any" reads as a request
    for key in "abcde":
        assert realcv.extras(real, realcv.VARIANTS[key]) == (
            [] if key != "d" else ["o:first", "o:last"]
        )
        assert realcv.copies(text, "request", realcv.VARIANTS[key]) == []


def test_score_is_the_shipped_models_arithmetic() -> None:
    from checker.roles import RoleModel

    rows = _rows()
    xs, ys, vocab = train.vectorise(rows)
    b, w = train.train(xs, ys, len(vocab), repeats=[1] * len(rows))
    bias, weights = train.quantise(b, w, vocab)
    model = RoleModel(
        roles=ROLES,
        bias=tuple(v / 1000 for v in bias),
        weights=weights,  # type: ignore[arg-type]
        thresholds=(0.5,) * len(ROLES),
        digest="",
    )
    for _, kind, text, _, _ in rows:
        feats = realcv.features(text, kind)
        assert tuple(realcv.score(bias, weights, feats)) == model.scores(text, kind)


def test_misses_list_decisive_errors_only(capsys: pytest.CaptureFixture[str]) -> None:
    def real(text: str, roles: set[str]) -> realcv.Real:
        return realcv.Real(("en", "request", text, frozenset(roles), "p"), "u", True, True)

    thresholds = [0.3] * len(ROLES)
    purpose, link, who = (ROLES.index(r) for r in ("purpose", "link", "who"))
    probs = [[0.0] * len(ROLES) for _ in range(3)]
    probs[0][purpose] = 0.1  # missed
    probs[1][link] = 0.9  # found wrongly
    probs[2][who] = 0.9  # a non-decisive error: not listed
    reals = [real("missed one", {"purpose"}), real("wrong one", set()), real("who one", set())]
    realcv.print_misses(reals, probs, thresholds)
    out = capsys.readouterr().out
    assert "-purpose 0.10" in out and "missed one" in out
    assert "+link 0.90" in out and "wrong one" in out
    assert "who one" not in out
