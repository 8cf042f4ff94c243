"""Two builds with the same plugin instance (as ``mkdocs serve`` and i18n's nested builds do)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from .tiny_site import write_site


def test_second_build_starts_from_scratch(tmp_path: Path, pyodide_dir: Path) -> None:
    config_file = write_site(tmp_path, pyodide_dir)
    config = load_config(str(config_file))
    plugin = config.plugins["connecteur"]
    build(config)
    site = tmp_path / "site"
    first = (site / "fr/guide/motivated-request/index.html").read_text()
    assert "Shorthand reads as careless." in (site / "rules/no-shorthand/index.html").read_text()

    # A trainer edits the rubric while the site is being served.
    rubric = tmp_path / "rubric.toml"
    rubric.write_text(
        rubric.read_text().replace("Shorthand reads as careless.", "Abbreviations look rushed.")
    )
    build(config)

    assert config.plugins["connecteur"] is plugin
    page = (site / "rules/no-shorthand/index.html").read_text()
    assert "Abbreviations look rushed." in page and "careless" not in page
    shipped = (site / "assets/connecteur/runtime/rubric.toml").read_text()
    assert "Abbreviations look rushed." in shipped
    # Nothing doubled: one script tag, one widget, one "rules" section per page.
    again = (site / "fr/guide/motivated-request/index.html").read_text()
    assert again.count("assets/connecteur/js/main.js") == 1
    assert again.count("data-connecteur-checker") == first.count("data-connecteur-checker") == 1
    assert again.count('<h2 id="regles-qui-verifient-cette-page"') == 1
    assert [str(s) for s in config.extra_javascript].count("assets/connecteur/js/main.js") == 1
    assert plugin.slots == {}  # every placeholder was filled and forgotten
