"""What the message tests of the core and of the command line share: the templates a package uses.

A message is ``text("English template", **values)`` (imported as ``_t``); its French twin lives in
the package's ``FRENCH`` catalogue. These helpers find every template a package's code passes.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path


def templates_in_package(package: Path) -> dict[str, str]:
    """Every literal template passed to ``text()`` (imported as ``_t``), with where it is."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_t", "text")
                and node.args
            ):
                first = node.args[0]
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: a message template must be a literal string"
                )
                found[first.value] = f"{path.name}:{node.lineno}"
    return found


def fields(template: str) -> set[str]:
    """The names a ``str.format`` template fills."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
