"""benchmarks/judgement.py's error-analysis views: the per-rule table and the dev-only guard."""

from __future__ import annotations

import json

import pytest
from bench_scripts import load_script

from checker import default_rubric


def test_rule_table_counts_failures_and_lift() -> None:
    j = load_script("judgement")

    def g(verdict: str, failed: tuple[str, ...], cap: str = "") -> object:
        return j.Graded("x", "en", "ask", verdict, "", "dev", 50, "needs-work", failed, cap)

    graded = [
        g("good", ("ask-forwardable",), "ask-forwardable"),
        g("good", ()),
        g("bad", ("ask-forwardable", "why-them")),
        g("bad", ("ask-forwardable",)),
    ]
    rows = {r["rule"]: r for r in j.rule_table(graded, default_rubric()) if r["kind"] == "ask"}
    fwd = rows["ask-forwardable"]
    assert (fwd["fail_good"], fwd["good"], fwd["fail_bad"], fwd["bad"]) == (1, 2, 2, 2)
    assert fwd["lift"] == pytest.approx(0.5)
    assert fwd["capped_good"] == 1
    assert rows["why-them"]["lift"] == pytest.approx(0.5)
    assert rows["greeting"]["lift"] == 0.0
    assert "intro-consent" not in rows  # an intro rule has no row for asks


def test_lost_pairs_group_the_wrongly_ranked_pairs_by_band() -> None:
    j = load_script("judgement")

    def g(verdict: str, score: int, band: str, cap: str = "") -> object:
        return j.Graded("x", "en", "request", verdict, "", "test", score, band, (), cap)

    graded = [
        g("good", 35, "not-ready", "no-placeholder"),  # a template, capped by its placeholders
        g("good", 80, "ready"),
        g("bad", 60, "needs-work"),
        g("bad", 35, "not-ready"),  # ties the template: half a pair
    ]
    pairs, groups = j.lost_pairs(graded)
    assert pairs == 4
    assert groups == [("template", "needs-work", 1.0), ("template", "not-ready", 0.5)]


def test_error_analysis_refuses_the_test_split(capsys: pytest.CaptureFixture[str]) -> None:
    j = load_script("judgement")
    for option in ("--rules", "--list", "--ablate"):
        with pytest.raises(SystemExit):
            j.main([option, "--split", "test"])
        assert "dev split only" in capsys.readouterr().err


def test_since_round_keeps_the_later_rounds_only(capsys: pytest.CaptureFixture[str]) -> None:
    j = load_script("judgement")
    public = j.load_public()
    last = max(m["round"] for m in public)
    expected = sum(1 for m in public if m["split"] == "dev" and m["round"] >= last)
    assert 0 < expected < sum(1 for m in public if m["split"] == "dev")
    j.main(["--split", "dev", "--since-round", str(last), "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"name": "public.dev.n", "value": expected, "unit": "messages", "target": None} in lines
    with pytest.raises(SystemExit):
        j.main(["--since-round", str(last + 1)])
    assert "no message from round" in capsys.readouterr().err


def test_length_alone_is_reported_beside_the_score() -> None:
    """`auc_words` ranks the messages by their length alone: the baseline the score must beat."""
    j = load_script("judgement")

    def g(verdict: str, score: int, words: int) -> object:
        return j.Graded("x", "en", "ask", verdict, "", "dev", score, "needs-work", (), "", words)

    # The score orders good above bad; length orders them the other way.
    f = j.figures([g("good", 80, 10), g("good", 70, 20), g("bad", 30, 90), g("bad", 20, 60)])
    assert f["auc"] == 1.0
    assert f["auc_words"] == 0.0


def test_gold_roles_grade_with_the_labels_and_never_list_the_test_split(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--gold-roles` swaps the model's reading for the labels; on the test split it gives only
    the aggregate (the per-message views refuse test), and one split at a time."""
    j = load_script("judgement")
    from benchmarks.gold_roles import gold_roles_for, load_labels
    from checker import grade

    labels = load_labels()
    dev = [m for m in j.load_public() if m["split"] == "dev" and labels.get(m["id"])]
    changed = 0
    for m in dev:
        with gold_roles_for(m["id"], labels):
            gold = grade(m["text"], kind=m["kind"], lang=m["lang"])
        model = grade(m["text"], kind=m["kind"], lang=m["lang"])
        wanted = {frozenset(v) for v in labels[m["id"]].values()}
        got = {frozenset(r.role for r in s.roles) for s in gold.sentences if s.part == "body"}
        assert got <= wanted | {frozenset()}  # every body sentence carries its labelled roles
        changed += gold.to_dict() != model.to_dict()
    assert changed  # the labels are read: some reports differ from the model's
    with pytest.raises(SystemExit):
        j.main(["--gold-roles", "--split", "test", "--list"])
    assert "read the dev split only" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        j.main(["--gold-roles"])
    assert "one split at a time" in capsys.readouterr().err


def test_ablation_disables_one_rule_at_a_time() -> None:
    """`--ablate`: the first row is the AUC as shipped, then one row per rule; disabling the
    placeholder rule grades a template as if filled in, as `--templates-as-filled` does."""
    j = load_script("judgement")
    messages = [
        {
            "id": "g",
            "lang": "en",
            "kind": "request",
            "verdict": "good",
            "pair": "",
            "split": "dev",
            "text": "Hello [Name], I'm moving into data work and would like to understand how your "
            "team hires juniors. Could we talk for 20 minutes? Thanks, Sam",
        },
        {
            "id": "b",
            "lang": "en",
            "kind": "request",
            "verdict": "bad",
            "pair": "",
            "split": "dev",
            "text": "Hi, I'm open to opportunities. Thx",
        },
    ]
    rows = dict(j.ablation(messages))
    assert [r for r, _ in j.ablation(messages)][1:] == [r.id for r in default_rubric().rules]
    assert rows[""] == 1.0  # even capped at 39, the template scores above the empty note
    assert rows["no-placeholder"] == 1.0
    assert "no-placeholder" not in {r.id for r in j.without("no-placeholder").rules}
    graded = {g.id: g.score for g in j.grade_public(messages)}
    ablated = {g.id: g.score for g in j.grade_public(messages, j.without("no-placeholder"))}
    assert ablated["g"] > graded["g"] and ablated["b"] == graded["b"]
