"""The core is identical in every Python it runs on: same reports, byte for byte, in 3.12."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DRAFTS = [
    ("Bonjour, pourriez vous transférer. Cdt", "ask"),
    ("Bonjour, nous avons des points communs. Cdt", "request"),
    ("😀 Hi {first_name}\r\n« c’est urgent » e\u0301", "request"),
    ("Hi Zoe, great chatting at the meetup; I'd love to keep in touch. Imani", "connect"),
]
SCRIPT = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import checker; "
    "drafts = json.loads(sys.stdin.read()); "
    "print(json.dumps([checker.grade(t, kind=k).to_dict() for t, k in drafts]))"
)


def test_python_312_gives_the_same_reports() -> None:
    exe = shutil.which("python3.12")
    if exe is None:
        pytest.skip("python3.12 is not installed")
    env = {**os.environ, "PYENV_VERSION": "3.12.1"}
    done = subprocess.run(
        [exe, "-I", "-c", SCRIPT, str(REPO)],
        input=json.dumps(DRAFTS),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if done.returncode != 0 and "version" in done.stderr.lower() and "not installed" in done.stderr:
        pytest.skip(done.stderr.strip())
    assert done.returncode == 0, done.stderr
    here = subprocess.run(
        [sys.executable, "-I", "-c", SCRIPT, str(REPO)],
        input=json.dumps(DRAFTS),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout == here.stdout
