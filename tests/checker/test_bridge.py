"""checker.bridge, the worker's Python side, in CPython: JSON in, the report's JSON string out.

The parity test (tests/node/test_pyodide_parity.py) runs the same module in the bundled Pyodide.
"""

from __future__ import annotations

import json

import pytest
from import_probe import DEFERRED, modules_loaded_by_import

import checker
from checker import bridge, lazyre
from checker.bridge import Bridge

DRAFT = "Bonjour, pourriez vous transférer. Cdt"
TRAINER = """
extends = "default"
name = "atelier"
disable = ["no-shorthand"]
"""


def args(text: str = DRAFT, kind: str = "ask", lang: str | None = None) -> str:
    return json.dumps({"text": text, "kind": kind, "lang": lang})


def test_grade_returns_exactly_what_cpython_dumps() -> None:
    for lang in (None, "auto", "fr", "en"):
        got = Bridge().grade(args(lang=lang))
        expected = checker.grade(DRAFT, kind="ask", lang=None if lang == "auto" else lang)
        assert got == json.dumps(expected.to_dict())
    assert json.loads(Bridge().grade(args(lang="en")))["lang_source"] == "forced"
    assert json.loads(Bridge().grade(args(lang="auto")))["lang_source"] == "detected"


def test_hostile_text_still_grades() -> None:
    for text in ["", "\ud83d lone surrogate", "x" * 60_000, "<script>alert(1)</script>"]:
        report = json.loads(Bridge().grade(args(text=text, kind="connect")))
        assert report["schema"] == checker.SCHEMA


def test_bad_arguments_raise_value_errors() -> None:
    with pytest.raises(ValueError, match="kind"):
        Bridge().grade(args(kind="letter"))
    with pytest.raises(ValueError, match="lang"):
        Bridge().grade(args(lang="de"))
    with pytest.raises(ValueError, match="object"):
        Bridge().grade("[1, 2]")
    with pytest.raises(ValueError):
        Bridge().grade("not json")


def test_a_trainers_rubric_is_used_until_replaced() -> None:
    worker = Bridge()
    default = json.loads(worker.grade(args()))
    assert default["rubric"] == "default"
    assert any(f["rule"] == "no-shorthand" for f in default["findings"])
    assert worker.set_rubric(TRAINER, "rubric.toml") == "atelier"
    trained = json.loads(worker.grade(args()))
    assert trained["rubric"] == "atelier"
    assert not any(f["rule"] == "no-shorthand" for f in trained["findings"])
    # Another bridge (another worker) keeps the default.
    assert json.loads(Bridge().grade(args()))["rubric"] == "default"


def test_a_broken_rubric_names_its_source() -> None:
    broken = 'extends = "default"\n[[rules]]\nid = 3\n'
    with pytest.raises(checker.RubricError, match=r"rubric\.toml"):
        Bridge().set_rubric(broken, "rubric.toml")


def test_warm_up_compiles_every_pattern_in_slices() -> None:
    worker = Bridge()
    worker.set_rubric(TRAINER, "rubric.toml")
    assert worker.rubric is not None
    patterns = [p for rule in worker.rubric.rules for p in rule.lazy_patterns()]
    assert len(patterns) > bridge.WARM_SLICE
    steps = 0
    while worker.warm_step():
        steps += 1
        assert steps < 10_000
    # One step reads the rubric, one compiles the core's own patterns, then one per full slice
    # of WARM_SLICE patterns; the next one ends.
    assert steps == 2 + len(patterns) // bridge.WARM_SLICE
    assert all(p._compiled is not None for p in patterns)
    assert all("compiled" in vars(regex) for regex in lazyre._ALL)
    assert worker.warm_step() is False  # done stays done


def test_module_functions_are_one_worker() -> None:
    assert bridge.version() == checker.__version__
    assert json.loads(bridge.grade(args()))["kind"] == "ask"


def test_importing_the_bridge_defers_what_the_checker_defers() -> None:
    loaded = modules_loaded_by_import("checker.bridge")
    assert "checker.bridge" in loaded
    assert [name for name in DEFERRED if name in loaded] == []


def test_prepare_reads_the_role_model_before_ready() -> None:
    from checker.roles import default_model

    default_model.cache_clear()
    bridge.prepare()
    assert default_model.cache_info().currsize == 1
