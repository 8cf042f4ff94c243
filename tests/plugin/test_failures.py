"""Bad input stops the build with a message that says what to fix, where."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import run_mkdocs
from .tiny_site import DATA, write_site


def _rubric_with(old: str, new: str) -> str:
    text = (DATA / "rubric.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_broken_rubric_names_file_rule_and_key(tmp_path: Path, pyodide_dir: Path) -> None:
    broken = _rubric_with('severity = "warning"', 'severity = "fatal"')
    result = run_mkdocs(write_site(tmp_path, pyodide_dir, rubric=broken), strict=False)
    assert result.returncode != 0
    assert "rubric.toml" in result.stderr
    assert "'no-shorthand'" in result.stderr
    assert "'severity'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_rubric_that_is_not_toml(tmp_path: Path, pyodide_dir: Path) -> None:
    result = run_mkdocs(write_site(tmp_path, pyodide_dir, rubric="name = [oops\n"), strict=False)
    assert result.returncode != 0
    assert "rubric.toml" in result.stderr and "TOML" in result.stderr


def test_missing_rubric_file(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    (tmp_path / "rubric.toml").unlink()
    result = run_mkdocs(config, strict=False)
    assert result.returncode != 0
    assert "rubric file 'rubric.toml' not found" in result.stderr


def test_missing_pyodide_says_npm_ci(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, tmp_path / "node_modules" / "pyodide")
    result = run_mkdocs(config, strict=False)
    assert result.returncode != 0
    assert "npm ci" in result.stderr and "Pyodide not found" in result.stderr


def test_tampered_pyodide_fails_the_integrity_check(tmp_path: Path, pyodide_dir: Path) -> None:
    copy = tmp_path / "pyodide"
    copy.mkdir()
    for path in pyodide_dir.iterdir():
        (copy / path.name).symlink_to(path)
    (copy / "pyodide.mjs").unlink()
    shutil.copy(pyodide_dir / "pyodide.mjs", copy / "pyodide.mjs")
    with (copy / "pyodide.mjs").open("a") as handle:
        handle.write("\n// tampered\n")
    result = run_mkdocs(write_site(tmp_path / "site-src", copy), strict=False)
    assert result.returncode != 0
    assert "integrity check failed" in result.stderr and "pyodide.mjs" in result.stderr


def test_unknown_pyodide_version_is_refused(tmp_path: Path, pyodide_dir: Path) -> None:
    copy = tmp_path / "pyodide"
    copy.mkdir()
    text = (pyodide_dir / "package.json").read_text().replace('"314.0.7"', '"314.0.8"', 1)
    (copy / "package.json").write_text(text)
    result = run_mkdocs(write_site(tmp_path / "s", copy), env={"CONNECTEUR_PYODIDE": str(copy)})
    assert result.returncode != 0
    assert "Pyodide 314.0.8" in result.stderr and "not pinned" in result.stderr


def test_expect_mismatch_and_bad_options_fail_strict(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    page = tmp_path / "docs" / "guide" / "motivated-request.md"
    text = page.read_text()
    text = text.replace("expect: not-ready", "expect: ready")
    text += "\n```connecteur\nkind: memo\ncolour: red\n---\nHi\n```\n"
    page.write_text(text)
    result = run_mkdocs(config)
    assert result.returncode != 0
    err = result.stderr
    assert "guide/motivated-request.md, line 11: the draft" in err
    assert "“Hello Ann, thx.”" in err and "'ready'" in err and "'not-ready'" in err
    assert "findings: objective-stated, no-shorthand" in err
    assert "line 21: bad kind 'memo'" in err
    assert "line 22: unknown option 'colour'" in err
    # Warnings, not errors: without --strict the same site would build.
    assert "ERROR" not in err


def test_rule_pointing_at_a_missing_guide_section_warns(tmp_path: Path, pyodide_dir: Path) -> None:
    rubric = _rubric_with(
        'guide = "guide/motivated-request/#courtesy"\nmessage',
        'guide = "guide/motivated-request/#politeness"\nmessage',
    )
    rubric = rubric.replace(
        'guide = "guide/motivated-request/#objective"\nmessage',
        'guide = "guide/nowhere/#objective"\nmessage',
    )
    result = run_mkdocs(write_site(tmp_path, pyodide_dir, rubric=rubric))
    assert result.returncode != 0
    assert "rule 'no-shorthand'" in result.stderr and "'politeness'" in result.stderr
    assert "rule 'objective-stated'" in result.stderr and "guide/nowhere.md" in result.stderr
