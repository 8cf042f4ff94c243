"""The checker's zip carries bytecode compiled by the bundled Pyodide; the cache; Node's absence."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from .conftest import run_mkdocs
from .tiny_site import write_site

RUNTIME = "assets/connecteur/runtime"
CHECKER = Path(__file__).resolve().parents[2] / "checker"


def stdlib_files(root: Path) -> dict[str, bytes]:
    """Name to bytes, in the archive's order, of a python_stdlib.zip under ``root``."""
    with zipfile.ZipFile(root / "python_stdlib.zip") as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def core_files(site: Path) -> dict[str, bytes]:
    """Name to bytes of the checker's zip the site ships (named in its config.json)."""
    config = json.loads((site / RUNTIME / "config.json").read_text())
    data = (site / RUNTIME / config["core"]["file"]).read_bytes()
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
    files = core_files(compiled_site)
    modules = sorted(p.relative_to(CHECKER.parent).as_posix() for p in CHECKER.rglob("*.py"))
    assert modules
    magic = set()
    for module in modules:
        # Sourceless, where zipimport looks: checker/x.pyc instead of checker/x.py.
        pyc = module + "c"
        assert pyc in files and module not in files, pyc
        # PEP 552 flags: bit 0 hash-based, bit 1 check_source. Unchecked: 0b01.
        assert int.from_bytes(files[pyc][4:8], "little") == 0b01, pyc
        magic.add(files[pyc][:4])
    assert len(magic) == 1, "compiled by more than one Python"
    stdlib = stdlib_files(compiled_site / RUNTIME)
    assert magic == {stdlib["json/decoder.pyc"][:4]}, "not the bundled Python's bytecode"


@pytest.mark.node
@pytest.mark.slow
def test_the_standard_library_ships_bytecode_instead_of_sources(
    compiled_site: Path, pyodide_dir: Path
) -> None:
    from mkdocs_connecteur.runtime.stdlib import UNUSED

    pinned = stdlib_files(pyodide_dir)
    shipped = stdlib_files(compiled_site / RUNTIME)
    compiled = [name for name in shipped if name.endswith(".pyc")]
    assert len(compiled) >= 100
    # Each compiled module's source is gone, its bytecode where the source was.
    assert all(name[:-1] in pinned and name[:-1] not in shipped for name in compiled)
    order = [name + "c" if name + "c" in shipped else name for name in pinned]
    assert list(shipped) == [name for name in order if name in shipped]
    # Every other entry as published, except the modules no grading worker imports.
    kept = [name for name in shipped if not name.endswith(".pyc")]
    assert all(shipped[name] == pinned[name] for name in kept)
    dropped = {name.split("/")[0].removesuffix(".py") for name in pinned} - {
        name.split("/")[0].removesuffix(".pyc").removesuffix(".py") for name in shipped
    }
    assert dropped and dropped <= UNUSED
    # What every boot imports, from the interpreter's start to the checker's rules.
    for module in ("encodings/__init__", "_pyodide/_base", "re/__init__", "json/decoder"):
        assert f"{module}.pyc" in compiled, module
    magic = {shipped[name][:4] for name in compiled}
    assert len(magic) == 1, "compiled by more than one Python"
    assert all(int.from_bytes(shipped[name][4:8], "little") == 0b01 for name in compiled)
    # Fewer bytes than sources plus bytecode: what the reader downloads.
    size = (compiled_site / RUNTIME / "python_stdlib.zip").stat().st_size
    assert size < (pyodide_dir / "python_stdlib.zip").stat().st_size + 1_000_000


@pytest.mark.node  # Pyodide runs under Node to compile
@pytest.mark.slow
def test_a_later_build_takes_the_bytecode_from_the_cache_without_node(
    compiled_site: Path, cache: Path, tmp_path: Path, pyodide_dir: Path
) -> None:
    env = {"CONNECTEUR_CACHE": str(cache), "CONNECTEUR_NODE": str(tmp_path / "no-node-here")}
    result = run_mkdocs(write_site(tmp_path, pyodide_dir), env=env)
    assert result.returncode == 0, result.stderr
    assert core_files(tmp_path / "site") == core_files(compiled_site)
    zip_again = tmp_path / "site" / RUNTIME / "python_stdlib.zip"
    assert zip_again.read_bytes() == (compiled_site / RUNTIME / "python_stdlib.zip").read_bytes()


