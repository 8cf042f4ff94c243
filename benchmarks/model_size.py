"""How big is the role model the browser downloads? The shipped file, raw and gzipped.

The judgement issue sets a bound on shipped model data: under 300 KB gzipped (KiB here, the
stricter reading). Measured on ``checker/data/roles.bin`` at gzip's level 9, as
``tests/model/test_roles.py`` checks it.

    python benchmarks/model_size.py            # readable
    python benchmarks/model_size.py --json     # {"name", "value", "unit", "target"} lines
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

MODEL = Path(__file__).resolve().parents[1] / "checker" / "data" / "roles.bin"
TARGET_KIB = 300


def figures(model: Path = MODEL) -> list[dict]:
    """The model file's size as shipped and gzipped, in KiB."""
    raw = model.read_bytes()
    return [
        {"name": "model_kib", "value": round(len(raw) / 1024, 1), "unit": "KiB", "target": None},
        {
            "name": "model_gzip_kib",
            "value": round(len(gzip.compress(raw, 9)) / 1024, 1),
            "unit": "KiB",
            "target": f"< {TARGET_KIB}",
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="machine-readable lines")
    args = parser.parse_args(argv)
    for f in figures():
        if args.json:
            print(json.dumps(f))
        else:
            target = f" (target {f['target']})" if f["target"] else ""
            print(f"{f['name']:16} {f['value']:>8} {f['unit']}{target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
