"""One version number, defined once (checker.__version__), and the release notes that go with it."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import checker

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("checker", "connecteur_cli", "mkdocs_connecteur")


def test_the_version_is_assigned_once_in_the_packages() -> None:
    assigned = []
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
                ):
                    assigned.append(path.relative_to(REPO).as_posix())
    assert assigned == ["checker/grader.py"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", checker.__version__)


def test_the_package_metadata_reads_that_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    assert module == "checker.grader" and getattr(checker.grader, name) == checker.__version__


def test_the_changelog_has_an_unreleased_section_and_one_for_this_version() -> None:
    headings = re.findall(r"^## \[([^\]]+)\]", (REPO / "CHANGELOG.md").read_text("utf-8"), re.M)
    assert headings[0] == "Unreleased"
    assert checker.__version__ in headings


def test_the_readme_install_commands_name_this_version_and_the_pinned_pyodide() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install = readme[readme.index("## Install") : readme.index("## The command line")]
    assert f"dist/connecteur-{checker.__version__}-py3-none-any.whl[site]" in install
    pins = json.loads((REPO / "mkdocs_connecteur/pyodide_pins.json").read_text("utf-8"))
    assert [f"pyodide@{v}" in install for v in pins["versions"]] == [True]
