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
    core = f"checker-{checker.__version__}.zip"
    assert sorted(p.name for p in runtime.iterdir()) == sorted(
        [*SHIPPED, "pyodide-lock.json", core, "config.json", "rubric.toml", "snapshot.bin.gz"]
    )
    pinned = pins()["314.0.7"]
    for name in SHIPPED:
        if name != STDLIB:  # Pyodide's, with bytecode added: test_bytecode.py
            assert _sha(runtime / name) == pinned[name], name


def test_the_lockfile_lists_no_package(site: Path) -> None:
    """Pyodide reads it at every boot; the checker is not installed through it, and no entry can
    send Pyodide looking for a package elsewhere."""
    lock = json.loads((site / RUNTIME / "pyodide-lock.json").read_text())
    assert lock["info"]["python"].startswith("3.14")
    assert lock["packages"] == {}


def test_the_shipped_zip_holds_the_grading_core_only(site: Path) -> None:
    """Its files are exactly the core package's (the catalogues compiled, without their .po
    sources), each module as its bytecode in place of its source."""
    core = Path(checker.__file__).parent
    runtime = site / RUNTIME
    config = json.loads((runtime / "config.json").read_text())
    names = zipfile.ZipFile(io.BytesIO((runtime / config["core"]["file"]).read_bytes())).namelist()
    sources = {
        p.relative_to(core.parent).as_posix()
        for p in core.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".po", ".pot")
    }
    assert "checker/locale/fr/LC_MESSAGES/connecteur.mo" in sources
    assert "checker/data/roles.bin" in names and "checker/grader.pyc" in names
    assert {n[:-1] if n.endswith(".pyc") else n for n in names} == sources
    assert not [n for n in names if "cli" in n or "batch" in n or "scaffold" in n]


def test_config_json_names_the_trainer_rubric(site: Path) -> None:
    runtime = site / RUNTIME
    config = json.loads((runtime / "config.json").read_text())
    assert config == {
        "checker": checker.__version__,
        "pyodide": "314.0.7",
        "rubric": "rubric.toml",
        "rubric_sha256": _sha(runtime / "rubric.toml"),
        "core": config["core"],
        "snapshot": config["snapshot"],
    }
    assert config["snapshot"]["file"] == "snapshot.bin.gz"
    assert "plugin-test" in (runtime / "rubric.toml").read_text()
    # The checker's zip, which the worker fetches with this integrity (the browser checks it).
    core = runtime / config["core"]["file"]
    digest = base64.b64encode(hashlib.sha256(core.read_bytes()).digest()).decode()
    assert config["core"]["integrity"] == "sha256-" + digest


def test_checker_pages_preload_the_runtime_modules_and_carry_its_size(site: Path) -> None:
    from mkdocs_connecteur.runtime.hints import PRELOADED

    runtime = site / RUNTIME
    # What every reader downloads: the snapshot only goes to a fast link (runtime/snapshot.py).
    total = sum(p.stat().st_size for p in runtime.iterdir() if p.name != "snapshot.bin.gz")
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
