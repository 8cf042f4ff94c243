"""The `connecteur` command: grade, batch, rules, new. All I/O lives here, never in the core.

Every failure a user can cause (missing file, binary file, bad rubric, unknown kind) ends in one
clear line on stderr and a non-zero exit code, never a traceback. That line is in French when the
user's locale is (LANG=fr_FR.UTF-8 and the like), in English otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from checker import AUTO, KINDS, LANGS, Report, __version__, grade
from checker.texts import labels
from checker.vocabulary import SEVERITY_TEXTS, VERDICT_TEXTS

from .batch import run_batch
from .inputs import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_RUBRIC,
    EXIT_USAGE,
    CliError,
    check_choice,
    load_rubric_file,
    read_text_file,
)
from .scaffold import scaffold
from .texts import Text, argparse_speaks, ui_language
from .texts import counted as _tn
from .texts import in_context as _tc
from .texts import text as _t

__all__ = ["EXIT_INPUT", "EXIT_OK", "EXIT_RUBRIC", "EXIT_USAGE", "build_parser", "main"]


def use_colour(stream: TextIO) -> bool:
    """ANSI colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


_COLOURS = {
    "error": "31",
    "warning": "33",
    "info": "36",
    "ready": "32",
    "needs-work": "33",
    "not-ready": "31",
    "empty": "2",
    "mark": "7",
    "bold": "1",
    "dim": "2",
}
_MARK = {"met": "✔", "partial": "◐", "missing": "✘"}
_WORDS = {
    "score": _t("Score"),
    "criteria": _t("Criteria"),
    "findings": _t("Findings"),
    "fix": _t("Fix"),
    "insert": _t("Insert"),
    "guide": _t("Guide"),
    "none": _t("No findings."),
    "lang": _t("language"),
    "kind": _t("kind"),
    "colon": _t(": "),
    "forced": _tc("language", "chosen"),
    "detected": _tc("language", "detected"),
    "default": _tc("language", "by default"),
    "read": _t("The recipient's five-second read"),
    "empty_slot": _t("(nothing answers it)"),
}
"""The readable report's own words (the checker's sentences come in the report)."""


def render_text(report: Report, text: str, colour: bool, lang: str | None = None) -> str:
    """A readable report: score, verdicts, then each finding with its words highlighted.

    Its own words are in ``lang`` (default: the report's), like the report's when graded with
    ``interface_language=lang``."""

    def c(code: str, s: str) -> str:
        return f"\x1b[{_COLOURS[code]}m{s}\x1b[0m" if colour else s

    lang = lang or report.lang
    w = labels(_WORDS, lang)
    w |= {k: message.render(lang) for k, message in VERDICT_TEXTS.items()}
    w |= {k: message.render(lang).upper() for k, message in SEVERITY_TEXTS.items()}
    sep = w["colon"]
    out = [
        c("bold", f"{w['score']}{sep}{report.score}/100 — ")
        + c(report.band, report.band_label)
        + c(
            "dim",
            f"  ({w['kind']}{sep}{report.kind}, {w['lang']}{sep}{report.lang}, "
            f"{w[report.lang_source]})",
        ),
        report.summary,
    ]
    if report.cap is not None:
        out.append(c("dim", report.cap.reason))
    if report.slots:
        out += ["", c("bold", w["read"])]
        for slot in report.slots:
            mark = _MARK["met" if slot.filled else "missing"]
            if slot.filled:
                first = report.sentences[slot.sentences[0]]
                answer = text[first.start : first.end].replace("\r", "")
                answer = answer if len(answer) <= 70 else answer[:69] + "…"
            else:
                answer = w["empty_slot"]
            out.append(f"  {mark} {slot.label} {answer}")
    if report.criteria:
        out += ["", c("bold", w["criteria"])]
        for cv in report.criteria:
            verdict = w[cv.verdict]
            out.append(f"  {_MARK[cv.verdict]} {cv.label}{sep}{cv.earned}/{cv.weight} ({verdict})")
    out += ["", c("bold", w["findings"])]
    if not report.findings:
        out.append("  " + w["none"])
    for f in report.findings:
        gain = f"  ({_t('+{gain} once fixed', gain=f.gain).render(lang)})" if f.gain else ""
        out.append(f"  {c(f.severity, w[f.severity])} [{f.rule}] {f.message}{gain}")
        for sp in f.spans[:5]:
            line_start = text.rfind("\n", 0, sp.start) + 1
            line_end = text.find("\n", sp.end)
            line_end = len(text) if line_end == -1 else line_end
            before = text[max(line_start, sp.start - 40) : sp.start]
            after = text[sp.end : min(line_end, sp.end + 40)]
            shown = c("mark", sp.text) if colour else f"[[{sp.text}]]"
            out.append(f"      …{before}{shown}{after}…".replace("\r", ""))
        out.append(f"      {w['fix']}{sep}{f.suggestion}")
        if f.insert is not None:
            out.append(f"      {w['insert']}{sep}{f.insert.text.strip()}")
        out.append(c("dim", f"      {w['guide']}{sep}{f.guide}  ({f.rule_page})"))
    return "\n".join(out) + "\n"


