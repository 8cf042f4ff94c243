"""Connecteur installed the way users install a Python package, not the checkout in editable mode.

``python -m build`` makes the sdist and, from it, the wheel; the wheel goes (with ``[site]``) into
a fresh virtual environment; that environment builds our own site and a site made by
``connecteur new`` with ``--strict``, from copies in a temporary folder so the checkout's sources
cannot be imported; and a scaffolded workshop runs its own ``make site``, which installs the same
wheel (its ``requirements.txt``) into the workshop's own environment. A file the package leaves
out, or a workshop that cannot set itself up, fails here.

Slow (about a minute and a half): one build and one environment for the whole module. Needs the
package registries (build back-end, the ``site`` extra's dependencies, Pyodide from npm) the first
time; pip's and npm's caches serve them after that.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import checker

# Node compiles the bytecode of every site it builds; `make unit` leaves it out with the others.
pytestmark = [pytest.mark.slow, pytest.mark.node]

REPO = Path(__file__).resolve().parents[2]
PYODIDE = REPO / "node_modules" / "pyodide"
PACKAGES = ("checker", "connecteur_cli", "mkdocs_connecteur")
VERSION = checker.__version__
# What a fresh clone does not have: local environments, build output, caches.
_NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".mypy_cache",
    "results",
)


def NOT_IN_A_CLONE(directory: str, names: list[str]) -> set[str]:
    """The patterns above, and the built site/ at the top (mkdocs_connecteur/site/ is source)."""
    ignored = set(_NOT_IN_A_CLONE(directory, names))
    if Path(directory).resolve() == REPO.resolve() and "site" in names:
        ignored.add("site")
    return ignored


def run(
    argv: list[str | Path], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    assert done.returncode == 0, (
        f"{' '.join(map(str, argv))} (in {cwd}) exited {done.returncode}\n"
        f"--- stdout\n{done.stdout[-6000:]}\n--- stderr\n{done.stderr[-6000:]}"
    )
    return done


def clean_env(venv: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment without anything that would import the checkout or another venv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CONNECTEUR_PYODIDE")
    }
    if venv is not None:
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("install")


@pytest.fixture(scope="module")
def source(work: Path) -> Path:
    """The repository as a fresh clone has it (what was built from is what is checked)."""
    src = work / "src"
    shutil.copytree(REPO, src, ignore=NOT_IN_A_CLONE, symlinks=True)
    return src


@pytest.fixture(scope="module")
def dists(work: Path, source: Path) -> dict[str, Path]:
    """``python -m build``: the sdist, then the wheel built from that sdist."""
    out = work / "dist"
    run([sys.executable, "-m", "build", "--outdir", out, source], cwd=work, env=clean_env())
    sdist = out / f"connecteur-{VERSION}.tar.gz"
    wheel = out / f"connecteur-{VERSION}-py3-none-any.whl"
    assert sdist.is_file() and wheel.is_file(), sorted(p.name for p in out.iterdir())
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def venv(work: Path, dists: dict[str, Path]) -> Path:
    """A fresh environment with the wheel and its ``site`` extra (pinned like the project's)."""
    env_dir = work / "venv"
    run([sys.executable, "-m", "venv", env_dir], cwd=work, env=clean_env())
    wheel = dists["wheel"]
    run(
        [
            env_dir / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            REPO / "constraints.txt",
            f"{wheel}[site]",
        ],
        cwd=work,
        env=clean_env(),
    )
    return env_dir


def package_files(root: Path) -> set[str]:
    """Every file of the three packages under ``root`` (sources and data), as posix paths."""
    return {
        p.relative_to(root).as_posix()
        for package in PACKAGES
        for p in (root / package).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_the_sdist_and_the_wheel_hold_every_file_of_the_packages(
    source: Path, dists: dict[str, Path]
) -> None:
    expected = package_files(source)
    assert "mkdocs_connecteur/node/compile_pyc.mjs" in expected
    assert "connecteur_cli/scaffold/templates/common/_gitignore" in expected
    wheel = zipfile.ZipFile(dists["wheel"]).namelist()
    assert {n for n in wheel if n.split("/")[0] in PACKAGES} == expected
    prefix = f"connecteur-{VERSION}/"
    with tarfile.open(dists["sdist"]) as sdist:
        names = {m.name.removeprefix(prefix) for m in sdist.getmembers() if m.isfile()}
    assert {n for n in names if n.split("/")[0] in PACKAGES} == expected
    assert {"pyproject.toml", "README.md", "CHANGELOG.md"} <= names
    metadata = zipfile.ZipFile(dists["wheel"]).read(f"connecteur-{VERSION}.dist-info/METADATA")
    assert f"\nVersion: {VERSION}\n" in metadata.decode()
    assert "Classifier: Framework :: MkDocs" in metadata.decode()


def test_the_environment_runs_the_installed_package_not_the_checkout(
    work: Path, venv: Path, dists: dict[str, Path]
) -> None:
    script = (
        "import json, checker, connecteur_cli, mkdocs_connecteur, importlib.metadata as m; "
        "print(json.dumps([[checker.__file__, connecteur_cli.__file__, mkdocs_connecteur.__file__],"
        " m.distribution('connecteur').read_text('direct_url.json')]))"
    )
    done = run([venv / "bin" / "python", "-c", script], cwd=work, env=clean_env(venv))
    files, direct_url = json.loads(done.stdout)
    site_packages = str(venv / "lib")
    assert all(f.startswith(site_packages) for f in files), files
    assert json.loads(direct_url)["url"] == dists["wheel"].as_uri()
    version = run([venv / "bin" / "connecteur", "--version"], cwd=work, env=clean_env(venv))
    assert version.stdout == f"connecteur {VERSION}\n"
    module = run([venv / "bin" / "python", "-m", "connecteur_cli", "--version"], work, clean_env())
    assert module.stdout == version.stdout


def shipped_core(site: Path) -> list[str]:
    """The names in the checker's zip the site ships (named in its config.json)."""
    runtime = site / "assets" / "connecteur" / "runtime"
    config = json.loads((runtime / "config.json").read_text(encoding="utf-8"))
    data = (runtime / config["core"]["file"]).read_bytes()
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_our_site_builds_strict_with_the_installed_package(work: Path, venv: Path) -> None:
    if not PYODIDE.is_dir():
        pytest.fail("node_modules/pyodide is missing: run `npm ci` (make setup does)")
    site_src = work / "our-site"
    site_src.mkdir()
    for name in ("docs", "overrides"):
        shutil.copytree(REPO / name, site_src / name, ignore=NOT_IN_A_CLONE)
    shutil.copy2(REPO / "mkdocs.yml", site_src / "mkdocs.yml")
    env = clean_env(venv, CONNECTEUR_PYODIDE=str(PYODIDE))
    run([venv / "bin" / "mkdocs", "build", "--strict"], cwd=site_src, env=env)
    site = site_src / "site"
    names = shipped_core(site)
    assert {n.split("/")[0] for n in names} == {"checker"}
    assert "checker/grader.pyc" in names
    footer = f"Checker: Connecteur {VERSION}"
    assert footer in (site / "index.html").read_text(encoding="utf-8")


def test_a_scaffolded_site_builds_strict_with_the_installed_package(
    work: Path, venv: Path, dists: dict[str, Path]
) -> None:
    if not PYODIDE.is_dir():
        pytest.fail("node_modules/pyodide is missing: run `npm ci` (make setup does)")
    env = clean_env(venv)
    done = run([venv / "bin" / "connecteur", "new", "workshop-en", "--lang", "en"], work, env)
    wheel = dists["wheel"]
    assert f"from this file: {wheel}" in done.stdout
    folder = work / "workshop-en"
    requirement = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert requirement == f"connecteur[site] @ {wheel.as_uri()}"
    env["CONNECTEUR_PYODIDE"] = str(PYODIDE)
    run([venv / "bin" / "mkdocs", "build", "--strict"], cwd=folder, env=env)
    assert (folder / "site" / "exercises" / "index.html").is_file()
    assert {n.split("/")[0] for n in shipped_core(folder / "site")} == {"checker"}


def test_a_scaffolded_workshop_sets_itself_up_with_its_own_make_site(
    work: Path, venv: Path, dists: dict[str, Path]
) -> None:
    """What its README tells a trainer: `make site`, which installs requirements.txt (the same
    wheel) into the workshop's .venv and the pinned Pyodide with npm, then builds --strict."""
    if shutil.which("make") is None or shutil.which("npm") is None:
        pytest.fail("make and npm are needed (Debian: apt-get install make npm)")
    env = clean_env(venv)
    run([venv / "bin" / "connecteur", "new", "atelier", "--lang", "fr"], work, env)
    folder = work / "atelier"
    make_env = clean_env(
        npm_config_prefer_offline="true",  # npm's cache first: the pin is what `npm ci` fetched
        npm_config_audit="false",
        npm_config_fund="false",
    )
    run(["make", "site", f"PYTHON={sys.executable}"], cwd=folder, env=make_env, timeout=900)
    assert (folder / "site" / "index.html").is_file()
    origin = run(
        [
            folder / ".venv" / "bin" / "python",
            "-c",
            "import importlib.metadata as m; print(m.distribution('connecteur')"
            ".read_text('direct_url.json'))",
        ],
        cwd=work,
        env=clean_env(),
    )
    assert json.loads(origin.stdout)["url"] == dists["wheel"].as_uri()
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]
    installed = json.loads((folder / "node_modules/pyodide/package.json").read_text("utf-8"))
    assert installed["version"] == pinned["pyodide"]
