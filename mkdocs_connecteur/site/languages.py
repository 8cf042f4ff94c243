"""Which language is being built, read from mkdocs-static-i18n when it is there.

mkdocs-static-i18n builds each language in turn (one MkDocs build per language, the others nested
in the first one's ``on_post_build``). The plugin asks it which language is current, so that a
fence renders in the page's language and generated pages land under that language's folder.
Without i18n the site has one language: the theme's (``en`` or ``fr``, else ``en``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from checker import LANGS as SUPPORTED


@dataclass(frozen=True, slots=True)
class Languages:
    """The language being built, the default one (at the site root) and all built ones."""

    current: str
    default: str
    built: tuple[str, ...]

    def prefix(self, lang: str) -> str:
        """The folder a language is built under: "" for the default, "fr/" for French."""
        return "" if lang == self.default else f"{lang}/"

    def suffix(self, lang: str) -> str:
        """The source suffix of a language in the suffix layout: "" or ".fr"."""
        return "" if lang == self.default else f".{lang}"


def _ui(lang: str) -> str:
    """The nearest language the checker speaks (fr-CA → fr; anything else → en)."""
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    return base if base in SUPPORTED else "en"


def i18n_plugin(config: MkDocsConfig) -> object | None:
    """mkdocs-static-i18n's plugin instance, if the site uses it."""
    return config.plugins.get("i18n")


def languages(config: MkDocsConfig) -> Languages:
    """The language context of the build in progress."""
    plugin = i18n_plugin(config)
    if plugin is not None and getattr(plugin, "current_language", None):
        built = tuple(plugin.build_languages)  # type: ignore[attr-defined]
        return Languages(
            current=plugin.current_language,  # type: ignore[attr-defined]
            default=plugin.default_language,  # type: ignore[attr-defined]
            built=built,
        )
    theme_lang = _ui(str(config.theme.get("language") or config.theme.get("locale") or "en"))
    return Languages(current=theme_lang, default=theme_lang, built=(theme_lang,))


def ui_language(lang: str) -> str:
    """The checker's interface language for a site language."""
    return _ui(lang)


def register_pages(config: MkDocsConfig, lang: str, pages: Sequence[File]) -> None:
    """Tell mkdocs-static-i18n about generated pages, for its sitemap.

    i18n lists each language's pages in its own ``on_files``, before the plugin adds its pages;
    Material's instant navigation only handles links to pages in the sitemap, so a rule page
    missing from it would be a full page load (and a new Pyodide boot).
    """
    plugin = i18n_plugin(config)
    per_language = getattr(plugin, "i18n_files_per_language", None)
    if isinstance(per_language, dict):
        per_language[lang] = pages
