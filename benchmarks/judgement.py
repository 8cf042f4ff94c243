"""How well does the checker judge messages nobody on the team wrote? Scores the public set.

The public set (``tests/corpus/public.toml``, described in ``tests/corpus/PUBLIC.md``) holds
networking messages quoted on public pages, each with the page's own verdict: ``good`` or
``bad``, and before/after rewrites sharing a ``pair`` id. Every message is graded with
``checker.grade(text, kind=kind, lang=lang)``; for each split (``dev``, ``test``) and overall,
in all and per language, this reports:

- ``n``: messages (good / bad);
- ``auc``: how often a good message scores above a bad one (Mann-Whitney; a tie counts half),
  with its 95 % bootstrap interval (benchmarks/intervals.py: what a set this small can say);
- ``good_ready``: share of good messages graded ``ready``;
- ``bad_not_ready``: share of bad messages graded anything but ``ready``;
- ``pairs_up``: share of before/after pairs whose ``after`` scores strictly higher;
- ``mean_good``, ``mean_bad``: mean score of the good and of the bad messages.

It also reports, for the team's corpus (``tests/corpus/labelled.toml``), the share of drafts in
their expected band and of revision pairs that score higher.

Nobody tunes the checker on the test split: its figures are reported as they come.

    python benchmarks/judgement.py                 # dev, test and all, readable
    python benchmarks/judgement.py --split test    # one split
    python benchmarks/judgement.py --json          # {"name", "value", "unit", "target"} lines
    python benchmarks/judgement.py --split dev --kinds   # the same figures per message kind too
    python benchmarks/judgement.py --rules         # dev only: how often each rule fails good vs bad
    python benchmarks/judgement.py --list          # dev only: every message's score, band, failures
    python benchmarks/judgement.py --ablate        # dev only: the AUC with each rule disabled
    python benchmarks/judgement.py --split dev --lost   # where the AUC is lost, by band
    python benchmarks/judgement.py --split dev --since-round 3   # only rounds 3 and later

Every message has the collection ``round`` it came in (tests/corpus/PUBLIC.md). A change tuned on
the dev messages it can see is checked, before it is kept, on the dev messages of a round that
came in after it (``--split dev --since-round N``): the test split is not the place to find out.

`--rules` and `--list` are the error-analysis views, and read the dev split only (they refuse
`--split test`): a rule that fails good and bad messages alike carries no signal but costs points.
`--ablate` (dev only too) grades the dev messages once per rule with that rule disabled, as a
trainer's rubric would (`disable = [...]`), and prints the rules whose absence moves the AUC: what
each rule costs or earns on messages the team has already read, not a measure of judgement.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.gold_roles import gold_roles_for, load_labels  # noqa: E402
from benchmarks.intervals import auc_interval, ranked_auc, span  # noqa: E402
from benchmarks.public_set import SPLITS, add_since_round, load_public, since_round  # noqa: E402
from checker import KINDS, Rubric, default_rubric, grade, load_rubric  # noqa: E402
from checker import LANGS as CHECKER_LANGS  # noqa: E402

LABELLED = ROOT / "tests" / "corpus" / "labelled.toml"
LANGS = tuple(sorted(CHECKER_LANGS))  # en, then fr: the order the tables are printed in
# The targets of issue 16 ("judgement that generalises"); figures are reported, never asserted.
TARGET_AUC = ">= 0.90"
TARGET_TEAM = ">= 0.95"


@dataclass(frozen=True)
class Graded:
    id: str
    lang: str
    kind: str
    verdict: str
    pair: str
    split: str
    score: int
    band: str
    failed: tuple[str, ...] = ()  # the rules not fully met (the report's findings)
    cap: str = ""  # the rule (or criterion) whose ceiling lowered the score, if any
    words: int = 0  # the message's length in words: the baseline any judgement must beat


def without(rule_id: str, base: Rubric | None = None, name: str = "") -> Rubric:
    """The default rubric (or `base`) with one rule disabled, as a trainer's file would do it."""
    return load_rubric(
        f'name = "{name or "without-" + rule_id}"\nextends = "default"\ndisable = ["{rule_id}"]\n',
        source="benchmarks/judgement.py",
        base=base or default_rubric(),
    )


TEMPLATES_AS_FILLED = without("no-placeholder", name="templates-as-filled")
"""Many pages' good examples are templates that keep "[Name]": the page judges what the message says
once filled in. `--templates-as-filled` grades every message (good and bad alike) without the
placeholder rule, so that the figure measures content; the default grades the text as quoted."""


