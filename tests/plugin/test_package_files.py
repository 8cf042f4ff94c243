"""The checker's files the browser receives: the core's modules, data and compiled catalogues."""

from __future__ import annotations

from pathlib import Path

import checker
from mkdocs_connecteur.runtime.package import package_files, package_sources

PACKAGE = Path(checker.__file__).parent


def test_every_file_of_the_core_and_nothing_else() -> None:
    names = [name for name, _ in package_files(PACKAGE)]
    assert names == sorted(names)  # a stable order: the zip's bytes do not depend on the disk
    expected = {
        p.relative_to(PACKAGE.parent).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".po", ".pot")
    }
    assert set(names) == expected
    assert "checker/grader.py" in names and "checker/data/rubric.toml" in names
    assert {n for n in names if n.startswith("checker/locale/")} == {
        f"checker/locale/{lang}/LC_MESSAGES/connecteur.mo" for lang in ("en", "fr")
    }


def test_caches_stray_bytecode_and_catalogue_sources_stay_out(tmp_path: Path) -> None:
    package = tmp_path / "checker"
    (package / "__pycache__").mkdir(parents=True)
    (package / "locale").mkdir()
    (package / "__init__.py").write_text("")
    (package / "__pycache__" / "x.cpython-313.pyc").write_bytes(b"\0")
    (package / "stray.pyc").write_bytes(b"\0")
    (package / "locale" / "connecteur.po").write_text("")
    (package / "locale" / "connecteur.mo").write_bytes(b"mo")
    assert package_sources(package) == {
        "checker/__init__.py": b"",
        "checker/locale/connecteur.mo": b"mo",
    }
