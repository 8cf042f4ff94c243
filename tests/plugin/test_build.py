"""One real ``mkdocs build --strict`` of the tiny bilingual site, then what it produced."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import checker
from mkdocs_connecteur.runtime.pyodide import SHIPPED, STDLIB, pins

from .conftest import run_mkdocs
from .tiny_site import write_site

RUNTIME = "assets/connecteur/runtime"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, pyodide_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    result = run_mkdocs(write_site(root, pyodide_dir))
    assert result.returncode == 0, result.stderr
    return root / "site"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_runtime_holds_only_the_pinned_files_needed(site: Path) -> None:
    runtime = site / RUNTIME
    wheel = f"connecteur-{checker.__version__}-py3-none-any.whl"
    assert sorted(p.name for p in runtime.iterdir()) == sorted(
        [*SHIPPED, "pyodide-lock.json", wheel, "config.json", "rubric.toml"]
    )
    pinned = pins()["314.0.7"]
    for name in SHIPPED:
        if name != STDLIB:  # Pyodide's, with bytecode added: test_bytecode.py
            assert _sha(runtime / name) == pinned[name], name


def test_lockfile_lists_the_checker_wheel_with_its_hash(site: Path) -> None:
    runtime = site / RUNTIME
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    assert lock["info"]["python"].startswith("3.14")
    assert list(lock["packages"]) == ["connecteur"]  # nothing Pyodide could fetch elsewhere
    entry = lock["packages"]["connecteur"]
    wheel = runtime / entry["file_name"]
    assert entry["sha256"] == _sha(wheel)
    assert entry["imports"] == ["checker"]
    names = zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist()
    assert "checker/grader.py" in names or "checker/__init__.py" in names


def test_the_shipped_wheel_holds_the_grading_core_only(site: Path) -> None:
    """Its sources are exactly the core package's (the catalogues compiled, without their .po
    sources); the rest is their bytecode and dist-info."""
    core = Path(checker.__file__).parent
    runtime = site / RUNTIME
    entry = json.loads((runtime / "pyodide-lock.json").read_text())["packages"]["connecteur"]
    names = zipfile.ZipFile(io.BytesIO((runtime / entry["file_name"]).read_bytes())).namelist()
    sources = {
        p.relative_to(core.parent).as_posix()
        for p in core.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".po", ".pot")
    }
    assert "checker/locale/fr/LC_MESSAGES/connecteur.mo" in sources
    shipped = {n for n in names if "__pycache__" not in n and ".dist-info/" not in n}
    assert shipped == sources
    compiled = {
        n.split("/__pycache__/")[0] + "/" + n.rsplit("/", 1)[1].split(".")[0] + ".py"
        for n in names
        if "__pycache__" in n
    }
    assert compiled <= sources
    assert not [n for n in names if "cli" in n or "batch" in n or "scaffold" in n]


def test_config_json_names_the_trainer_rubric(site: Path) -> None:
    runtime = site / RUNTIME
    config = json.loads((runtime / "config.json").read_text())
    assert config == {
        "checker": checker.__version__,
        "pyodide": "314.0.7",
        "rubric": "rubric.toml",
        "rubric_sha256": _sha(runtime / "rubric.toml"),
        "wheel": config["wheel"],
    }
    assert "plugin-test" in (runtime / "rubric.toml").read_text()
    # The wheel the worker asks for early, with the integrity Pyodide asks for (the lockfile's).
    wheel = runtime / config["wheel"]["file"]
    lock = json.loads((runtime / "pyodide-lock.json").read_text())["packages"]["connecteur"]
    assert lock["file_name"] == wheel.name and lock["sha256"] == _sha(wheel)
    digest = base64.b64encode(hashlib.sha256(wheel.read_bytes()).digest()).decode()
    assert config["wheel"]["integrity"] == "sha256-" + digest


def test_checker_pages_preload_the_runtime_modules_and_carry_its_size(site: Path) -> None:
    from mkdocs_connecteur.runtime.hints import PRELOADED

    runtime = site / RUNTIME
    total = sum(p.stat().st_size for p in runtime.iterdir())
    js = site / "assets/connecteur/js"
    with_checker = [p for p in site.rglob("*.html") if "<connecteur-checker" in p.read_text()]
    assert with_checker
    for page in with_checker:
        html = page.read_text()
        head = html.split("</head>", 1)[0]
        hints = re.findall(r'<link rel="modulepreload" href="([^"]+)"', head)
        assert [(page.parent / h).resolve() for h in hints] == [js / n for n in PRELOADED], page
        # main.js's own imports, all of them: nothing is preloaded that the page does not use.
        imported = set(
            re.findall(r'^import .* from "\./(\w+\.js)";', (js / "main.js").read_text(), re.M)
        )
        assert imported <= set(PRELOADED)
        # After the Content-Security-Policy, before the style sheets.
        first = head.index("modulepreload")
        assert head.index("Content-Security-Policy") < first < head.index("stylesheet")
        sizes = set(re.findall(r'<connecteur-checker data-runtime-bytes="(\d+)"', html))
        assert sizes == {str(total)}, page
    without = [p for p in site.rglob("*.html") if p not in with_checker]
    assert without and not [p for p in without if "modulepreload" in p.read_text()]
