"""The rule pages as files of the site: the rules index and one page per rule, per language.

The pages' text comes from ``rule_pages``; this module only decides which pages join the build
(a page the author wrote at the same place wins) and registers them for the language switcher.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from checker import Rubric

from ..log import log
from ..site import virtual_files
from ..site.languages import Languages, register_pages, ui_language
from . import guide_links, rule_pages


def add_rule_pages(
    files: Files,
    config: MkDocsConfig,
    *,
    rubric: Rubric,
    langs: Languages,
    guide_url: str | None,
    guide_in_site: bool,
) -> None:
    """Add the rules index and each rule's page, in the language being built, to ``files``."""
    lang = ui_language(langs.current)
    titles = guide_links.guide_titles(rubric, files)
    prefix = langs.prefix(langs.current)
    pages = [(rule_pages.index_src_uri(), rule_pages.render_index(rubric, lang), True)]
    for rule in rubric.rules:
        link = rule_pages.guide_link(rule, prefix, guide_url, guide_in_site)
        content = rule_pages.render_rule(rubric, rule, lang, titles, link)
        pages.append((rule_pages.rule_src_uri(rule.id), content, False))
    for src, content, in_nav in pages:
        if files.get_file_from_path(src) is not None:
            log.info(f"{src}: the page in docs/ is used instead of the generated one")
            continue
        files.append(virtual_files.page(config, langs, src, content, in_nav=in_nav))
    register_pages(config, langs.current, files.documentation_pages())
