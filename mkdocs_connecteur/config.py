"""The plugin's options, as written under ``plugins: - connecteur:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


# mkdocs's Config.__init_subclass__ has no annotations: the ignores below are for that gap.
class CspConfig(Config):  # type: ignore[no-untyped-call]
    """``csp:``, the Content-Security-Policy written into every page (site/csp.py)."""

    # Off: no policy at all (the checker works the same; nothing holds it to its promise).
    enabled = opt.Type(bool, default=True)
    # Trusted Types on the pages that do not load Material's bundle (the embed page).
    trusted_types = opt.Type(bool, default=True)
    # Sources added to directives, e.g. {"img-src": ["https://images.example.org"]}. Widening
    # connect-src, script-src or worker-src ends the "nothing leaves your browser" guarantee.
    extend = opt.Type(dict, default={})
    # Write _headers (Netlify, Cloudflare Pages) and .htaccess (Apache) that send the policy with
    # Material's search worker script, which a policy in a page does not reach.
    headers = opt.Type(bool, default=True)


class ConnecteurConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the connecteur plugin (all optional)."""

    enabled = opt.Type(bool, default=True)

    # Grading: the rubric the whole site uses (fence expectations, rule pages, the browser).
    # A path relative to mkdocs.yml; unset means the checker's default rubric.
    rubric = opt.Optional(opt.Type(str))

    # Runtime: the npm package `pyodide` to bundle (relative to mkdocs.yml).
    # $CONNECTEUR_PYODIDE overrides it; the version must be one this plugin pins.
    pyodide = opt.Type(str, default="node_modules/pyodide")

    # Ship the checker, and the standard-library modules its boot imports, precompiled for that
    # Pyodide's Python (compiled at build time by Pyodide under Node.js, cached): the browser
    # then skips compiling them at every boot.
    bytecode = opt.Type(bool, default=True)

    # With bytecode: also ship a memory snapshot of the worker at "ready" (about 6 MB gzipped),
    # which only readers on a fast link download, to start without booting Python
    # (runtime/snapshot.py). false: every reader boots Pyodide.
    snapshot = opt.Type(bool, default=True)

    # Where what is slow to make (that bytecode, the lockfile) is kept between builds, keyed by
    # content, relative to mkdocs.yml; "" for none. $CONNECTEUR_CACHE overrides it.
    cache_dir = opt.Type(str, default=".cache/connecteur")

    # Pages: generate the rule reference (rules/index.md and rules/<id>.md in each language)
    # and append "Rules that check this page" to the guide pages the rules point at.
    rule_pages = opt.Type(bool, default=True)
    rules_on_guide_pages = opt.Type(bool, default=True)

    # Guide: where rule pages link for "why". Unset: to the guide pages of this site (checked:
    # a missing page or heading is a warning), or, on a site without them (a trainer's site),
    # nowhere. A URL (the published Connecteur guide): there, unchecked.
    guide_url = opt.Optional(opt.Type(str))

    # Checking: grade every fence that states `expect:` and warn when the band differs.
    check_expect = opt.Type(bool, default=True)

    # Privacy the browser enforces: the Content-Security-Policy of every page.
    csp = opt.SubConfig(CspConfig)
