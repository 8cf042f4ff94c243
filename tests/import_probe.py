"""What importing one module loads, measured in a fresh, isolated interpreter.

Shared by the import tests of the core (``import checker``) and of the worker's bridge (``import
checker.bridge``): both must load the standard library only and defer what only reading a rubric
needs, since the browser imports them while the reader waits for "ready".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFERRED = ("difflib", "tomllib", "importlib.resources")
"""Modules only reading a rubric (or explaining a typo in one) needs: never loaded by an import."""
SCRIPT = (
    "import importlib, json, sys; before = set(sys.modules); sys.path.insert(0, sys.argv[1]); "
    "importlib.import_module(sys.argv[2]); print(json.dumps(sorted(set(sys.modules) - before)))"
)


def modules_loaded_by_import(module: str = "checker") -> list[str]:
    """The modules ``import <module>`` adds to a fresh ``python -I``, sorted."""
    done = subprocess.run(
        [sys.executable, "-I", "-c", SCRIPT, str(REPO), module],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded
