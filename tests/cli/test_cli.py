"""The `connecteur` command line: grade, rules, batch, new; clear errors, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from connecteur_cli import cli
from connecteur_cli.cli import main

SEED_ASK = "Bonjour, pourriez vous transférer. Cdt"
GOOD = (
    "Hello Ms Martin,\n\nAnna Lopez suggested I write to you. I'm a logistics engineer moving into "
    "procurement, and I read your article on supplier audits. I'd like to understand how your team "
    "chooses suppliers. Could we have a 20-minute call, whenever suits you? If now isn't a good "
    "time, I'll completely understand.\n\nBest regards,\nSam Carter"
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(SEED_ASK, encoding="utf-8")
    return p


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_grade_text_report_highlights_phrases(draft: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["grade", str(draft), "--kind", "ask"], capsys)
    assert code == 0 and not err
    assert "28/100" in out or "/100" in out
    assert "Not ready" in out and "[[Cdt]]" in out  # a French draft, an English locale
    assert "guide/motivated-request/#objective" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_text_report_speaks_the_interface_language(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """One language per interface (issue #11): verdicts, severities, punctuation and the
    checker's sentences follow the locale's language, whatever the draft's."""
    french = tmp_path / "fr.txt"
    french.write_text(SEED_ASK, encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("Hi, could you forward this? Thx", encoding="utf-8")
    outputs = {}
    for locale in ("C", "fr_FR.UTF-8"):
        monkeypatch.setenv("LANG", locale)
        for name, path in (("fr", french), ("en", english)):
            outputs[locale, name] = run(["grade", str(path), "--kind", "ask"], capsys)[1]
    for draft in ("fr", "en"):
        out_fr, out_en = outputs["fr_FR.UTF-8", draft], outputs["C", draft]
        assert "Score\u00a0: " in out_fr and "(manquant)" in out_fr and "À CORRIGER [" in out_fr
        assert "(missing)" not in out_fr and "MUST FIX" not in out_fr
        assert "Score: " in out_en and "(missing)" in out_en and "MUST FIX [" in out_en
        assert "\u00a0" not in out_en.split("\n")[0]
    assert "langue\u00a0: fr, détectée" in outputs["fr_FR.UTF-8", "fr"]
    assert "language: fr, detected" in outputs["C", "fr"]
    # The checker's own sentences too: the same finding, in the locale's language.
    assert "Commencez par ceci" in outputs["fr_FR.UTF-8", "en"]
    assert "Start here" in outputs["C", "fr"]


def test_text_report_gives_a_missing_elements_text_to_insert(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """The label speaks the locale's language; the text to insert, the draft's."""
    french = tmp_path / "fr.txt"
    french.write_text("Bonjour, pourrions-nous nous rencontrer ? Cdt", encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("Hi, could we meet? Thx", encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    _, out_fr, _ = run(["grade", str(french), "--kind", "request"], capsys)
    monkeypatch.setenv("LANG", "C")
    _, out_en, _ = run(["grade", str(english), "--kind", "request"], capsys)
    _, out_mixed, _ = run(["grade", str(french), "--kind", "request"], capsys)
    assert "À insérer\u00a0: Un appel de [20 minutes] suffirait" in out_fr
    assert "Insert: A call of [20 minutes] would be plenty" in out_en
    assert "Insert: Un appel de [20 minutes] suffirait" in out_mixed


def test_grade_json_is_the_report(draft: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["grade", str(draft), "--kind", "ask", "--format", "json"], capsys)
    d = json.loads(out)
    assert code == 0 and d["schema"] == "connecteur.report/3" and d["band"] == "not-ready"
    assert d["kind"] == "ask" and d["lang"] == "fr"


def test_grade_reads_stdin(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, out, _ = run(["grade", "-", "--format", "json", "--lang", "auto"], capsys)
    assert code == 0 and json.loads(out)["band"] == "ready"


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"\x00\x01binary", "binary"), ("café".encode("latin-1"), "not UTF-8")],
)
def test_grade_refuses_binary_and_non_utf8(
    tmp_path: Path,
    capsys,
    content: bytes,  # type: ignore[no-untyped-def]
    needle: str,
) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run(["grade", str(p)], capsys)
    assert code == cli.EXIT_INPUT and not out
    assert needle in err and "Traceback" not in err


def test_grade_accepts_a_bom(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + SEED_ASK.encode())
    code, out, _ = run(["grade", str(p), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["stats"]["characters"] == len(SEED_ASK)


def test_missing_file_and_directory(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["grade", str(tmp_path / "nope.txt")], capsys)
    assert code == cli.EXIT_INPUT and "not found" in err
    code, _, err = run(["grade", str(tmp_path)], capsys)
    assert code == cli.EXIT_INPUT and "directory" in err


def test_unknown_kind_and_lang(draft: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["grade", str(draft), "--kind", "letter"], capsys)
    assert code == cli.EXIT_USAGE and "request, ask, intro, connect" in err
    code, _, err = run(["grade", str(draft), "--lang", "de"], capsys)
    assert code == cli.EXIT_USAGE and "fr, en" in err


def test_bad_rubric_is_named(draft: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rubric = tmp_path / "r.toml"
    rubric.write_text('extends = "default"\ndisable = ["no-shorthnd"]\n', encoding="utf-8")
    code, out, err = run(["grade", str(draft), "--rubric", str(rubric)], capsys)
    assert code == cli.EXIT_RUBRIC and not out
    assert str(rubric) in err and "no-shorthand" in err and "Traceback" not in err


def test_custom_rubric_takes_effect(draft: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rubric = tmp_path / "r.toml"
    rubric.write_text(
        'extends = "default"\nname = "mine"\ndisable = ["no-shorthand"]\n', encoding="utf-8"
    )
    code, out, _ = run(["grade", str(draft), "--rubric", str(rubric), "--format", "json"], capsys)
    d = json.loads(out)
    assert code == 0
    assert d["rubric"] == "mine" and "no-shorthand" not in [f["rule"] for f in d["findings"]]


def test_rules_lists_the_rubric_in_force(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["rules", "--lang", "fr"], capsys)
    assert code == 0 and "objective-stated" in out and "Un objectif motivé et précis" in out
    rubric = tmp_path / "r.toml"
    rubric.write_text('extends = "default"\ndisable = ["greeting"]\n', encoding="utf-8")
    code, out, _ = run(["rules", "--rubric", str(rubric)], capsys)
    assert code == 0 and "  greeting " not in out and "closing" in out


def test_colour_only_on_a_terminal_without_no_color(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli.use_colour(Tty()) is True
    assert cli.use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_colour(Tty()) is False


def test_version_is_the_checker_version(capsys) -> None:  # type: ignore[no-untyped-def]
    import checker

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"connecteur {checker.__version__}\n"


def test_no_command_prints_help(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run([], capsys)
    assert code == cli.EXIT_USAGE and "grade" in err


def test_new_calls_the_scaffold(monkeypatch, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def fake(path: Path, *, lang: str, force: bool) -> str:
        calls.append((path, lang, force))
        return "Next: make run"

    monkeypatch.setattr(cli, "scaffold", fake)
    code, out, _ = run(["new", str(tmp_path / "site"), "--lang", "fr", "--force"], capsys)
    assert code == 0 and out.strip() == "Next: make run"
    assert calls == [(tmp_path / "site", "fr", True)]

    def refuse(path: Path, *, lang: str, force: bool) -> str:
        raise ValueError("folder is not empty: use --force")

    monkeypatch.setattr(cli, "scaffold", refuse)
    code, _, err = run(["new", str(tmp_path)], capsys)
    assert code == cli.EXIT_INPUT and "not empty" in err


def test_console_script_end_to_end(draft: Path) -> None:
    exe = Path(sys.executable).with_name("connecteur")
    if not exe.exists():
        pytest.skip("console script not installed")
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [str(exe), "grade", str(draft), "--kind", "ask"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0 and "Not ready" in done.stdout
    done = subprocess.run(
        [str(exe), "grade", str(draft), "--kind", "nope"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


# --- batch ---------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_batch_csv_reports_bad_rows_and_grades_the_rest(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "class.csv"
    src.write_text(
        "id,draft,kind,lang\n"
        f'alice,"{SEED_ASK}",ask,\n'
        'bob,"Hello,\nmulti-line draft",letter,\n'
        f'=cmd,"{GOOD}",,en\n'
        'dan,"Salut",request,de\n'
        "eve,,request,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    code, _, err = run(["batch", str(src), "-o", str(out), "--columns-lang", "fr", "--bom"], capsys)
    assert code == 1
    assert f"{src}:3: unknown kind 'letter'" in err
    assert f"{src}:11: unknown lang 'de'" in err  # the draft above spans lines 5-10
    assert "graded 3 drafts" in err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(out)
    header = rows[0]
    assert header[:6] == ["id", "type", "langue", "score", "niveau", "libellé du niveau"]
    assert "Un objectif motivé et précis" in header and header[-1] == "remarques"
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(by_id) == {"alice", "'=cmd", "eve"}
    assert (
        by_id["alice"]["niveau"] == "not-ready"
        and by_id["alice"]["libellé du niveau"] == "Pas prêt"
    )
    assert by_id["alice"]["Un objectif motivé et précis"] == "manquant"
    assert "objective-stated" in by_id["alice"]["remarques"]
    assert by_id["'=cmd"]["niveau"] == "ready"
    assert by_id["eve"]["niveau"] == "empty"


def test_batch_jsonl_with_defaults_and_english_columns(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "class.jsonl"
    src.write_text(
        json.dumps({"id": 1, "text": GOOD}) + "\n"
        "{not json}\n"
        + json.dumps({"id": 3, "draft": SEED_ASK, "kind": "ask"})
        + "\n"
        + json.dumps(["a", "list"])
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    code, _, err = run(["batch", str(src), "-o", str(out)], capsys)
    assert code == 1
    assert f"{src}:2: not valid JSON" in err and f"{src}:4: each line must be a JSON object" in err
    rows = read_csv(out)
    assert rows[0][:6] == ["id", "kind", "lang", "score", "band", "band label"]
    assert "A motivated, precise objective" in rows[0]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [
        ("1", "request", "ready"),
        ("3", "ask", "not-ready"),
    ]


def test_batch_without_a_draft_column(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "class.csv"
    src.write_text("id,message_body\n1,hello\n", encoding="utf-8")
    code, _, err = run(["batch", str(src), "-o", str(tmp_path / "o.csv")], capsys)
    assert code == 1 and "'draft'" in err


def test_batch_bad_options(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "c.csv"
    src.write_text("id,draft\n1,hi\n", encoding="utf-8")
    code, _, err = run(
        ["batch", str(src), "-o", str(tmp_path / "o.csv"), "--columns-lang", "de"], capsys
    )
    assert code == cli.EXIT_USAGE and "fr, en" in err
    code, _, err = run(
        ["batch", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv")], capsys
    )
    assert code == cli.EXIT_INPUT and "not found" in err


def test_grade_text_report_says_the_cap_the_read_and_the_gain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Hi Tom, I'm open to new opportunities and would love to connect. Best, Ana")
    code, out, _ = run(["grade", str(draft), "--kind", "request"], capsys)
    assert code == 0
    assert "capped at" in out and "No precise objective" in out
    assert "The recipient's five-second read" in out
    assert "What do you want? (nothing answers it)" in out
    assert re.search(r"\[objective-stated\] .*\(\+\d+ once fixed\)", out)
