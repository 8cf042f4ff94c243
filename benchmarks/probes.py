"""How does the checker grade drafts written in varied words by people who never saw it?

`tests/corpus/probes.toml` (tests/corpus/PROBES.md) holds drafts written for measuring only, by
writers who could not run the checker nor read its training sentences, each with the band its
writer expected. Like the public set's test split, it is **frozen and never tuned on**: this
script prints aggregate figures only, never a draft's grade, and no change may be decided by
looking at which probe failed.

    python benchmarks/probes.py            # per language and kind
    python benchmarks/probes.py --json     # {"name", "value", "unit"} lines

Figures: in band (the writer's band), good graded ready (good = expected `ready`), bad not graded
ready, and the AUC of good over bad (a good draft outscores a bad one; ties count half).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.intervals import auc_interval, share_interval, span  # noqa: E402
from benchmarks.judgement import LANGS, auc, share  # noqa: E402
from checker import KINDS, grade  # noqa: E402

PROBES = ROOT / "tests" / "corpus" / "probes.toml"


def load(path: Path = PROBES, key: str = "probe") -> list[dict]:
    return list(tomllib.loads(path.read_text(encoding="utf-8"))[key])


def graded(probes: list[dict]) -> list[tuple[dict, int, str]]:
    """Each probe with its score and band, as the checker gives them."""
    out = []
    for p in probes:
        report = grade(p["text"], kind=p["kind"], lang=p["lang"])
        out.append((p, report.score, report.band))
    return out


def figures(rows: list[tuple[dict, int, str]]) -> dict:
    good = [s for p, s, _ in rows if p["expect"] == "ready"]
    bad = [s for p, s, _ in rows if p["expect"] != "ready"]
    in_band = sum(1 for p, _, b in rows if b == p["expect"])
    return {
        "n": len(rows),
        "good": len(good),
        "in_band": share(in_band, len(rows)),
        "in_band_ci": share_interval(in_band, len(rows)),
        "good_ready": share(
            sum(1 for p, _, b in rows if p["expect"] == "ready" and b == "ready"), len(good)
        ),
        "bad_not_ready": share(
            sum(1 for p, _, b in rows if p["expect"] != "ready" and b != "ready"), len(bad)
        ),
        "auc": auc(good, bad),
        "auc_ci": auc_interval(good, bad),
    }


def table(rows: list[tuple[dict, int, str]]) -> list[tuple[str, dict]]:
    """All probes, then per language, then per kind: aggregate figures only."""
    out = [("all", figures(rows))]
    for lang in LANGS:
        out.append((lang, figures([r for r in rows if r[0]["lang"] == lang])))
    for kind in KINDS:
        out.append((kind, figures([r for r in rows if r[0]["kind"] == kind])))
    return out


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def print_json(rows: list[tuple[str, dict]], prefix: str) -> None:
    """One `{"name", "value", "unit"}` line per figure: the JSON-lines shape of every benchmark."""
    for name, f in rows:
        for key in ("in_band", "good_ready", "bad_not_ready", "auc"):
            unit = "" if key == "auc" else "share"
            print(json.dumps({"name": f"{prefix}_{name}_{key}", "value": f[key], "unit": unit}))
            interval = f.get(key + "_ci")  # in band and AUC have one; the other shares do not
            if interval is not None:
                for end, value in zip(("low", "high"), interval, strict=True):
                    line = {"name": f"{prefix}_{name}_{key}_95_{end}", "value": value, "unit": unit}
                    print(json.dumps(line))


def print_table(rows: list[tuple[str, dict]]) -> None:
    """Each set's figures, with the 95 % intervals of its in-band share and its AUC."""
    head = ("set", "n (good)", "in band", "95% CI", "good ready", "bad not ready", "AUC", "95% CI")
    print(
        f"{head[0]:10} {head[1]:>9} {head[2]:>8} {head[3]:>7} {head[4]:>11} {head[5]:>14} "
        f"{head[6]:>6} {head[7]:>9}"
    )
    for name, f in rows:
        value = "–" if f["auc"] is None else f"{f['auc']:.3f}"
        print(
            f"{name:10} {f['n']:>4} ({f['good']:>2}) {_pct(f['in_band']):>8} "
            f"{span(f['in_band_ci'], percent=True):>7} "
            f"{_pct(f['good_ready']):>11} {_pct(f['bad_not_ready']):>14} {value:>6} "
            f"{span(f['auc_ci']):>9}"
        )


def print_figures(rows: list[tuple[str, dict]], prefix: str, *, as_json: bool) -> None:
    """The figures as a table, or as JSON lines named `<prefix>_<set>_<figure>`."""
    if as_json:
        print_json(rows, prefix)
    else:
        print_table(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON lines")
    args = parser.parse_args(argv)
    rows = table(graded(load()))
    print_figures(rows, "probes", as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
