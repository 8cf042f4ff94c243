"""Run the benchmarks, print their figures, save a run, or compare two saved runs.

Each benchmark is a script in this folder that, given ``--json``, prints one JSON object per line:
``{"name": ..., "value": ..., "unit": ..., "target": ...}`` where ``target`` is a string such as
``">= 2000"`` or ``"< 150"`` (or null). Figures are medians measured side by side in one run; the
machines are shared and noisy, so no test asserts them: this script reports them.

    python benchmarks/run.py                      # run every benchmark, print a table
    python benchmarks/run.py --only grade_speed   # one benchmark
    python benchmarks/run.py --save before.json   # keep the figures
    python benchmarks/run.py --compare before.json after.json
"""

from __future__ import annotations

import argparse
import json
import operator
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("grade_speed", "model_size", "checker_import", "runtime_boot", "browser")
OPERATORS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt}


def run_benchmark(name: str) -> list[dict]:
    """Run one benchmark script in a child process and collect its JSON lines."""
    script = HERE / f"{name}.py"
    if not script.exists():
        print(f"{name}: missing ({script.name})", file=sys.stderr)
        return []
    done = subprocess.run(
        [sys.executable, str(script), "--json"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(f"{name}: failed (exit {done.returncode})\n{done.stderr[-2000:]}", file=sys.stderr)
    figures = []
    for line in done.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            figure = json.loads(line)
            figure["benchmark"] = name
            figures.append(figure)
    return figures


def verdict(figure: dict) -> str:
    """'ok', 'MISSED' or '' when the figure has no target."""
    target = (figure.get("target") or "").replace(" ", "")
    for symbol in sorted(OPERATORS, key=len, reverse=True):
        if target.startswith(symbol):
            try:
                bound = float(target[len(symbol) :])
            except ValueError:
                return ""
            return "ok" if OPERATORS[symbol](figure["value"], bound) else "MISSED"
    return ""


def format_value(value: float) -> str:
    return f"{value:,.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def print_table(figures: list[dict]) -> None:
    rows = [
        (
            f"{f['benchmark']}.{f['name']}",
            format_value(f["value"]),
            f.get("unit", ""),
            f.get("target") or "",
            verdict(f),
        )
        for f in figures
    ]
    headers = ("figure", "value", "unit", "target", "")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def compare(before_path: Path, after_path: Path) -> None:
    """Print both runs side by side with the after/before ratio of each figure."""
    before = {f"{f['benchmark']}.{f['name']}": f for f in json.loads(before_path.read_text())}
    after = {f"{f['benchmark']}.{f['name']}": f for f in json.loads(after_path.read_text())}
    width = max((len(k) for k in before | after), default=6)
    print(f"{'figure'.ljust(width)}  {'before':>12}  {'after':>12}  {'after/before':>12}  unit")
    for key in sorted(before | after):
        old, new = before.get(key), after.get(key)
        ratio = ""
        if old and new and old["value"]:
            ratio = f"{new['value'] / old['value']:.3f}"
        unit = (new or old or {}).get("unit", "")
        old_text = format_value(old["value"]) if old else "-"
        new_text = format_value(new["value"]) if new else "-"
        print(f"{key.ljust(width)}  {old_text:>12}  {new_text:>12}  {ratio:>12}  {unit}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=BENCHMARKS, action="append", help="run only this one")
    parser.add_argument("--save", type=Path, help="write the figures of this run as JSON")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return 0
    figures = [f for name in (args.only or BENCHMARKS) for f in run_benchmark(name)]
    print_table(figures)
    if args.save:
        args.save.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"saved {len(figures)} figures to {args.save}")
    return 0 if figures else 1


if __name__ == "__main__":
    sys.exit(main())