def grade_public(
    messages: list[dict], rubric: Rubric | None = None, gold_roles: bool = False
) -> list[Graded]:
    """Grade each message; with `gold_roles`, by its labelled roles (benchmarks/gold_roles.py)."""
    labels = load_labels() if gold_roles else {}
    out = []
    for m in messages:
        with gold_roles_for(m["id"], labels) if gold_roles else nullcontext():
            report = grade(m["text"], kind=m["kind"], lang=m["lang"], rubric=rubric)
        out.append(
            Graded(
                m["id"],
                m["lang"],
                m["kind"],
                m["verdict"],
                m["pair"],
                m["split"],
                report.score,
                report.band,
                tuple(sorted(f.rule for f in report.findings)),
                report.cap.rule if report.cap is not None else "",
                len(m["text"].split()),
            )
        )
    return out


def auc(good: list[int], bad: list[int]) -> float | None:
    """Probability that a good message outscores a bad one; ties count half (Mann-Whitney U).
    One computation for the figure and its bootstrap interval (intervals.ranked_auc)."""
    if not good or not bad:
        return None
    return ranked_auc(good, bad)


def share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def pairs_of(graded: list[Graded]) -> list[tuple[Graded, Graded]]:
    """(before, after) for every pair id with one bad (before) and one good (after) message."""
    by_pair: dict[str, list[Graded]] = {}
    for g in graded:
        if g.pair:
            by_pair.setdefault(g.pair, []).append(g)
    out = []
    for members in by_pair.values():
        before = [g for g in members if g.verdict == "bad"]
        after = [g for g in members if g.verdict == "good"]
        if len(before) == 1 and len(after) == 1:
            out.append((before[0], after[0]))
    return out


def figures(graded: list[Graded]) -> dict:
    good = [g.score for g in graded if g.verdict == "good"]
    bad = [g.score for g in graded if g.verdict == "bad"]
    pairs = pairs_of(graded)
    return {
        "n": len(graded),
        "n_good": len(good),
        "n_bad": len(bad),
        "auc": auc(good, bad),
        "auc_ci": auc_interval(good, bad),
        # The same AUC for the message's length alone: what the checker adds over "longer is
        # better" (good examples on public pages are often longer than bad ones).
        "auc_words": auc(
            [g.words for g in graded if g.verdict == "good"],
            [g.words for g in graded if g.verdict == "bad"],
        ),
        "good_ready": share(
            sum(1 for g in graded if g.verdict == "good" and g.band == "ready"), len(good)
        ),
        "bad_not_ready": share(
            sum(1 for g in graded if g.verdict == "bad" and g.band != "ready"), len(bad)
        ),
        "pairs": len(pairs),
        "pairs_up": share(sum(1 for b, a in pairs if a.score > b.score), len(pairs)),
        "mean_good": mean(good),
        "mean_bad": mean(bad),
    }


def public_table(
    graded: list[Graded], splits: tuple[str, ...], kinds: bool = False
) -> list[tuple[str, dict]]:
    """Rows (label, figures) for each requested split and language (and kind, with `kinds`)."""
    rows = []
    for split in splits:
        subset = graded if split == "all" else [g for g in graded if g.split == split]
        rows.append((f"{split}", figures(subset)))
        for lang in LANGS:
            rows.append((f"{split}.{lang}", figures([g for g in subset if g.lang == lang])))
        if kinds:
            for kind in KINDS:
                rows.append((f"{split}.{kind}", figures([g for g in subset if g.kind == kind])))
    return rows


def rule_table(graded: list[Graded], rubric: Rubric) -> list[dict]:
    """Per kind and rule: how many good and bad messages the rule applies to and does not fully
    meet (a finding: failed, or partly met, such as a way out offered only as a question).

    `lift` is the share of bad messages it fails minus the share of good ones: near 0, the rule
    says nothing about the page's verdict; negative, it fails good messages more than bad ones."""
    rows = []
    for kind in KINDS:
        of_kind = [g for g in graded if g.kind == kind]
        for rule in rubric.rules:
            if kind not in rule.applies_to:
                continue
            good = [g for g in of_kind if g.verdict == "good" and g.lang in rule.langs]
            bad = [g for g in of_kind if g.verdict == "bad" and g.lang in rule.langs]
            if not good and not bad:
                continue
            fail_good = sum(1 for g in good if rule.id in g.failed)
            fail_bad = sum(1 for g in bad if rule.id in g.failed)
            capped = sum(1 for g in good if g.cap == rule.id)
            rows.append(
                {
                    "kind": kind,
                    "rule": rule.id,
                    "good": len(good),
                    "bad": len(bad),
                    "fail_good": fail_good,
                    "fail_bad": fail_bad,
                    "capped_good": capped,
                    "lift": (fail_bad / len(bad) if bad else 0.0)
                    - (fail_good / len(good) if good else 0.0),
                }
            )
    return rows


