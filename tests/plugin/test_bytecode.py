"""The wheel carries bytecode compiled by the bundled Pyodide; the cache and Node's absence."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from .conftest import run_mkdocs
from .tiny_site import write_site

RUNTIME = "assets/connecteur/runtime"
CHECKER = Path(__file__).resolve().parents[2] / "checker"


def wheel_files(site: Path) -> dict[str, bytes]:
    lock = json.loads((site / RUNTIME / "pyodide-lock.json").read_text())
    data = (site / RUNTIME / lock["packages"]["connecteur"]["file_name"]).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bytecode-cache")


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory, pyodide_dir: Path, cache: Path) -> Path:
    """A first build with an empty cache: Pyodide, under Node, compiles the checker."""
    root = tmp_path_factory.mktemp("compiled")
    result = run_mkdocs(write_site(root, pyodide_dir), env={"CONNECTEUR_CACHE": str(cache)})
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.node  # Pyodide runs under Node to compile
@pytest.mark.slow
def test_every_module_ships_with_unchecked_bytecode_for_pyodides_python(
    compiled_site: Path,
) -> None:
    files = wheel_files(compiled_site)
    lock = json.loads((compiled_site / RUNTIME / "pyodide-lock.json").read_text())
    major, minor = lock["info"]["python"].split(".")[:2]
    modules = sorted(p.relative_to(CHECKER.parent).as_posix() for p in CHECKER.rglob("*.py"))
    assert modules
    for module in modules:
        folder, _, name = module.rpartition("/")
        pyc = f"{folder}/__pycache__/{name[:-3]}.cpython-{major}{minor}.pyc"
        assert pyc in files, pyc
        assert files[module] == (CHECKER.parent / module).read_bytes()
        # PEP 552 flags: bit 0 hash-based, bit 1 check_source. Unchecked: 0b01.
        assert int.from_bytes(files[pyc][4:8], "little") == 0b01, pyc
    record = files[next(n for n in files if n.endswith(".dist-info/RECORD"))].decode()
    assert all(name in record for name in files if name.endswith(".pyc"))


@pytest.mark.node  # Pyodide runs under Node to compile
@pytest.mark.slow
def test_a_later_build_takes_the_bytecode_from_the_cache_without_node(
    compiled_site: Path, cache: Path, tmp_path: Path, pyodide_dir: Path
) -> None:
    env = {"CONNECTEUR_CACHE": str(cache), "CONNECTEUR_NODE": str(tmp_path / "no-node-here")}
    result = run_mkdocs(write_site(tmp_path, pyodide_dir), env=env)
    assert result.returncode == 0, result.stderr
    assert wheel_files(tmp_path / "site") == wheel_files(compiled_site)


def test_without_node_the_build_says_so_and_ships_sources(
    tmp_path: Path, pyodide_dir: Path
) -> None:
    env = {"CONNECTEUR_CACHE": str(tmp_path / "empty"), "CONNECTEUR_NODE": "no-such-node"}
    config = write_site(tmp_path, pyodide_dir)
    strict = run_mkdocs(config, env=env)
    assert strict.returncode != 0
    assert "Node.js was not found" in strict.stderr
    assert "bytecode: false" in strict.stderr
    relaxed = run_mkdocs(config, strict=False, env=env)
    assert relaxed.returncode == 0, relaxed.stderr
    files = wheel_files(tmp_path / "site")
    assert "checker/grader.py" in files
    assert not [name for name in files if name.endswith(".pyc")]


def test_bytecode_false_needs_no_node(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    text = config.read_text().replace(
        "      rubric: rubric.toml\n", "      rubric: rubric.toml\n      bytecode: false\n"
    )
    config.write_text(text)
    env = {"CONNECTEUR_CACHE": str(tmp_path / "empty"), "CONNECTEUR_NODE": "no-such-node"}
    result = run_mkdocs(config, env=env)
    assert result.returncode == 0, result.stderr
    assert not [name for name in wheel_files(tmp_path / "site") if name.endswith(".pyc")]


def test_the_cache_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from mkdocs_connecteur import bytecode

    monkeypatch.setenv("CONNECTEUR_CACHE", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert bytecode.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CONNECTEUR_CACHE")
    assert bytecode.cache_dir() == tmp_path / "xdg" / "connecteur"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert bytecode.cache_dir() == tmp_path / "home" / ".cache" / "connecteur"


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '{"checker/x.py": "AAAA"}', '{"checker/__pycache__/x.cpython-314.pyc": "%%"}'],
)
def test_a_damaged_cache_entry_is_ignored(tmp_path: Path, content: str) -> None:
    from mkdocs_connecteur import bytecode

    entry = tmp_path / "bytecode-x.json"
    entry.write_text(content, encoding="utf-8")
    assert bytecode._read_cache(entry) is None
    assert bytecode._read_cache(tmp_path / "missing.json") is None
