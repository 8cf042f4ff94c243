"""The static analysis that refuses patterns able to backtrack catastrophically
(checker/regex_safety.py): what it refuses, what it accepts, the shipped rubric, and a
property test that what it accepts runs fast on texts built to make it backtrack."""

from __future__ import annotations

import multiprocessing
import re
import tomllib
from collections.abc import Iterator
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import load_rubric
from checker.regex_safety import MAX_LIST_ITEMS, backtracking_risk, list_problem
from checker.rubric import fold_pattern

# The six textbook patterns of issue #14, and what each is refused for.
SIX = {
    "(a+)+$": "optional or repeated part",
    "(a|a)*$": "alternatives that can match the same text",
    "(a|aa)+$": "alternatives that can match the same text",
    r"(\w+\s?)*$": "optional or repeated part",
    "([a-z]+)*!$": "optional or repeated part",
    "(.*a){20}": "optional or repeated part",
}

REFUSED = {
    **SIX,
    "(a*)*b": "can match nothing",
    "(a?)*b": "can match nothing",
    "(?:.\\d?)*x": "optional or repeated part",  # an optional digit: Fibonacci many splits
    "(?:[ab][ab]?){1,20}x": "optional or repeated part",  # 2**20 ways, bounded but huge
    "(?:a{1,30}){1,30}": "optional or repeated part",
    "(?:[^.]{0,60}?a){0,3}": "optional or repeated part",  # 61**3 ways per start
    "(?:x|xy|z)*$": "alternatives that can match the same text",
    "(?:ab|a|b)+c": "alternatives that can match the same text",  # ab, or a then b
    "((a)\\2)+": "back-reference inside a repetition",
    # two small ambiguous choices per round over 9 rounds: 4**9 ways
    "(?:(?:[a-z]?(?:a|[^b])){0,3}){0,3}$": "a repeated group",
    "(?=(a+)+$)": "optional or repeated part",  # inside a lookahead too
    "(?i:(?:A+)+)x": "optional or repeated part",
    "(?:\\s*\\w+)+ thanks": "optional or repeated part",
    ".*a.*x": "two unbounded repetitions in a row",  # n**2 ways per start: 5,000 a take a minute
    "\\w+\\w+x": "two unbounded repetitions in a row",
    "(?:\\w+ )*x\\w*y": "two unbounded repetitions in a row",
}

ACCEPTED = [
    r"\bje\s+(?:prépare|mène)\b[^.!?\n]{0,60}?\b(?:enquête|projet)",  # the shipped style
    r"(?:\w+ ){0,3}sur (?:votre|vos)",  # \w+ must stop at the space: one way to split
    r"(?:\w+\s+){0,3}about",
    r"\b(?:i’m|we are) (?:a |good |close |old |great )*friends? (?:of|with)\b",  # good/great
    r"(?:x{0,5}y){100}",  # x{0,5} must stop at y
    r"(?:a|b)*c",
    r"(?:ab|ac)*d",
    r"(?:ab|a)+c",  # read as a(?:b|): after the a, a b decides
    r"(?:[ab][cd]?){0,3}x",  # 2**3 ways
    r"[^.]{0,80}?\b(?:understand|learn)",
    r"\d{1,3}(?:[ ,.]\d{3})*",
    r"(?:(?!foo).)*bar",
    r"\b(?:cdt|slt|stp)\b",
    r".*urgent.*",  # one choice per start only: the last .* has nothing after it to give back to
    r"\w+\s+\w+ing",
    r"[^.]{0,300}[^.]{0,300}x",  # bounded gaps at the top level: a constant factor (slow, though)
]


