"""The tests' own layout: every test that drives Chromium lives in ``tests/browser``.

One folder means one place to look when the browser changes, and one ``-m "not browser"`` run that
skips exactly those files.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
BROWSER_FIXTURES = {"page", "context", "make_context", "browser", "cpage"}


def drives_chromium(path: Path) -> bool:
    """Whether a test module is marked ``browser`` or asks for a browser fixture."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "browser"
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "mark"
        ):
            return True
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            fixtures = {arg.arg for arg in node.args.args} - parametrized(node)
            if BROWSER_FIXTURES & fixtures:
                return True
    return False


def parametrized(test: ast.FunctionDef) -> set[str]:
    """The names a ``parametrize`` decorator fills (a parameter called ``page`` is no page)."""
    names: set[str] = set()
    for decorator in test.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "parametrize"
            and decorator.args
        ):
            first = decorator.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.update(name.strip() for name in first.value.split(","))
            elif isinstance(first, ast.Tuple | ast.List):
                names.update(
                    e.value
                    for e in first.elts
                    if isinstance(e, ast.Constant) and isinstance(e.value, str)
                )
    return names


def test_browser_tests_live_in_one_folder() -> None:
    outside = [
        str(path.relative_to(TESTS))
        for path in sorted(TESTS.rglob("test_*.py"))
        if "browser" not in path.relative_to(TESTS).parts and drives_chromium(path)
    ]
    assert outside == [], f"move these browser tests to tests/browser/: {outside}"


def test_the_check_finds_a_browser_test() -> None:
    """The detector is not blind: the folder it guards holds marked tests."""
    assert any(drives_chromium(path) for path in (TESTS / "browser").glob("test_*.py"))
