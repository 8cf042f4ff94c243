"""Make `import checker` mean the package, not this folder.

`tests/conftest.py` puts `tests/` on sys.path, where `tests/checker/` (no __init__.py) would shadow
the editable install as an empty namespace package under a bare `pytest`. `python -m pytest` from
the repository root (the Makefile) is unaffected; this keeps a bare `pytest` working too.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = str(Path(__file__).resolve().parents[2])
_mod = sys.modules.get("checker")
if _mod is not None and getattr(_mod, "__file__", None) is None:
    for name in [m for m in sys.modules if m == "checker" or m.startswith("checker.")]:
        del sys.modules[name]
if REPO not in sys.path:
    sys.path.insert(0, REPO)