def print_rules(rows: list[dict]) -> None:
    print(
        f"{'kind':<8} {'rule':<26} {'fails good':>11} {'fails bad':>10} {'lift':>6} "
        f"{'caps good':>10}"
    )
    for r in rows:
        print(
            f"{r['kind']:<8} {r['rule']:<26} {r['fail_good']:>4} of {r['good']:<4} "
            f"{r['fail_bad']:>3} of {r['bad']:<4} {r['lift']:>+6.2f} {r['capped_good']:>10}"
        )


def print_list(graded: list[Graded]) -> None:
    for g in sorted(graded, key=lambda g: (g.kind, g.verdict, -g.score)):
        cap = f" cap={g.cap}" if g.cap else ""
        print(
            f"{g.kind:<8} {g.verdict:<4} {g.score:>3} {g.band:<10} {g.id}{cap}\n"
            f"{'':<14}fails: {', '.join(g.failed) or '-'}"
        )


def team_corpus(path: Path = LABELLED) -> dict:
    """Share of the team's drafts in their expected band, and of revisions that score higher."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    drafts = data.get("draft", [])
    in_band = sum(
        1 for d in drafts if grade(d["text"], kind=d["kind"], lang=d["lang"]).band == d["expect"]
    )
    pairs = data.get("pair", [])
    up = sum(
        1
        for p in pairs
        if grade(p["after"], kind=p["kind"], lang=p["lang"]).score
        > grade(p["before"], kind=p["kind"], lang=p["lang"]).score
    )
    return {
        "drafts": len(drafts),
        "in_band": share(in_band, len(drafts)),
        "pairs": len(pairs),
        "pairs_up": share(up, len(pairs)),
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _num(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def print_readable(rows: list[tuple[str, dict]], team: dict) -> None:
    head = (
        "set",
        "n (good/bad)",
        "AUC",
        "95% CI",
        "words",
        "good ready",
        "bad not ready",
        "pairs up",
        "mean g/b",
    )
    print(
        f"{head[0]:<11} {head[1]:>13} {head[2]:>6} {head[3]:>9} {head[4]:>6} {head[5]:>11} "
        f"{head[6]:>14} {head[7]:>12} {head[8]:>12}"
    )
    for label, f in rows:
        counts = f"{f['n']} ({f['n_good']}/{f['n_bad']})"
        pairs = f"{_pct(f['pairs_up'])} of {f['pairs']}" if f["pairs"] else "–"
        means = f"{_num(f['mean_good'], 1)}/{_num(f['mean_bad'], 1)}"
        print(
            f"{label:<11} {counts:>13} {_num(f['auc'], 3):>6} {span(f['auc_ci']):>9} "
            f"{_num(f['auc_words'], 3):>6} "
            f"{_pct(f['good_ready']):>11} "
            f"{_pct(f['bad_not_ready']):>14} {pairs:>12} {means:>12}"
        )
    print(
        f"\nteam corpus (tests/corpus/labelled.toml): {_pct(team['in_band'])} of "
        f"{team['drafts']} drafts in their expected band; {_pct(team['pairs_up'])} of "
        f"{team['pairs']} revisions score higher"
    )


def json_lines(rows: list[tuple[str, dict]], team: dict) -> list[dict]:
    out = []
    for label, f in rows:
        for key, unit in (
            ("n", "messages"),
            ("auc", "ratio"),
            ("auc_words", "ratio"),
            ("good_ready", "ratio"),
            ("bad_not_ready", "ratio"),
            ("pairs_up", "ratio"),
            ("mean_good", "score"),
            ("mean_bad", "score"),
        ):
            if f[key] is None:
                continue
            target = TARGET_AUC if key == "auc" and label in ("test", "all") else None
            out.append(
                {"name": f"public.{label}.{key}", "value": f[key], "unit": unit, "target": target}
            )
            if key == "auc" and f["auc_ci"] is not None:
                for end, value in zip(("low", "high"), f["auc_ci"], strict=True):
                    out.append(
                        {
                            "name": f"public.{label}.auc_95_{end}",
                            "value": value,
                            "unit": unit,
                            "target": None,
                        }
                    )
    out.append(
        {"name": "team.in_band", "value": team["in_band"], "unit": "ratio", "target": TARGET_TEAM}
    )
    out.append(
        {"name": "team.pairs_up", "value": team["pairs_up"], "unit": "ratio", "target": None}
    )
    return out


def ablation(messages: list[dict], base: Rubric | None = None) -> list[tuple[str, float | None]]:
    """("", AUC as shipped), then (rule id, AUC with that rule disabled) for every rule of `base`
    (the default rubric), in the rubric's order."""
    base = base or default_rubric()

    def auc_of(rubric: Rubric) -> float | None:
        return figures(grade_public(messages, rubric))["auc"]

    return [("", auc_of(base))] + [(r.id, auc_of(without(r.id, base))) for r in base.rules]