@pytest.mark.node  # the checker's bytecode comes from a build that ran Node
@pytest.mark.slow
def test_without_node_the_standard_library_ships_as_published(
    compiled_site: Path, cache: Path, tmp_path: Path, pyodide_dir: Path
) -> None:
    """The checker's bytecode is cached, the standard library's is not, and Node is missing."""
    partial = tmp_path / "partial-cache"
    partial.mkdir()
    for entry in cache.glob("bytecode-*.json"):
        shutil.copy(entry, partial)
    env = {"CONNECTEUR_CACHE": str(partial), "CONNECTEUR_NODE": str(tmp_path / "no-node")}
    config = write_site(tmp_path, pyodide_dir)
    strict = run_mkdocs(config, env=env)
    assert strict.returncode != 0
    assert "standard library ships without bytecode" in strict.stderr
    relaxed = run_mkdocs(config, strict=False, env=env)
    assert relaxed.returncode == 0, relaxed.stderr
    assert core_files(tmp_path / "site") == core_files(compiled_site)
    shipped = (tmp_path / "site" / RUNTIME / "python_stdlib.zip").read_bytes()
    assert shipped == (pyodide_dir / "python_stdlib.zip").read_bytes()


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
    files = core_files(tmp_path / "site")
    assert "checker/grader.py" in files
    assert not [name for name in files if name.endswith(".pyc")]
    assert stdlib_files(tmp_path / "site" / RUNTIME) == stdlib_files(pyodide_dir)


def test_bytecode_false_needs_no_node(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    text = config.read_text().replace(
        "      rubric: rubric.toml\n", "      rubric: rubric.toml\n      bytecode: false\n"
    )
    config.write_text(text)
    env = {"CONNECTEUR_CACHE": str(tmp_path / "empty"), "CONNECTEUR_NODE": "no-such-node"}
    result = run_mkdocs(config, env=env)
    assert result.returncode == 0, result.stderr
    assert not [name for name in core_files(tmp_path / "site") if name.endswith(".pyc")]
    shipped = (tmp_path / "site" / RUNTIME / "python_stdlib.zip").read_bytes()
    assert shipped == (pyodide_dir / "python_stdlib.zip").read_bytes()


def test_snapshot_false_ships_none(tmp_path: Path, pyodide_dir: Path) -> None:
    """`snapshot: false`: every reader boots Pyodide; the config names no snapshot."""
    config = write_site(tmp_path, pyodide_dir)
    text = config.read_text().replace(
        "      rubric: rubric.toml\n", "      rubric: rubric.toml\n      snapshot: false\n"
    )
    config.write_text(text)
    result = run_mkdocs(config)
    assert result.returncode == 0, result.stderr
    runtime = tmp_path / "site" / RUNTIME
    assert not (runtime / "snapshot.bin.gz").exists()
    assert json.loads((runtime / "config.json").read_text())["snapshot"] is None


def test_no_node_no_snapshot(tmp_path: Path, pyodide_dir: Path) -> None:
    """Without Node.js there is neither bytecode nor a snapshot, and the build says so once."""
    config = write_site(tmp_path, pyodide_dir)
    env = {"CONNECTEUR_CACHE": str(tmp_path / "empty"), "CONNECTEUR_NODE": "no-such-node"}
    result = run_mkdocs(config, env=env)
    runtime = tmp_path / "site" / RUNTIME
    assert not (runtime / "snapshot.bin.gz").exists()
    assert json.loads((runtime / "config.json").read_text())["snapshot"] is None
    assert "Node.js was not found" in result.stderr


def test_the_cache_folder_is_the_option_unless_the_environment_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from mkdocs_connecteur.runtime.build import cache_dir

    config = str(tmp_path / "site" / "mkdocs.yml")
    monkeypatch.setenv("CONNECTEUR_CACHE", str(tmp_path / "mine"))
    assert cache_dir(".cache/connecteur", config) == tmp_path / "mine"
    monkeypatch.delenv("CONNECTEUR_CACHE")
    assert cache_dir(".cache/connecteur", config) == tmp_path / "site" / ".cache" / "connecteur"
    assert cache_dir("/elsewhere", config) == Path("/elsewhere")
    assert cache_dir("", config) is None


@pytest.mark.node  # the first build runs Pyodide under Node to compile
@pytest.mark.slow
def test_a_second_build_reuses_the_disk_cache(tmp_path: Path, pyodide_dir: Path) -> None:
    """The plugin keeps nothing between builds in memory: a second build, even in another
    process with Node unreachable, takes the runtime from cache_dir."""
    config = write_site(tmp_path, pyodide_dir)
    first = run_mkdocs(config, env={"CONNECTEUR_CACHE": ""})
    assert first.returncode == 0, first.stderr
    cache = tmp_path / ".cache" / "connecteur"
    kinds = sorted({entry.name.split("-")[0] for entry in cache.iterdir()})
    assert kinds == ["bytecode", "snapshot", "stdlib"]
    runtime = tmp_path / "site" / RUNTIME
    before = {path.name: path.read_bytes() for path in runtime.iterdir()}
    for path in runtime.iterdir():
        path.unlink()
    env = {"CONNECTEUR_CACHE": "", "CONNECTEUR_NODE": "no-such-node", "PATH": "/nonexistent"}
    second = run_mkdocs(config, env=env)
    assert second.returncode == 0, second.stderr
    assert {path.name: path.read_bytes() for path in runtime.iterdir()} == before


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '{"checker/x.py": "AAAA"}', '{"checker/__pycache__/x.cpython-314.pyc": "%%"}'],
)
def test_a_damaged_cache_entry_is_ignored(tmp_path: Path, content: str) -> None:
    from mkdocs_connecteur.runtime import bytecode

    entry = tmp_path / "bytecode-x.json"
    entry.write_text(content, encoding="utf-8")
    assert bytecode.read_cache(entry, bytecode._in_pycache) is None
    assert bytecode.read_cache(tmp_path / "missing.json", bytecode._in_pycache) is None


