"""Generated pages placed where mkdocs-static-i18n would have placed real ones.

mkdocs-static-i18n rebuilds the file list from the docs folder and drops in-memory files, so the
plugin adds its pages after it (``on_files`` at a lower priority), for the language being built,
with the attributes i18n's language switcher and templates read (``alternates``, ``locale``…).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from .languages import Languages


def dest_uri(norm_src: str, prefix: str, use_directory_urls: bool) -> str:
    """Where a page lands: "rules/x.md" → "fr/rules/x/index.html" (or "fr/rules/x.html")."""
    stem = norm_src[: -len(".md")]
    is_index = stem == "index" or stem.endswith("/index")
    if use_directory_urls and not is_index:
        return f"{prefix}{stem}/index.html"
    return f"{prefix}{stem}.html"


def _src(norm_src: str, suffix: str) -> str:
    return norm_src[: -len(".md")] + suffix + ".md"


def page(
    config: MkDocsConfig, langs: Languages, norm_src: str, content: str, *, in_nav: bool
) -> File:
    """A virtual Markdown page for the current language, with its other-language alternates."""
    lang = langs.current
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(
        config, _src(norm_src, langs.suffix(lang)), content=content, inclusion=inclusion
    )
    file.dest_uri = dest_uri(norm_src, langs.prefix(lang), config.use_directory_urls)
    file.name = norm_src.rsplit("/", 1)[-1][: -len(".md")]
    alternates: dict[str, File] = {lang: file}
    for other in langs.built:
        if other != lang:
            alternates[other] = File(
                _src(norm_src, langs.suffix(other)),
                None,
                config.site_dir,
                config.use_directory_urls,
                dest_uri=dest_uri(norm_src, langs.prefix(other), config.use_directory_urls),
            )
    # What mkdocs-static-i18n sets on the files it manages (read by its switcher and sitemap).
    file.alternates = alternates  # type: ignore[attr-defined]
    file.locale = lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.localization = None if lang == langs.default else lang  # type: ignore[attr-defined]
    file.norm_src_uri = norm_src  # type: ignore[attr-defined]
    return file
