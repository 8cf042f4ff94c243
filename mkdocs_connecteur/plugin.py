"""The ``connecteur`` MkDocs plugin: hooks that orchestrate; the work is in sibling modules.

- ``on_config``: load the rubric in force (a broken one stops the build), check the pinned Pyodide,
  put the widget's script and style on every page.
- ``on_files``: add the widget's files and, for the language being built, the rule pages.
- ``on_page_markdown`` / ``on_page_content``: turn ```` ```connecteur ```` fences into widgets
  (checking ``expect:``), and list on guide pages the rules that check them.
- ``on_env``: check that every rule's guide section exists.
- ``on_post_page``: write the Content-Security-Policy into the page (``csp``); at the very end
  of the build (every language), give all pages the same policy.
- ``on_files`` also prepares the runtime (runtime/build.py: Pyodide with bytecode for the standard
  library it boots with, the checker wheel with its bytecode, lockfile, config.json), before the
  pages, which carry its size and the hints that fetch it early (runtime/hints.py);
  ``on_post_build`` writes it.

mkdocs-static-i18n builds each language as a nested build with the same plugin instance, and
``mkdocs serve`` rebuilds, so every per-build value is reset in ``on_config`` (the runtime: at the
start of the outer build only; what is slow to make is in the on-disk cache, ``cache_dir``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import checker
from checker import Rule

from .config import ConnecteurConfig
from .content import (
    fence_widgets,
    guide_links,
    rubric_in_force,
    rule_files,
    rule_pages,
    typography,
)
from .content.fence import find_fences, replace_fences
from .content.guide_links import norm_src_uri
from .log import log
from .runtime import build as runtime_build
from .runtime import hints, pyodide
from .runtime.build import checker_version
from .site import assets, csp, footer
from .site.alternates import drop_self_alternate
from .site.languages import Languages, languages, ui_language

_SLOT = "CONNECTEURWIDGETSLOT{index}X"
_SLOT_RE = re.compile(r"(?:<p>)?CONNECTEURWIDGETSLOT(\d+)X(?:</p>)?")


# mkdocs's BasePlugin.__init_subclass__ has no annotations: the one ignore, for that gap.
class ConnecteurPlugin(BasePlugin[ConnecteurConfig]):  # type: ignore[no-untyped-call]
    """Embed the Connecteur checker in a MkDocs site, with its rule reference and runtime."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._reset()
        self.runtime: runtime_build.Runtime | None = None  # prepared once per (outer) build
        self.runtime_bytes: int | None = None  # what a cold boot of that runtime downloads
        # One policy for the pages of every language: kept across i18n's nested builds.
        self.policy = csp.SitePolicy()
        self.builds = 0  # builds under way (i18n nests one per language in the first)

    def _reset(self) -> None:
        """Forget everything about the previous build (serve rebuilds, i18n's nested builds)."""
        self.rubric: rubric_in_force.RubricInForce | None = None
        self.pyodide: Path | None = None
        self.pyodide_version = ""
        self.langs: Languages | None = None
        self.slots: dict[str, list[str]] = {}
        self.guide_rules: dict[str, list[Rule]] = {}
        self.guide_in_site = True  # does this site hold the guide pages the rules point at?
        self.csp_extend: dict[str, tuple[str, ...]] = {}

    # -- configuration ------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        if self.builds == 0:  # not one of i18n's nested builds: a new build, a new runtime
            self.runtime = None
            self.runtime_bytes = None
        if not self.config.enabled:
            return config
        try:
            self.csp_extend = csp.check_extend(self.config.csp.extend)
        except csp.CspError as error:
            raise PluginError(f"connecteur: {error}") from error
        self.rubric = rubric_in_force.load(self.config.rubric, config.config_file_path)
        self.pyodide = pyodide.find_pyodide(self.config.pyodide, config.config_file_path)
        self.pyodide_version = pyodide.verify(self.pyodide)
        assets.link_assets(config)
        if self.config.rules_on_guide_pages:
            self.guide_rules = rule_pages.rules_by_guide_page(self.rubric.rubric.rules)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        """Rebuild when the rubric, the widget's files or the checker change."""
        if not self.config.enabled:
            return server
        if self.rubric is not None and self.rubric.path is not None:
            server.watch(str(self.rubric.path))
        for folder in (assets.ASSETS_SRC, Path(checker.__file__).parent):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    # -- files and pages ----------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100), which rebuilds the file list
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.rubric is None:
            return files
        self.langs = languages(config)
        assets.add_asset_files(files, config)
        self.guide_in_site = self._guide_in_site(files)
        if self.config.rule_pages:
            rule_files.add_rule_pages(
                files,
                config,
                rubric=self.rubric.rubric,
                langs=self.langs,
                guide_url=self.config.guide_url,
                guide_in_site=self.guide_in_site,
            )
        self._prepare_runtime(config)
        return files

    def _prepare_runtime(self, config: MkDocsConfig) -> None:
        """The runtime, once per build, before the pages (they carry its size and hints)."""
        if self.runtime is not None or self.pyodide is None or self.rubric is None:
            return
        self.runtime = runtime_build.prepare(
            self.pyodide,
            self.pyodide_version,
            self.rubric.text,
            with_bytecode=bool(self.config.bytecode),
            with_snapshot=bool(self.config.snapshot),
            cache=runtime_build.cache_dir(self.config.cache_dir, config.config_file_path),
        )
        # What a cold boot downloads, for every checker's loading line: measured once per build.
        self.runtime_bytes = self.runtime.download_bytes()

    def _guide_in_site(self, files: Files) -> bool:
        """Whether the site holds the guide: at least one rule's guide page exists in it.

        A site made with ``connecteur new`` has none: its rule pages then link to ``guide_url``
        (or to nothing) and guide links are not checked. On a site that holds the guide, a rule
        pointing at a missing page or heading is a warning (said once, in the default language).
        """
        assert self.rubric is not None and self.langs is not None
        found = guide_links.guide_in_site(self.rubric.rubric, files)
        if self.langs.current == self.langs.default:
            if not found:
                log.info(
                    "this site holds none of the guide pages the rules point at: rule pages "
                    + (f"link to {self.config.guide_url}" if self.config.guide_url else "name them")
                )
            elif not self.config.guide_url:
                for problem in guide_links.missing_pages(self.rubric.rubric, files):
                    log.warning(problem)
        return found

    @event_priority(60)  # before i18n's (50) line rewriting: fence line numbers stay exact
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.rubric is None:
            return markdown
        lang = ui_language(self._current_lang())
        fences = find_fences(markdown)
        if fences:
            offset = fence_widgets.line_offset(page.file.content_string, markdown)
            checked = self.rubric.rubric if self.config.check_expect else None
            html = [
                fence_widgets.widget_for_fence(
                    fence,
                    src_uri=page.file.src_uri,
                    index=i,
                    line_offset=offset,
                    ui_lang=lang,
                    rubric=checked,
                    runtime_bytes=self.runtime_bytes,
                )
                for i, fence in enumerate(fences)
            ]
            self.slots[page.file.src_uri] = html
            slots = [_SLOT.format(index=i) for i in range(len(fences))]
            markdown = replace_fences(markdown, fences, slots)
        norm = getattr(page.file, "norm_src_uri", None) or norm_src_uri(
            page.file.src_uri, self.langs.built if self.langs else ()
        )
        rules = self.guide_rules.get(norm)
        if rules:
            markdown += rule_pages.render_checked_by(rules, norm, lang)
        return markdown

    def _current_lang(self) -> str:
        return self.langs.current if self.langs else "en"

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        widgets = self.slots.pop(page.file.src_uri, None)
        if not widgets:
            return html
        # Out of the search index: the form's labels and default drafts are not the page's text.
        # Material's indexer ends an exclusion at the first closing tag of the same name, so the
        # wrapper is an element the widget never contains (a custom element, shown as a block).
        return _SLOT_RE.sub(
            lambda m: (
                '<connecteur-widget data-search-exclude="true" style="display: block">'
                f"{widgets[int(m.group(1))]}</connecteur-widget>"
            ),
            html,
        )

    @event_priority(-100)  # late: the typography sees the page as it will be written
    def _page_text(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The checker's version in the footer; French typography on a French page
        (``typography``, the one pass for the whole site); and Material must not take this page
        for a language root (see ``alternates``)."""
        if not self.config.enabled:
            return output
        lang = ui_language(self._current_lang())
        output = footer.with_version(output, checker_version(), lang)
        if self.runtime is not None:
            output = hints.head_hints(output)
        if lang == "fr":
            output = typography.french_html(output)
        if self.langs is None or len(self.langs.built) < 2:
            return output
        return drop_self_alternate(output, self.langs.current)

    @event_priority(-190)  # last: the hashes are those of the page as it is written
    def _policy(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """The page's Content-Security-Policy, with the hashes of its inline scripts."""
        if not self.config.enabled or not self.config.csp.enabled:
            return output
        if csp.has_event_handlers(output):
            log.warning(
                f"{page.file.src_uri}: an on...= attribute (inline event handler) will not run "
                "under the Content-Security-Policy; use a script file instead"
            )
        return self.policy.page(output, Path(page.file.abs_dest_path))

    on_post_page = CombinedEvent(_page_text, _policy)

    @event_priority(-190)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Pages from templates alone (Material's 404.html) carry the policy too."""
        if not self.config.enabled or not self.config.csp.enabled:
            return output_content
        if not template_name.endswith(".html"):
            return output_content
        return self.policy.page(output_content, Path(config.site_dir) / template_name)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.builds == 0:
            self.policy.reset(
                extend=self.csp_extend, trusted_types=bool(self.config.csp.trusted_types)
            )
        self.builds += 1

    def on_build_error(self, *, error: Exception) -> None:
        self.builds = 0

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is rendered now: check that each rule's guide anchor exists."""
        if not self.config.enabled or self.rubric is None:
            return env

        if not self.guide_in_site or self.config.guide_url:
            return env
        for problem in guide_links.missing_anchors(self.rubric.rubric, files):
            log.warning(problem)
        return env

    # -- runtime ------------------------------------------------------------------------------

    @event_priority(-200)  # after i18n's (-100), which builds the other languages inside it
    def _finish_policy(self, *, config: MkDocsConfig) -> None:
        """Every page of every language built: give them all the same policy (see ``csp``)."""
        self.builds = max(0, self.builds - 1)
        if self.builds == 0 and self.config.enabled and self.config.csp.enabled:
            site_dir = Path(config.site_dir) if self.config.csp.headers else None
            self.policy.finish(site_dir, urlsplit(config.site_url or "/").path)

    def _runtime(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.runtime is not None:
            self.runtime.write(Path(config.site_dir))

    on_post_build = CombinedEvent(_runtime, _finish_policy)
