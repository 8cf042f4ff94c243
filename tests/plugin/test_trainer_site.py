"""A trainer's site: one language, no i18n, no guide pages, a rubric extending the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import run_mkdocs

CONFIG = """\
site_name: Atelier
site_url: http://127.0.0.1:8000/
theme: {{name: material, language: fr, font: false}}
plugins:
  - connecteur:
      rubric: grille.toml
      pyodide: {pyodide}
{extra}
nav: [index.md, exercices.md]
"""


def _site(root: Path, pyodide: Path, extra: str = "") -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Atelier\n\nBienvenue.\n")
    (docs / "exercices.md").write_text("# Exercices\n\n```connecteur\nkind: ask\n---\nSalut\n```\n")
    (root / "grille.toml").write_text('extends = "default"\nname = "atelier"\n')
    config = root / "mkdocs.yml"
    config.write_text(CONFIG.format(pyodide=pyodide, extra=extra))
    return config


@pytest.fixture(scope="module")
def trainer_site(tmp_path_factory: pytest.TempPathFactory, pyodide_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("atelier")
    result = run_mkdocs(_site(root, pyodide_dir))
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_builds_strict_in_french_without_the_guide(trainer_site: Path) -> None:
    html = (trainer_site / "exercices/index.html").read_text()
    assert 'data-ui-lang="fr"' in html and "data-connecteur-checker" in html
    rules = sorted(p.parent.name for p in (trainer_site / "rules").glob("*/index.html"))
    assert rules, "no rule pages"
    page = (trainer_site / "rules" / rules[0] / "index.html").read_text()
    assert "guide Connecteur" in page and 'href="../../guide/' not in page
    assert not (trainer_site / "fr").exists()


def test_runtime_ships_the_trainer_rubric(trainer_site: Path) -> None:
    runtime = trainer_site / "assets/connecteur/runtime"
    config = json.loads((runtime / "config.json").read_text())
    assert config["rubric"] == "rubric.toml"
    assert (runtime / "rubric.toml").read_text() == 'extends = "default"\nname = "atelier"\n'


def test_guide_url_links_rule_pages_to_the_published_guide(
    tmp_path: Path, pyodide_dir: Path
) -> None:
    config = _site(tmp_path, pyodide_dir, extra="      guide_url: https://guide.example/")
    result = run_mkdocs(config)
    assert result.returncode == 0, result.stderr
    page = next((tmp_path / "site/rules").glob("*/index.html")).read_text()
    assert 'href="https://guide.example/guide/' in page
