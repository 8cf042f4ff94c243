"""`connecteur batch` grades each draft within a time limit, goes on past a slow one, and shows
progress on a terminal only (connecteur_cli/deadline.py)."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import default_rubric, grade, load_rubric
from checker.rubric.regex_safety import backtracking_risk
from connecteur_cli.cli import EXIT_USAGE, main
from connecteur_cli.deadline import Deadline, NotGraded, with_progress

REPO = Path(__file__).resolve().parents[2]

# Three bounded gaps in a row: the analysis accepts it (no repetition inside a loop), yet on a
# long run of text without an x it tries about 300**3 ways per start. It stands for whatever
# slips through: 800 characters take seconds, 3,000 take hours.
SLOW = "[^.]{0,300}[^.]{0,300}[^.]{0,300}x"
SLOW_RUBRIC = f"""
extends = "default"
name = "slow-workshop"

[[rules]]
id = "three-gaps"
kind = "absent"
criterion = "personal"
message = {{ en = "Flagged.", fr = "Signalé." }}
suggestion = {{ en = "Rephrase.", fr = "Reformulez." }}
patterns = {{ en = ['{SLOW}'], fr = ['{SLOW}'] }}
"""
GOOD = (
    "Hello Ms Martin, Anna Lopez suggested I write to you. I'm a logistics engineer moving into "
    "procurement. I'd like to understand how your team chooses suppliers. Could we have a "
    "20-minute call, whenever suits you? Best regards, Sam Carter"
)
SHORT = "Hi, could you forward this? Thx"


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture
def slow_rubric(tmp_path: Path) -> Path:
    assert backtracking_risk(SLOW) is None
    path = tmp_path / "slow.toml"
    path.write_text(SLOW_RUBRIC, encoding="utf-8")
    return path


def test_a_slow_draft_is_reported_on_its_line_and_the_others_are_graded(
    tmp_path: Path, slow_rubric: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "class.csv"
    with src.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "draft", "kind", "lang"])
        writer.writerow(["alice", GOOD, "request", "en"])
        writer.writerow(["bob", "a" * 3000, "request", "en"])
        writer.writerow(["carol", SHORT, "ask", "en"])
        writer.writerow(["dan", "Bonjour, pourriez vous transférer. Cdt", "ask", "fr"])
    out = tmp_path / "out.csv"
    start = time.monotonic()
    code = main(
        ["batch", str(src), "-o", str(out), "--rubric", str(slow_rubric), "--time-limit", "1"]
    )
    elapsed = time.monotonic() - start
    err = capsys.readouterr().err
    assert code == 1
    assert elapsed < 20  # one draft stopped at 1 s, and a fresh worker
    rows = read_csv(out)
    by_id = {row[0]: row for row in rows[1:]}
    assert list(by_id) == ["alice", "bob", "carol", "dan"]
    assert by_id["bob"][3:6] == ["", "timed-out", "not graded"]
    assert by_id["alice"][4] == "ready" and by_id["alice"][3].isdigit()
    assert by_id["carol"][4] == "not-ready" and "three-gaps" in by_id["carol"][-1]  # "Thx"
    assert by_id["dan"][1:3] == ["ask", "fr"] and by_id["dan"][3].isdigit()
    assert f"{src}:3: grading took more than 1 s" in err
    assert "'slow-workshop' is probably too slow (see --time-limit)" in err
    assert "graded 3 drafts" in err and "; 1 row skipped" in err


def test_the_timed_out_row_speaks_french(
    tmp_path: Path,
    slow_rubric: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    src = tmp_path / "class.jsonl"
    src.write_text('{"id": "bob", "draft": "' + "a" * 3000 + '"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    argv = ["batch", str(src), "-o", str(out), "--rubric", str(slow_rubric)]
    code = main([*argv, "--time-limit", "0.5", "--columns-lang", "fr"])
    err = capsys.readouterr().err
    assert code == 1
    assert "la notation a pris plus de 0.5\u00a0s, ce brouillon n’est donc pas noté" in err
    assert read_csv(out)[1][3:6] == ["", "timed-out", "non noté"]


def test_one_worker_grades_the_whole_class_as_the_core_does() -> None:
    drafts = [GOOD, SHORT, "", "Bonjour, pourriez vous transférer. Cdt"] * 5
    with Deadline(None, 5) as grader:
        reports = [grader(d, kind="request", lang=None) for d in drafts]
        assert grader.workers_started == 1
    for draft, report in zip(drafts, reports, strict=True):
        assert report.to_dict() == grade(draft, kind="request").to_dict()


def test_a_worker_past_the_limit_is_replaced(slow_rubric: Path) -> None:
    with Deadline(str(slow_rubric), 0.5) as grader:
        assert grader(SHORT, kind="ask", lang="en").score >= 0
        with pytest.raises(NotGraded) as info:
            grader("a" * 3000, kind="request", lang="en")
        assert info.value.timed_out and info.value.seconds == 0.5
        report = grader(GOOD, kind="request", lang="en")
        assert report.band == "ready"
        assert grader.workers_started == 2


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_time_limit_must_be_positive(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "c.csv"
    src.write_text("id,draft\n1,hi\n", encoding="utf-8")
    code = main(["batch", str(src), "-o", str(tmp_path / "o.csv"), "--time-limit", value])
    assert code == EXIT_USAGE
    assert "--time-limit must be a number of seconds above 0" in capsys.readouterr().err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_after_the_delay() -> None:
    stream = FakeTerminal()
    ticks = iter(range(100))
    items = list(with_progress(range(5), 5, stream=stream, after=2, clock=lambda: next(ticks)))
    assert items == [0, 1, 2, 3, 4]
    shown = stream.getvalue()
    assert "2/5" in shown and "3/5" in shown  # from the tick that passed 2 s on
    assert "1/5" not in shown


def test_no_progress_before_the_delay_nor_when_piped() -> None:
    quick = FakeTerminal()
    assert list(with_progress(range(5), 5, stream=quick, after=60)) == [0, 1, 2, 3, 4]
    assert quick.getvalue() == ""
    piped = io.StringIO()
    ticks = iter(range(100))
    assert list(with_progress(range(3), 3, stream=piped, after=0, clock=lambda: next(ticks))) == [
        0,
        1,
        2,
    ]
    assert piped.getvalue() == ""


# --- property: random drafts graded under every accepted test rubric finish within budget ---


def accepted_rubrics() -> dict[str, str]:
    """Every rubric the test suite ships that loads: the reference's examples, the starter
    rubrics of `connecteur new`, and one with the trickiest patterns the analysis accepts."""
    found = {}
    for page in ("rubric.md", "rubric.fr.md"):
        text = (REPO / "docs" / "reference" / page).read_text(encoding="utf-8")
        found[page] = text.split("```toml\n", 1)[1].split("```", 1)[0]
    for starter in sorted(REPO.glob("**/scaffold/**/rubric.toml")):
        if ".venv" not in starter.parts and "node_modules" not in starter.parts:
            text = starter.read_text(encoding="utf-8").replace("{{ site_name }}", "atelier")
            found[str(starter.relative_to(REPO))] = text
    found["near-misses"] = NEAR_MISSES
    for name, text in found.items():
        load_rubric(text, source=name)  # each is accepted
    return found


NEAR_MISSES = r"""
extends = "default"
name = "near-misses"