@pytest.mark.parametrize("pattern", sorted(REFUSED))
def test_refused(pattern: str) -> None:
    reason = backtracking_risk(pattern)
    assert reason is not None, pattern
    assert REFUSED[pattern] in str(reason)


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_accepted(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def test_possessive_and_atomic_loops_are_still_refused_when_nested() -> None:
    """Conservative: the analysis does not credit possessive repeats or atomic groups."""
    assert backtracking_risk("(?:a++)+b") is not None
    assert backtracking_risk("(?>(?:a+)+)b") is not None


def test_groups_nested_beyond_the_interpreter_are_refused_not_crashed() -> None:
    reason = backtracking_risk("(?:" * 600 + "a" + ")" * 600)
    assert reason is not None and "nested too deeply" in str(reason)


def test_the_reason_has_a_french_twin() -> None:
    reason = backtracking_risk("(a+)+$")
    assert reason is not None
    assert reason.render("fr").startswith("un groupe répété contient")


def shipped_patterns() -> Iterator[tuple[str, str, str]]:
    text = resources.files("checker").joinpath("data", "rubric.toml").read_text("utf-8")
    for rule in tomllib.loads(text)["rules"]:
        for key in ("patterns", "partial", "when", "unless"):
            for lang, items in rule.get(key, {}).items():
                for pattern in items:
                    yield f"{rule['id']}.{key}.{lang}", pattern, fold_pattern(pattern)


def test_every_pattern_of_the_shipped_rubric_passes_the_same_analysis() -> None:
    """The default rubric is not analysed at every load (the page's boot): here instead."""
    found = list(shipped_patterns())
    assert len(found) > 200
    flagged = [(where, p) for where, p, folded in found if backtracking_risk(folded)]
    assert flagged == []


def test_the_shipped_rubric_loads_under_a_trainers_checks() -> None:
    text = resources.files("checker").joinpath("data", "rubric.toml").read_text("utf-8")
    rubric = load_rubric(text, source="rubric.toml")  # every pattern compiled and analysed
    assert len(rubric.rules) > 30


def test_list_limits() -> None:
    assert list_problem(["x"] * MAX_LIST_ITEMS) is None
    assert "1001 entries" in str(list_problem(["x"] * (MAX_LIST_ITEMS + 1)))
    assert "too long" in str(list_problem(["x" * 5001]))


# --- property: what the analysis accepts runs fast on texts built to make it backtrack --------

ATOMS = ["a", "b", " ", "!", ".", r"\w", r"\s", r"\d", "[ab]", "[a-z]", "[^b]", "x"]
QUANTIFIERS = ["*", "+", "?", "{0,3}", "{2}", "{1,20}", "{0,60}?", "*?", "{20}"]


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    choice = draw(st.integers(0, 9)) if depth < 4 else 0
    if choice <= 2:
        return draw(st.sampled_from(ATOMS))
    if choice <= 4:
        return draw(patterns(depth + 1)) + draw(patterns(depth + 1))
    if choice == 5:
        return f"(?:{draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})"
    return f"(?:{draw(patterns(depth + 1))}){draw(st.sampled_from(QUANTIFIERS))}"


HOSTILE_TEXTS = [
    "a" * 60 + "!",
    "ab" * 30 + "!",
    " a" * 30 + "!",
    "aab" * 20 + "!",
    "a " * 30 + "\n!",
    "aaaa aaaa " * 6 + "x!",
    "1" * 60 + "!",
]


def _search_all(pattern: str) -> None:
    compiled = re.compile(pattern)
    for text in HOSTILE_TEXTS:
        compiled.search(text)


@pytest.fixture(scope="module")
def pool() -> Iterator[list[multiprocessing.pool.Pool]]:
    holder = [multiprocessing.get_context("forkserver").Pool(1)]
    yield holder
    holder[0].terminate()


def runs_within(holder: list[multiprocessing.pool.Pool], pattern: str, seconds: float) -> bool:
    """Whether searching the hostile texts takes less than ``seconds`` (a worker that does not
    finish is killed and replaced: a search cannot be interrupted)."""
    result = holder[0].apply_async(_search_all, (pattern,))
    try:
        result.get(seconds)
    except multiprocessing.TimeoutError:
        holder[0].terminate()
        holder[0] = multiprocessing.get_context("forkserver").Pool(1)
        return False
    return True


def test_the_harness_sees_a_catastrophic_pattern(pool: list[multiprocessing.pool.Pool]) -> None:
    assert runs_within(pool, "(?:a|b)*c", 2.0)
    assert not runs_within(pool, "(a+)+$", 2.0)  # 60 a: years, not seconds


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern=patterns(), end=st.sampled_from(["", "$", "!", "x"]))
def test_accepted_patterns_run_fast_on_hostile_texts(
    pool: list[multiprocessing.pool.Pool], pattern: str, end: str
) -> None:
    pattern += end
    try:
        re.compile(pattern)
    except re.error:
        return
    if backtracking_risk(pattern) is None:
        assert runs_within(pool, pattern, 2.0), pattern
