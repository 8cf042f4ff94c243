"""Carry the gold roles of the public set over a change of the splitter (issue 16).

``tests/corpus/public_roles.toml`` keys each labelled sentence by its span and text, as the
checker split it; ``tests/corpus/test_public_roles.py`` fails when the splitter gives other body
sentences. After a change of the splitter (parts.py, the sentence cutter), this script rewrites
the file with the body sentences the checker gives now, and for each one:

- keeps its labels when the same span and text were labelled (unchanged);
- carries the labels of the labelled sentence with the same text at another span (moved);
- carries the labels of the labelled sentence with the same words, only a quotation mark or a
  bracket more or less at either end (``I'd love to connect.`` / ``I'd love to connect.”``);
- otherwise writes ``roles = "?"``: a sentence merged, split or cut otherwise, to label by hand
  from its text and the labelling guide alone. The labels test fails until none is left.

It never reads the model's predictions or any score. A labelled sentence is carried at most once.

    python benchmarks/carry_public_roles.py            # rewrite the file, print what to label
    python benchmarks/carry_public_roles.py --dry-run  # print the counts and what to label only
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

from benchmarks.roles_on_public import GOLD, body_sentences, load_public  # noqa: E402

_ENDS = " \t\n\"'“”‘’«»()[]"
"""What may be gained or lost at either end of a carried sentence: quotation marks, brackets."""
UNLABELLED = "?"


@dataclass
class Outcome:
    unchanged: int = 0
    moved: int = 0
    quote: int = 0
    dropped: int = 0
    to_label: list[tuple[str, int, int, str]] | None = None


def _words(text: str) -> str:
    return text.strip(_ENDS)


def _entry(sentence: dict) -> str:
    out = (
        f"\n[[message.sentence]]\nstart = {sentence['start']}\nend = {sentence['end']}\n"
        f"text = {json.dumps(sentence['text'], ensure_ascii=False)}\n"
        f"roles = {json.dumps(sentence['roles'], ensure_ascii=False)}\n"
    )
    if sentence.get("note"):
        out += f"note = {json.dumps(sentence['note'], ensure_ascii=False)}\n"
    return out


def _matches(rule: str, old: dict, start: int, end: int, text: str) -> bool:
    if rule == "same":
        return (old["start"], old["end"], old["text"]) == (start, end, text)
    if rule == "moved":
        return bool(old["text"] == text)
    return _words(old["text"]) == _words(text)


def carry(old: list[dict], new: list[tuple[int, int, str]], mid: str, got: Outcome) -> list[dict]:
    """The new sentences of one message, with the labels carried from `old` where they hold."""
    left = list(old)
    out: list[dict] = []
    assert got.to_label is not None
    for start, end, text in new:
        match = None
        for rule in ("same", "moved", "quote"):
            match = next((s for s in left if _matches(rule, s, start, end, text)), None)
            if match is not None:
                if rule == "same":
                    got.unchanged += 1
                elif rule == "moved":
                    got.moved += 1
                else:
                    got.quote += 1
                break
        entry = {"start": start, "end": end, "text": text}
        if match is None:
            entry["roles"] = UNLABELLED
            got.to_label.append((mid, start, end, text))
        else:
            left.remove(match)
            entry["roles"] = match["roles"]
            if match.get("note"):
                entry["note"] = match["note"]
        out.append(entry)
    got.dropped += len(left)
    return out


def rewrite(text: str, messages: list[dict], got: Outcome) -> str:
    """The gold file's text with every message's sentences carried over."""
    import tomllib

    header = text[: text.index("[[message]]")]
    gold = tomllib.loads(text)["message"]
    by_id = {m["id"]: m for m in messages}
    chunks = [header.rstrip("\n") + "\n"]
    for entry in gold:
        m = by_id[entry["id"]]
        new = [(b.start, b.end, b.text) for b in body_sentences(m["text"], m["kind"], m["lang"])]
        chunks.append(f'\n[[message]]\nid = "{entry["id"]}"\n')
        for s in carry(entry.get("sentence", []), new, entry["id"], got):
            chunks.append(_entry(s))
    return "".join(chunks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--dry-run", action="store_true", help="do not write the file")
    args = ap.parse_args(argv)
    got = Outcome(to_label=[])
    new_text = rewrite(GOLD.read_text(encoding="utf-8"), load_public(), got)
    if not args.dry_run:
        GOLD.write_text(new_text, encoding="utf-8")
    assert got.to_label is not None
    print(
        f"unchanged {got.unchanged}, moved {got.moved}, a quotation mark or bracket more or less "
        f"{got.quote}, to label by hand {len(got.to_label)}; labelled sentences the splitter no "
        f"longer gives: {got.dropped}"
    )
    for mid, start, end, text in got.to_label:
        print(f"{mid} {start}-{end}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
