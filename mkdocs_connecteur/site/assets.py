"""The widget's static files (JS, CSS) copied into every site, and added to every page.

They are MkDocs files (not copied by hand) so that ``mkdocs serve`` serves and reloads them like
the theme's own; ``main.js`` is a module script that finds everything else from its own URL.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

ASSETS_SRC = Path(__file__).parent.parent / "assets"
ASSETS_DEST = "assets/connecteur"
MAIN_JS = f"{ASSETS_DEST}/js/main.js"
CSS = f"{ASSETS_DEST}/css/connecteur.css"


def asset_files(config: MkDocsConfig) -> list[File]:
    """One generated file per widget asset (empty until the widget's files exist)."""
    if not ASSETS_SRC.is_dir():
        return []
    out = []
    for path in sorted(ASSETS_SRC.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(ASSETS_SRC).as_posix()
            out.append(File.generated(config, f"{ASSETS_DEST}/{rel}", abs_src_path=str(path)))
    return out


def add_asset_files(files: Files, config: MkDocsConfig) -> None:
    """Add the widget's files unless the site ships its own at the same place."""
    for file in asset_files(config):
        if files.get_file_from_path(file.src_uri) is None:
            files.append(file)


def link_assets(config: MkDocsConfig) -> None:
    """Put main.js (as a module) and the CSS on every page, once (i18n re-runs on_config)."""
    scripts = [str(getattr(s, "path", s)) for s in config.extra_javascript]
    if MAIN_JS not in scripts:
        script = ExtraScriptValue(MAIN_JS)
        script.type = "module"
        config.extra_javascript.append(script)
    if CSS not in [str(s) for s in config.extra_css]:
        config.extra_css.append(CSS)