def print_ablation(rows: list[tuple[str, float | None]], threshold: float = 0.004) -> None:
    shipped = rows[0][1]
    print(f"{'as shipped':32} {_num(shipped, 3)}")
    for rule, value in rows[1:]:
        if value is None or shipped is None:
            continue
        if abs(value - shipped) >= threshold:
            print(f"{'without ' + rule:32} {value:.3f}  {value - shipped:+.3f}")


def lost_pairs(graded: list[Graded]) -> tuple[int, list[tuple[str, str, float]]]:
    """Where the AUC is lost: the good/bad pairs ranked wrong (a tie counts half), grouped by the
    good message's band (or "template" when unfilled placeholders capped it) and the bad one's
    band. Aggregate only, so it may be read on the test split like the AUC it explains."""
    good = [g for g in graded if g.verdict == "good"]
    bad = [g for g in graded if g.verdict == "bad"]
    groups: dict[tuple[str, str], float] = {}
    for g in good:
        side = "template" if g.cap == "no-placeholder" else g.band
        for b in bad:
            weight = 1.0 if g.score < b.score else 0.5 if g.score == b.score else 0.0
            if weight:
                groups[side, b.band] = groups.get((side, b.band), 0.0) + weight
    ordered = sorted(groups.items(), key=lambda item: (-item[1], item[0]))
    return len(good) * len(bad), [(g, b, lost) for (g, b), lost in ordered]


def print_lost(graded: list[Graded], split: str) -> None:
    pairs, groups = lost_pairs(graded)
    if not pairs:
        print(f"{split}: no good/bad pair")
        return
    lost = sum(share for _, _, share in groups)
    print(f"{split}: {pairs} good/bad pairs, {lost:g} ranked wrong (AUC {1 - lost / pairs:.3f})")
    print(f"{'good message':14} {'bad message':12} {'pairs':>7} {'AUC lost':>9}")
    for good_side, bad_side, share in groups:
        print(f"{good_side:14} {bad_side:12} {share:7g} {share / pairs:9.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default=None,
        help="report one split, or 'all' (every message); default: dev, test, all",
    )
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    parser.add_argument(
        "--templates-as-filled",
        action="store_true",
        help="grade without the placeholder rule (templates judged on what they say once filled)",
    )
    parser.add_argument("--kinds", action="store_true", help="add per-kind rows")
    parser.add_argument(
        "--gold-roles",
        action="store_true",
        help="grade with the hand-labelled sentence roles instead of the model's (an upper bound "
        "of what a better model could do; on test, aggregate figures only)",
    )
    add_since_round(parser)
    parser.add_argument(
        "--rules",
        action="store_true",
        help="dev split only: per kind and rule, how many good and bad messages it fails",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="dev split only: each message's score, band, cap and failed rules",
    )
    parser.add_argument(
        "--lost",
        action="store_true",
        help="where the AUC is lost: wrongly ranked pairs by the good message's band (or "
        "'template') and the bad one's (aggregate: any split)",
    )
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="dev split only: the AUC with each rule disabled in turn (rules moving it by 0.004+)",
    )
    args = parser.parse_args(argv)
    rubric = TEMPLATES_AS_FILLED if args.templates_as_filled else None
    public = since_round(load_public(), args.since_round, parser, args.until_round)
    if args.gold_roles and args.split is None:
        parser.error("--gold-roles needs --split dev or --split test (one split at a time)")
    if args.ablate:
        if args.split not in (None, "dev"):
            parser.error("--ablate reads the dev split only: nobody tunes on test")
        print_ablation(ablation([m for m in public if m["split"] == "dev"]))
        return 0
    if args.rules or args.list:
        if args.split not in (None, "dev"):
            parser.error("--rules and --list read the dev split only: nobody tunes on test")
        dev = grade_public([m for m in public if m["split"] == "dev"], rubric, args.gold_roles)
        if args.list:
            print_list(dev)
        if args.rules:
            print_rules(rule_table(dev, rubric or default_rubric()))
        return 0
    splits = (args.split,) if args.split else (*SPLITS, "all")
    graded = grade_public(public, rubric, args.gold_roles)
    if args.lost:
        for split in splits:
            print_lost([g for g in graded if split == "all" or g.split == split], split)
        return 0
    rows = public_table(graded, splits, args.kinds)
    team = team_corpus()
    if args.json:
        for line in json_lines(rows, team):
            print(json.dumps(line))
    else:
        print_readable(rows, team)
    return 0


if __name__ == "__main__":
    sys.exit(main())
