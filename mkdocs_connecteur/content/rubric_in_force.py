"""The rubric in force for a site: the checker's default, or a trainer's file.

The whole site (fence expectations, rule pages, the runtime in the browser) reads the same
rubric, so a trainer's change shows everywhere at once. A broken rubric stops the build with the
checker's own message (file, rule, key and fix): grading a class against half a rubric is worse
than no site.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

import checker


@dataclass(frozen=True, slots=True)
class RubricInForce:
    """The loaded rubric, and the file it came from (None for the default rubric)."""

    rubric: checker.Rubric
    path: Path | None
    text: str | None

    @property
    def sha256(self) -> str | None:
        """The hash of the trainer's file as it is shipped to the browser."""
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def load(option: str | None, config_file: str | None) -> RubricInForce:
    """Load the rubric named by the plugin's ``rubric`` option (relative to mkdocs.yml)."""
    if not option:
        try:
            return RubricInForce(checker.default_rubric(), None, None)
        except checker.RubricError as error:  # the shipped rubric itself is broken
            raise PluginError(f"connecteur: the default rubric is broken: {error}") from error
    base = Path(config_file).parent if config_file else Path.cwd()
    path = (base / option).resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise PluginError(
            f"connecteur: rubric file {option!r} not found (looked for {path}); fix the "
            "'rubric' option of the connecteur plugin in mkdocs.yml"
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise PluginError(f"connecteur: cannot read rubric file {path}: {error}") from error
    try:
        rubric = checker.load_rubric(text, source=str(option))
    except checker.RubricError as error:
        raise PluginError(f"connecteur: broken rubric: {error}") from error
    return RubricInForce(rubric, path, text)
