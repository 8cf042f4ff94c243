"""The package's own data files (the role model, the rubric, the catalogues), as bytes.

They are read through this module's loader: zipimport in the browser, where the checker is a zip
on ``sys.path``, the file system elsewhere. ``pkgutil.get_data`` does the same but importing
``pkgutil`` cost the browser's "ready" 8 ms, and ``importlib.resources`` brings ``zipfile`` and
``tempfile`` on top.
"""

from __future__ import annotations

import os

_PACKAGE = os.path.dirname(__file__)


def read(*parts: str) -> bytes:
    """The bytes of ``checker/<parts...>``."""
    data: bytes = __loader__.get_data(os.path.join(_PACKAGE, *parts))  # type: ignore[name-defined]
    return data
