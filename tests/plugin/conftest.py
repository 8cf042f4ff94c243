"""Helpers for the plugin's tests: real ``mkdocs build --strict`` runs of small sites."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYODIDE = REPO / "node_modules" / "pyodide"


@pytest.fixture(scope="session")
def pyodide_dir() -> Path:
    """The npm package the plugin bundles (installed by `npm ci`, as `make test` does)."""
    assert (PYODIDE / "package.json").is_file(), f"{PYODIDE} is missing: run `npm ci`"
    return PYODIDE


def run_mkdocs(
    config: Path,
    site: Path | None = None,
    *,
    strict: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as an author would; output captured for the assertions."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]
    if strict:
        command.append("--strict")
    if site is not None:
        command += ["-d", str(site)]
    # $CONNECTEUR_PYODIDE from the caller's shell must not change what a test builds.
    full_env = {k: v for k, v in os.environ.items() if k != "CONNECTEUR_PYODIDE"}
    full_env |= {"NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        command, cwd=config.parent, capture_output=True, text=True, env=full_env, check=False
    )


@pytest.fixture
def mkdocs() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_mkdocs
