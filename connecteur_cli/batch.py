"""`connecteur batch`: grade a class's drafts from CSV or JSON Lines into one spreadsheet-ready CSV.

A trainer's file is hand-made: a bad row (unknown kind, broken JSON, no draft column) is reported
on stderr with its line number and the others are still graded. The output is UTF-8 (optionally
with a BOM so that spreadsheet software guesses the encoding), one row per draft, one verdict
column per criterion named in the trainer's language.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from checker import AUTO, BAND_LABELS, KINDS, LANGS, Report, Rubric, grade
from checker.vocabulary import VERDICT_TEXTS

from .deadline import Deadline, NotGraded, with_progress
from .inputs import EXIT_USAGE, CliError, load_rubric_file, read_text_file, unknown_choice
from .texts import Text, ui_language
from .texts import counted as _tn
from .texts import in_context as _tc
from .texts import text as _t

HEADERS = (
    _tc("column", "id"),
    _tc("column", "kind"),
    _tc("column", "lang"),
    _tc("column", "score"),
    _tc("column", "band"),
    _tc("column", "band label"),
    _tc("column", "findings"),
)
"""The CSV's columns, named in the language of ``--columns-lang``; criteria come before findings."""
DRAFT_COLUMNS = ("draft", "text", "brouillon", "texte", "message")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Row:
    """One draft of the class file, with the line it came from and its own kind and language."""

    line: int
    id: str
    draft: str
    kind: str | None
    lang: str | None


class RowError(Exception):
    """A row that cannot be graded: its line in the file and why (in either language)."""

    def __init__(self, line: int, message: Text) -> None:
        super().__init__(str(message))
        self.line = line
        self.message = message


def safe_cell(value: str) -> str:
    """Keep spreadsheet software from running a cell as a formula (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _field(record: dict[str, object], names: tuple[str, ...]) -> object | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    for n in names:
        if n in lowered and lowered[n] not in (None, ""):
            return lowered[n]
    return None


def _row(record: dict[str, object], line: int, number: int) -> Row:
    draft = _field(record, DRAFT_COLUMNS)
    if draft is None:
        lowered = {str(k).strip().lower() for k in record if k is not None}
        if not lowered & set(DRAFT_COLUMNS):
            raise RowError(line, _t("no 'draft' (or 'text') column"))
        draft = ""
    if not isinstance(draft, str):
        raise RowError(line, _t("the draft must be text"))
    ident = _field(record, ("id", "identifiant", "nom", "name"))
    kind = _field(record, ("kind", "type"))
    lang = _field(record, ("lang", "langue", "language"))
    for value, what in ((kind, "kind"), (lang, "lang")):
        if value is not None and not isinstance(value, str):
            raise RowError(line, _t("the {field} must be text", field=what))
    return Row(
        line,
        str(ident) if ident is not None else str(number),
        draft,
        str(kind).strip() if kind else None,
        str(lang).strip() if lang else None,
    )


def read_rows(text: str, path: str) -> Iterator[Row | RowError]:
    """Yield rows (or the error of a bad row) from CSV or JSON Lines text."""
    if path.lower().endswith((".jsonl", ".ndjson", ".json")) or text.lstrip().startswith("{"):
        yield from _jsonl(text)
    else:
        yield from _csv(text)


def _jsonl(text: str) -> Iterator[Row | RowError]:
    number = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(line_no, _t("not valid JSON: {error}", error=exc.msg))
            continue
        if not isinstance(record, dict):
            yield RowError(line_no, _t("each line must be a JSON object"))
            continue
        try:
            yield _row(record, line_no, number)
        except RowError as err:
            yield err


def _csv(text: str) -> Iterator[Row | RowError]:
    csv.field_size_limit(16 * 1024 * 1024)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames:
        yield RowError(1, _t("the file is empty (expected a header line: id,draft,kind,lang)"))
        return
    headers = {h.strip().lower() for h in reader.fieldnames if h}
    if not headers & set(DRAFT_COLUMNS):
        yield RowError(
            1, _t("the header has no 'draft' (or 'text') column: expected id,draft,kind,lang")
        )
        return
    number = 0
    start = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(start, _t("unreadable CSV row: {error}", error=str(exc)))
            start = reader.line_num + 1
            continue
        number += 1
        line = start
        start = reader.line_num + 1
        if None in record:
            yield RowError(
                line, _t("more cells than header columns (a comma inside an unquoted draft?)")
            )
            continue
        try:
            yield _row(record, line, number)
        except RowError as err:
            yield err


def grade_rows(
    rows: Iterator[Row | RowError],
    rubric: Rubric,
    default_kind: str,
    default_lang: str | None,
    cols: str,
    source: str,
    grader: Callable[..., Report] | None = None,
) -> tuple[list[list[str]], list[Text]]:
    """Grade every good row; return the output table and the error lines for stderr.

    ``grader`` grades one draft like ``grade`` (default: ``grade`` with ``rubric``, here); one
    that raises ``NotGraded`` leaves its row in the table, marked, and an error line.
    """
    criteria = [
        c for c in rubric.criteria.values() if any(r.criterion == c.id for r in rubric.rules)
    ]
    h = [column.render(cols) for column in HEADERS]
    table = [[*h[:6], *(c.label[cols] for c in criteria), h[6]]]
    errors: list[Text] = []

    def error(line: int, message: Text) -> None:
        errors.append(_t("{source}:{line}: {message}", source=source, line=line, message=message))

    for item in rows:
        if isinstance(item, RowError):
            error(item.line, item.message)
            continue
        kind = item.kind or default_kind
        lang = item.lang or default_lang
        if lang == AUTO:
            lang = None
        if kind not in KINDS:
            error(
                item.line,
                _t(
                    "unknown kind {kind!r} (accepted: {choices})",
                    kind=kind,
                    choices=", ".join(KINDS),
                ),
            )
            continue
        if lang is not None and lang not in LANGS:
            choices = ", ".join((*LANGS, AUTO))
            error(
                item.line,
                _t("unknown lang {lang!r} (accepted: {choices})", lang=lang, choices=choices),
            )
            continue
        try:
            if grader is None:
                report = grade(item.draft, kind=kind, lang=lang, rubric=rubric)
            else:
                report = grader(item.draft, kind=kind, lang=lang)
        except NotGraded as exc:
            error(item.line, _not_graded(exc, rubric))
            status = "timed-out" if exc.timed_out else "not-graded"
            label = _t("not graded") if exc.timed_out else _t("not graded: the grading stopped")
            table.append([safe_cell(item.id), kind, lang or "", "", status, label.render(cols)])
            continue
        verdicts = {cv.id: VERDICT_TEXTS[cv.verdict].render(cols) for cv in report.criteria}
        table.append(
            [
                safe_cell(item.id),
                report.kind,
                report.lang,
                str(report.score),
                report.band,
                BAND_LABELS[report.band][cols],
                *(verdicts.get(c.id, "") for c in criteria),
                "; ".join(f.rule for f in report.findings),
            ]
        )
    return table, errors


def _not_graded(exc: NotGraded, rubric: Rubric) -> Text:
    if not exc.timed_out:
        return _t("the grading stopped unexpectedly; this draft is not graded")
    return _t(
        "grading took more than {seconds} s, so this draft is not graded: a pattern of the rubric "
        "{rubric!r} is probably too slow (see --time-limit)",
        seconds=f"{exc.seconds:g}",
        rubric=rubric.name,
    )


def write_csv(table: list[list[str]], output: str, bom: bool) -> None:
    """Write the graded table as CSV (CRLF; a BOM when asked, for spreadsheets); ``-`` is stdout."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(table)
    data = ("\ufeff" if bom else "") + buf.getvalue()
    if output == "-":
        sys.stdout.write(data)
        return
    try:
        Path(output).write_text(data, encoding="utf-8", newline="")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(_t("cannot write {path}: {reason}", path=output, reason=reason)) from None