[[rules]]
id = "near-misses"
kind = "absent"
criterion = "personal"
message = { en = "Flagged.", fr = "Signalé." }
suggestion = { en = "Rephrase.", fr = "Reformulez." }
patterns.en = [
  '\b(?:i’m|we are) (?:a |good |close |old |great )*friends? (?:of|with)\b',
  '(?:\w+ ){0,3}about (?:your|the)',
  '(?:x{0,5}y){100}',
  '\d{1,3}(?:[ ,.]\d{3})*',
  '(?:(?!foo).)*bar',
  '[^.!?\n]{0,60}?\b(?:understand|learn)',
]
patterns.fr = [
  '\bje\s+(?:prépare|mène)\b[^.!?\n]{0,60}?\b(?:enquête|projet)',
  '(?:\w+\s+){0,3}sur (?:votre|vos)',
  '(?:ab|ac)*d',
]
"""

WORDS = ["a", "aa", "aaaa", "good", "great", "friends", "about", "je", "prépare", "1", "000"]
PIECES = st.one_of(
    st.sampled_from([" ", "  ", "\n", ".", "!", "?", ",", "’", "x", "y", "é", "É"]),
    st.sampled_from(WORDS),
    st.text(alphabet="ab xy.\n", max_size=30),
)
DRAFTS = st.lists(PIECES, max_size=400).map("".join)
RUBRICS = accepted_rubrics()


@pytest.fixture(scope="module")
def graders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Deadline]]:
    """One worker per rubric, each with a budget of 2 s per draft."""
    folder = tmp_path_factory.mktemp("rubrics")
    workers = {"default": Deadline(None, 2.0)}
    for i, (name, text) in enumerate(RUBRICS.items()):
        path = folder / f"r{i}.toml"
        path.write_text(text, encoding="utf-8")
        workers[name] = Deadline(str(path), 2.0)
    yield workers
    for worker in workers.values():
        worker.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    draft=DRAFTS,
    kind=st.sampled_from(["request", "ask", "intro", "connect"]),
    lang=st.sampled_from([None, "fr", "en"]),
    repeat=st.integers(1, 40),
)
def test_random_drafts_finish_within_budget_under_every_accepted_rubric(
    graders: dict[str, Deadline], draft: str, kind: str, lang: str | None, repeat: int
) -> None:
    text = draft * repeat  # long runs of the same pieces: what makes a pattern backtrack
    for name, grader in graders.items():
        try:
            grader(text, kind=kind, lang=lang)
        except NotGraded:  # pragma: no cover - the failure this test exists to find
            pytest.fail(f"{name}: grading took more than 2 s on {text[:80]!r}… ({len(text)})")


def test_default_rubric_is_among_them() -> None:
    assert default_rubric().name == "default" and len(RUBRICS) >= 4


def test_a_worker_that_cannot_start_leaves_the_draft_not_graded(tmp_path: Path) -> None:
    grader = Deadline(str(tmp_path / "gone.toml"), 1)  # the worker fails to read it
    with grader, pytest.raises(NotGraded) as info:
        grader(SHORT, kind="ask", lang="en")
    assert not info.value.timed_out
