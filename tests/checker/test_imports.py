"""What `import checker` loads: the standard library only, and nothing the page's boot can skip.

In the browser the checker is imported while the reader waits for "ready"; reading a rubric
(tomllib, importlib.resources) and explaining a typo in one (difflib) happen later, so importing
them up front would only slow every boot.
"""

from __future__ import annotations

import sys

import pytest
from import_probe import DEFERRED, modules_loaded_by_import


def test_importing_the_checker_loads_only_the_standard_library() -> None:
    loaded = modules_loaded_by_import()
    assert "checker.grader" in loaded
    outside = [
        name
        for name in loaded
        if name.split(".")[0] != "checker" and name.split(".")[0] not in sys.stdlib_module_names
    ]
    assert outside == []


def test_importing_the_checker_defers_what_only_rubric_reading_needs() -> None:
    loaded = modules_loaded_by_import()
    assert [name for name in DEFERRED if name in loaded] == []


def test_the_deferred_modules_still_load_when_a_rubric_is_read() -> None:
    import checker

    with pytest.raises(checker.RubricError, match="did you mean 'rules'"):
        checker.load_rubric('extends = "default"\nname = "x"\nrulez = []', source="typo.toml")