def run_batch(args: argparse.Namespace) -> int:
    """``connecteur batch``: grade a class file's drafts, write the table; the exit code."""
    if args.columns_lang not in LANGS:
        raise unknown_choice("--columns-lang", args.columns_lang, LANGS)
    if args.kind not in KINDS:
        raise unknown_choice("kind", args.kind, KINDS)
    if args.lang not in (None, AUTO, *LANGS):
        raise unknown_choice("lang", args.lang, (*LANGS, AUTO))
    rubric = load_rubric_file(args.rubric)
    text = read_text_file(args.input, "input")
    source = "stdin" if args.input == "-" else args.input
    if not args.time_limit > 0:
        raise CliError(_t("--time-limit must be a number of seconds above 0"), EXIT_USAGE)
    rows = list(read_rows(text, args.input))
    with Deadline(args.rubric, args.time_limit) as grader:
        table, errors = grade_rows(
            with_progress(rows, len(rows)),
            rubric,
            args.kind,
            args.lang,
            args.columns_lang,
            source,
            grader,
        )
    write_csv(table, args.output, args.bom)
    lang = ui_language()
    for line in errors:
        sys.stderr.write(f"connecteur: {line.render(lang)}\n")
    graded = sum(1 for row in table[1:] if row[3])
    summary = _tn(
        "graded {count} draft into {path}",
        "graded {count} drafts into {path}",
        graded,
        path=args.output,
    )
    if errors:
        summary = _tn(
            "{message}; {count} row skipped",
            "{message}; {count} rows skipped",
            len(errors),
            message=summary,
        )
    sys.stderr.write(f"connecteur: {summary.render(lang)}\n")
    return 1 if errors else 0
