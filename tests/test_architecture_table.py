"""ARCHITECTURE.md's parts table names every module of the three packages.

A module is named by its file name (`` `parts.py` ``) in the table's rows, or belongs to a folder
the table describes as a whole (the rule kinds in ``checker/rules/``, one module per kind).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("checker", "connecteur_cli", "mkdocs_connecteur")
WHOLE_FOLDERS = {"checker/rules"}  # described as "one module per rule kind behind a registry"


def table_rows() -> str:
    text = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if line.startswith("| "))


def unnamed_modules(rows: str) -> list[str]:
    out = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            where = path.relative_to(REPO)
            if path.name == "__init__.py" or "templates" in where.parts:
                continue
            if where.parent.as_posix() in WHOLE_FOLDERS:
                continue
            if f"`{path.name}`" not in rows:
                out.append(where.as_posix())
    return out


def test_every_module_is_in_the_parts_table() -> None:
    assert unnamed_modules(table_rows()) == [], "name these modules in ARCHITECTURE.md's table"


def test_a_module_left_out_of_the_table_is_found() -> None:
    rows = table_rows().replace("`parts.py`", "`the parts`")
    assert "checker/parts.py" in unnamed_modules(rows)
