"""Helpers for the plugin's tests: real ``mkdocs build --strict`` runs of small sites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


def foreign_assets(site: Path) -> list[str]:
    """Every reference in the built HTML and in our JavaScript that would fetch from a CDN or
    from another host ("page: tag"); links that name a page (canonical, alternate) fetch nothing.
    Pyodide's own files are not searched: they hold a CDN default that packageBaseUrl disables."""
    found = []
    ours = [*site.rglob("*.html"), *(site / "assets/connecteur/js").rglob("*.js")]
    for path in ours:
        text = path.read_text(encoding="utf-8")
        if "cdn.jsdelivr" in text:
            found.append(f"{path}: cdn.jsdelivr")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", text):
            if re.search(r'rel="(canonical|alternate)"', tag):
                continue
            if re.search(r'(?:src|href)="(?:https?:)?//', tag):
                found.append(f"{path}: {tag}")
    return found
