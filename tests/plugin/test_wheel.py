"""The checker wheel: pure Python, only the checker package, reproducible, valid RECORD."""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

import checker
from mkdocs_connecteur.runtime.wheel import build_wheel

PACKAGE = Path(checker.__file__).parent


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_wheel_is_deterministic_and_named_for_pyodide() -> None:
    first, second = build_wheel(PACKAGE, "0.1.0"), build_wheel(PACKAGE, "0.1.0")
    assert first.filename == "connecteur-0.1.0-py3-none-any.whl"
    assert first.data == second.data
    assert first.sha256 == hashlib.sha256(first.data).hexdigest()


def test_wheel_holds_the_checker_and_its_data_only() -> None:
    names = _zip(build_wheel(PACKAGE, "0.1.0").data).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"checker", "connecteur-0.1.0.dist-info"}
    assert "checker/__init__.py" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    expected = {
        p.relative_to(PACKAGE.parent).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".po", ".pot")
    }
    assert {n for n in names if n.startswith("checker/")} == expected


def test_the_browser_gets_the_grading_core_and_no_adapter() -> None:
    """What the site ships to Pyodide: the core's modules and its rubric, nothing the browser
    never runs (the command line, batch grading, the workshop scaffold and its templates)."""
    names = sorted(n for n in _zip(build_wheel(PACKAGE, "0.1.0").data).namelist())
    core = [n for n in names if n.startswith("checker/")]
    assert "checker/grader.py" in core and "checker/data/rubric.toml" in core
    # Besides the modules, only the core's data (the rubric, the role model's weights) and the
    # compiled catalogues (the report's words; their .po sources stay out).
    data = ("checker/data/", "checker/locale/")
    assert [n for n in core if not n.endswith(".py") and not n.startswith(data)] == []
    assert {n for n in core if n.startswith("checker/locale/")} == {
        f"checker/locale/{lang}/LC_MESSAGES/connecteur.mo" for lang in ("en", "fr")
    }
    adapters = ("cli", "batch", "scaffold", "templates", "connecteur_cli", "__main__")
    assert [n for n in names if any(word in n for word in adapters)] == []


def test_record_lists_every_file_with_its_hash() -> None:
    archive = _zip(build_wheel(PACKAGE, "9.9.9").data)
    record = archive.read("connecteur-9.9.9.dist-info/RECORD").decode()
    rows = [line.split(",") for line in record.splitlines()]
    assert {row[0] for row in rows} == set(archive.namelist())
    for name, digest, size in rows:
        if name.endswith("RECORD"):
            assert (digest, size) == ("", "")
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert (digest, int(size)) == (f"sha256={expected}", len(data))
    wheel = archive.read("connecteur-9.9.9.dist-info/WHEEL").decode()
    assert "Root-Is-Purelib: true" in wheel and "Tag: py3-none-any" in wheel
    assert "Version: 9.9.9" in archive.read("connecteur-9.9.9.dist-info/METADATA").decode()


def test_a_folder_that_is_not_the_checker_is_refused(tmp_path: Path) -> None:
    (tmp_path / "checker").mkdir()
    with pytest.raises(ValueError, match=r"__init__\.py"):
        build_wheel(tmp_path / "checker", "0.1.0")