def cmd_grade(args: argparse.Namespace) -> int:
    check_choice(args.kind, KINDS, "kind")
    lang = None if args.lang in (None, AUTO) else args.lang
    check_choice(lang, LANGS, "lang")
    rubric = load_rubric_file(args.rubric)
    text = read_text_file(args.file, "draft")
    ui = ui_language()
    report = grade(text, kind=args.kind, lang=lang, rubric=rubric, interface_language=ui)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report, text, use_colour(sys.stdout), ui))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    lang = args.lang or ui_language()
    check_choice(lang, LANGS, "lang")
    rubric = load_rubric_file(args.rubric)
    count = len(rubric.rules)
    out = [
        _tn(
            "rubric: {name} ({count} rule)",
            "rubric: {name} ({count} rules)",
            count,
            name=rubric.name,
        ).render(lang),
        "",
    ]
    sep = _t(": ").render(lang)
    for cid, crit in rubric.criteria.items():
        rules = [r for r in rubric.rules if r.criterion == cid]
        if not rules:
            continue
        flag = _t(", decisive").render(lang) if crit.decisive else ""
        weight = _t("weight {weight}", weight=crit.weight).render(lang)
        out.append(f"{crit.label[lang]} [{cid}] {weight}{flag}")
        for r in rules:
            cap = " " + _t("cap {score}", score=r.cap).render(lang) if r.cap is not None else ""
            kinds = _t("kinds").render(lang) + sep + ",".join(r.applies_to)
            langs = _t("languages").render(lang) + sep + ",".join(r.langs)
            out.append(f"  {r.id:<26} {r.kind:<11} {r.severity:<7}{cap}  {kinds}  {langs}")
            out.append(f"      {r.message[lang]}")
        out.append("")
    sys.stdout.write("\n".join(out))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    return run_batch(args)


def cmd_new(args: argparse.Namespace) -> int:
    check_choice(args.lang, LANGS, "lang")
    try:
        message = scaffold(Path(args.dir), lang=args.lang, force=args.force)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    sys.stdout.write(str(message).rstrip("\n") + "\n")
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help option's words are the command's (argparse's own words come
    from the catalogue: ``argparse_speaks``). Subcommands are built by the same class."""

    def __init__(self, *, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(add_help=False, **kwargs)
        self.lang = lang
        self.add_argument(
            "-h", "--help", action="help", help=_t("show this help and exit").render(lang)
        )


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The command line, its help in ``lang`` (default: the locale's, like its messages)."""
    lang = lang or ui_language()

    def tr(message: Text) -> str:
        return message.render(lang)

    p = _Parser(
        prog="connecteur",
        description=tr(_t("Grade networking request drafts (French/English) against a rubric.")),
        lang=lang,
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"connecteur {__version__}",
        help=tr(_t("show the version and exit")),
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=tr(_t("commands")))

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=summary, description=summary, lang=lang)

    g = command("grade", tr(_t("grade one draft (a file, or - for standard input)")))
    g.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help=tr(_t("the draft (- or nothing: standard input)")),
    )
    g.add_argument("--kind", default="request", help=tr(_t("request, ask, intro or connect")))
    g.add_argument("--lang", default=None, help=tr(_t("fr, en or auto (default: detect)")))
    g.add_argument("--rubric", default=None, metavar="R.toml", help=tr(_t("a trainer's rubric")))
    g.add_argument(
        "--format", choices=("text", "json"), default="text", help=tr(_t("text (default) or json"))
    )
    g.set_defaults(func=cmd_grade)

    b = command("batch", tr(_t("grade a class's drafts from CSV or JSON Lines into a CSV")))
    b.add_argument(
        "input",
        metavar="IN.csv|IN.jsonl",
        help=tr(_t("the drafts: CSV with columns id,draft,kind,lang, or JSON Lines")),
    )
    b.add_argument("-o", "--output", required=True, metavar="OUT.csv", help=tr(_t("the report")))
    b.add_argument("--rubric", default=None, metavar="R.toml", help=tr(_t("a trainer's rubric")))
    b.add_argument("--kind", default="request", help=tr(_t("kind for rows without one")))
    b.add_argument(
        "--lang", default=None, help=tr(_t("language for rows without one (default: detect)"))
    )
    b.add_argument(
        "--columns-lang", default="en", help=tr(_t("language of the column names (fr or en)"))
    )
    b.add_argument(
        "--bom", action="store_true", help=tr(_t("start the CSV with a UTF-8 BOM (Excel)"))
    )
    b.add_argument(
        "--time-limit",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help=tr(_t("the longest one draft may take to grade (default: 5)")),
    )
    b.set_defaults(func=cmd_batch)

    r = command("rules", tr(_t("list the rubric in force")))
    r.add_argument("--lang", default=None, help=tr(_t("fr or en (default: the locale's)")))
    r.add_argument("--rubric", default=None, metavar="R.toml", help=tr(_t("a trainer's rubric")))
    r.set_defaults(func=cmd_rules)

    n = command("new", tr(_t("scaffold a workshop site in DIR")))
    n.add_argument("dir", metavar="DIR", help=tr(_t("the folder to create")))
    n.add_argument("--lang", default="en", help=tr(_t("fr or en")))
    n.add_argument("--force", action="store_true", help=tr(_t("write into a non-empty DIR")))
    n.set_defaults(func=cmd_new)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """The ``connecteur`` command, in the locale's language (argparse's own words included)."""
    lang = ui_language()
    with argparse_speaks(lang):
        return _run(build_parser(lang), argv, lang)


def _run(parser: argparse.ArgumentParser, argv: Sequence[str] | None, lang: str) -> int:
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.func(args)
        return code
    except CliError as exc:
        sys.stderr.write(f"connecteur: {exc.render(lang)}\n")
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
