"""A site built with a trainer's rubric whose pattern can backtrack catastrophically fails
`mkdocs build --strict`, with the message `connecteur rules --rubric` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import RubricError, load_rubric

from .conftest import run_mkdocs
from .tiny_site import write_site

RUBRIC = """\
extends = "default"

[[rules]]
id = "no-aaa"
kind = "absent"
criterion = "personal"
message = { en = "Flagged.", fr = "Signalé." }
suggestion = { en = "Rephrase.", fr = "Reformulez." }
patterns = { en = ['(a+)+$'], fr = ['(a+)+$'] }
"""


def test_a_catastrophic_pattern_stops_the_strict_build(tmp_path: Path, pyodide_dir: Path) -> None:
    with pytest.raises(RubricError) as info:
        load_rubric(RUBRIC, source="rubric.toml")
    message = str(info.value)
    assert message.startswith("rubric.toml: rule 'no-aaa': key 'patterns': pattern '(a+)+$'")
    result = run_mkdocs(write_site(tmp_path, pyodide_dir, rubric=RUBRIC))
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