def small_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, data) in enumerate(entries.items()):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1 + index, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if index % 2 else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def test_bytecode_replaces_its_source_and_nothing_else_changes() -> None:
    from mkdocs_connecteur.runtime.stdlib import with_bytecode

    original = small_zip(
        {
            "a.py": b"A = 1\n",
            "pkg/__init__.py": b"",
            "data.txt": b"x",
            "pdb.py": b"# a debugger\n",  # UNUSED, and not imported: left out
            "unittest/__init__.py": b"",  # UNUSED, but imported by the boot: kept
            "unittest/case.py": b"",
        }
    )
    compiled = {"pkg/__init__.pyc": b"PKG", "a.pyc": b"A", "unittest/__init__.pyc": b"U"}
    out = with_bytecode(original, compiled)
    assert out == with_bytecode(original, dict(reversed(compiled.items()))), "not deterministic"
    with zipfile.ZipFile(io.BytesIO(original)) as before, zipfile.ZipFile(io.BytesIO(out)) as after:
        assert after.namelist() == [
            "a.pyc",
            "pkg/__init__.pyc",
            "data.txt",
            "unittest/__init__.pyc",
            "unittest/case.py",
        ]
        for name in ("data.txt", "unittest/case.py"):
            a, b = before.getinfo(name), after.getinfo(name)
            assert (a.date_time, a.compress_type) == (b.date_time, b.compress_type)
            assert before.read(a) == after.read(b)
        assert after.read("a.pyc") == b"A"
        assert after.getinfo("a.pyc").date_time == before.getinfo("a.py").date_time


@pytest.mark.parametrize("name", ["b.pyc", "a.py", "../a.pyc", "data.txtc"])
def test_bytecode_without_its_source_is_refused(name: str) -> None:
    from mkdocs_connecteur.runtime.stdlib import with_bytecode

    original = small_zip({"a.py": b"A = 1\n", "data.txt": b"x"})
    with pytest.raises(ValueError, match="not the bytecode of a module"):
        with_bytecode(original, {name: b"X"})


def test_the_snapshot_cache_follows_the_checker_zip_name(pyodide_dir: Path) -> None:
    """The snapshot keeps the zip's path on sys.path: the same bytes under another version's
    name are another snapshot (a cached one would read its data from a file never written)."""
    from mkdocs_connecteur.runtime.core import Core
    from mkdocs_connecteur.runtime.snapshot import cache_key

    stdlib_zip = (pyodide_dir / "python_stdlib.zip").read_bytes()
    one = cache_key(pyodide_dir, stdlib_zip, Core("checker-0.1.0.zip", b"zip"), b"{}")
    other = cache_key(pyodide_dir, stdlib_zip, Core("checker-0.2.0.zip", b"zip"), b"{}")
    assert one != other
    assert one == cache_key(pyodide_dir, stdlib_zip, Core("checker-0.1.0.zip", b"zip"), b"{}")
