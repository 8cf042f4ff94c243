"""The plugin's logger: its warnings count in ``mkdocs build --strict``."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("connecteur")
