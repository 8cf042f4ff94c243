"""`connecteur new`: the files a trainer gets, the refusal to clobber, both languages."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

import checker
from connecteur_cli import scaffold as sc

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "mkdocs.yml",
    "rubric.toml",
    "README.md",
    "Makefile",
    "package.json",
    "requirements.txt",
    ".gitignore",
    "docs/index.md",
    "docs/exercises.md",
}


@pytest.mark.parametrize("lang", sc.LANGS)
def test_scaffold_writes_a_complete_site(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "atelier-mars"
    message = sc.scaffold(target, lang=lang, force=False)
    written = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    assert written == EXPECTED
    # The next steps name the commands a trainer needs, in their language.
    for needle in (
        "pip install -r requirements.txt",
        "make run",
        f"Pyodide {sc.pyodide_version()}",
        "npm install",
        "CONNECTEUR_PYODIDE",
        "mkdocs serve",
        str(target),
    ):
        assert needle in message
    assert ("Étapes suivantes" in message) == (lang == "fr")
    # No placeholder survives, and the folder name became the site's name.
    for rel in EXPECTED:
        assert "{{" not in (target / rel).read_text(encoding="utf-8"), rel
    assert "Atelier mars" in (target / "docs/index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", sc.LANGS)
def test_mkdocs_yml_uses_material_offline_and_the_plugin(tmp_path: Path, lang: str) -> None:
    import yaml  # mkdocs depends on PyYAML

    sc.scaffold(tmp_path / "s", lang=lang, force=False)
    text = (tmp_path / "s/mkdocs.yml").read_text(encoding="utf-8")
    # !ENV is MkDocs' own tag: read it as a plain sequence here.
    yaml.SafeLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))
    config = yaml.safe_load(text)
    theme = config["theme"]
    assert theme["name"] == "material"
    assert theme["language"] == lang
    assert theme["font"] is False
    assert "navigation.instant" in theme["features"]
    plugins = {next(iter(p)) if isinstance(p, dict) else p: p for p in config["plugins"]}
    assert plugins["connecteur"]["connecteur"]["rubric"] == "rubric.toml"


@pytest.mark.parametrize("lang", sc.LANGS)
def test_pages_are_in_the_trainers_language_with_checker_fences(tmp_path: Path, lang: str) -> None:
    sc.scaffold(tmp_path / "s", lang=lang, force=False)
    home = (tmp_path / "s/docs/index.md").read_text(encoding="utf-8")
    exercises = (tmp_path / "s/docs/exercises.md").read_text(encoding="utf-8")
    assert "```connecteur" in home
    assert exercises.count("```connecteur") >= 3
    assert f"lang: {lang}" in exercises
    marker = "Bienvenue" if lang == "fr" else "Welcome"
    assert marker in home


@pytest.mark.parametrize("lang", sc.LANGS)
def test_starter_rubric_extends_default_and_shows_each_change(tmp_path: Path, lang: str) -> None:
    sc.scaffold(tmp_path / "s", lang=lang, force=False)
    text = (tmp_path / "s/rubric.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["extends"] == "default"
    assert "# disable = [" in text  # switching a rule off, commented
    assert "weight =" in text  # reweighting, commented
    assert data["add_phrases"]  # one added phrase, live


@pytest.mark.parametrize("lang", sc.LANGS)
def test_starter_rubric_loads_with_the_real_checker(tmp_path: Path, lang: str) -> None:
    text = sc.site_files(lang, site_name="T")["rubric.toml"]
    rubric = checker.load_rubric(text, source="rubric.toml")
    # Every commented example names a rule or criterion that exists, so uncommenting works.
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and ("=" in line or line.startswith("# [")) else line
        for line in text.splitlines()
        if not line.startswith("#     ")
    )
    try:
        checker.load_rubric(uncommented, source="rubric.toml (uncommented)")
    except checker.RubricError as exc:  # pragma: no cover - the message is the diagnosis
        pytest.fail(str(exc))
    assert rubric is not None


def test_added_phrase_is_flagged_by_the_real_checker() -> None:
    for lang, draft in (
        ("en", "Hello Ana, could we talk for 15 minutes next week about your move to Lyon? wdyt"),
        ("fr", "Bonjour Ana, pourrions-nous parler 15 minutes de votre arrivée à Lyon ? svp"),
    ):
        text = sc.site_files(lang, site_name="T")["rubric.toml"]
        rule_id, phrases = next(iter(tomllib.loads(text)["add_phrases"].items()))
        rubric = checker.load_rubric(text, source="rubric.toml")
        report = checker.grade(draft, kind="request", lang=lang, rubric=rubric).to_dict()
        hits = [f for f in report["findings"] if f["rule"] == rule_id]
        assert any(s["text"] == phrases[lang][0] for f in hits for s in f["spans"]), report
        # ...and it is the trainer's addition that does it, not the default rubric.
        plain = checker.grade(draft, kind="request", lang=lang).to_dict()
        assert not any(
            s["text"] == phrases[lang][0]
            for f in plain["findings"]
            if f["rule"] == rule_id
            for s in f["spans"]
        )


def test_refuses_a_non_empty_folder_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(sc.ScaffoldError) as info:
        sc.scaffold(tmp_path, lang="en", force=False)
    assert "--force" in str(info.value) and "not empty" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing written


def test_refusal_is_in_french_for_a_french_site(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(sc.ScaffoldError, match="n’est pas vide"):
        sc.scaffold(tmp_path, lang="fr", force=False)


def test_force_rewrites_scaffold_files_and_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("my notes", encoding="utf-8")
    (tmp_path / "rubric.toml").write_text("broken = [", encoding="utf-8")
    sc.scaffold(tmp_path, lang="en", force=True)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert tomllib.loads((tmp_path / "rubric.toml").read_text(encoding="utf-8"))["extends"]


def test_an_empty_existing_folder_is_fine(tmp_path: Path) -> None:
    sc.scaffold(tmp_path, lang="fr", force=False)
    assert (tmp_path / "mkdocs.yml").is_file()


def test_refuses_a_file_and_an_unknown_language(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("", encoding="utf-8")
    with pytest.raises(sc.ScaffoldError, match="not a folder"):
        sc.scaffold(tmp_path / "f", lang="en", force=True)
    with pytest.raises(sc.ScaffoldError, match="fr, en"):
        sc.scaffold(tmp_path / "new", lang="de", force=False)
    assert not (tmp_path / "new").exists()


def test_the_scaffold_pins_the_pyodide_the_plugin_pins(tmp_path: Path) -> None:
    plugin_pins = json.loads(
        (ROOT / "mkdocs_connecteur/pyodide_pins.json").read_text(encoding="utf-8")
    )["versions"]
    project = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert sc.pyodide_version() in plugin_pins
    assert project["pyodide"] == sc.pyodide_version()
    sc.scaffold(tmp_path, lang="en", force=False)
    scaffolded = json.loads((tmp_path / "package.json").read_text(encoding="utf-8"))
    assert scaffolded["dependencies"]["pyodide"] == sc.pyodide_version()


def test_site_name_with_quotes_stays_valid_yaml(tmp_path: Path) -> None:
    import yaml

    target = tmp_path / 'l"atelier {x}'
    sc.scaffold(target, lang="fr", force=False)
    yaml.SafeLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Latelier x"


def test_cli_new_writes_a_workshop_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    from connecteur_cli import cli

    code = cli.main(["new", str(tmp_path / "w"), "--lang", "fr"])
    assert code in (0, None)
    assert (tmp_path / "w/rubric.toml").is_file()
    code = cli.main(["new", str(tmp_path / "w"), "--lang", "fr"])
    assert code not in (0, None)  # refused: not empty
