"""The Content-Security-Policy the plugin writes into every page it builds.

The policy is a ``<meta http-equiv="Content-Security-Policy">``, so it holds on any static host:
no request leaves the site's origin (``connect-src 'self'``, ``default-src 'self'``), scripts
come from the origin or are inline scripts the page really has (their sha256, computed here after
the theme's templates ran), ``'wasm-unsafe-eval'`` lets Pyodide compile its WebAssembly, and
nothing else may run. The checker's worker starts from a ``blob:`` URL (``runtime.js``) and so
inherits the page's policy: the draft is graded where the same rules hold.

Two passes, because Material's instant navigation keeps the first page's policy and runs the
inline scripts of every later page under it (and adds a later page's ``<meta>`` to the head when
it differs, which would enforce both): ``on_post_page`` writes each page's own policy (already
complete and strict on its own) and remembers the page; at the end of the whole build (every
language) ``finish`` gives every page the same policy, with the hashes of every page's inline
scripts.

Trusted Types (``require-trusted-types-for 'script'``) are added on the pages that do not load
Material's bundle (the embed page): Material's bundle writes markup from strings (instant
navigation parses pages with ``DOMParser``, search results use ``innerHTML``) and creates its
search worker from a plain URL, which Trusted Types refuse. Our own scripts create one policy,
``connecteur``, which only accepts the ``blob:`` URL of the checker's worker.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

# The policy of every page. Each entry is measured, not copied: docs/privacy.md says why each is
# there; tests/plugin/test_csp.py and tests/browser/test_csp_browser.py hold the site to it.
BASE: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # + the sha256 of the inline scripts. 'wasm-unsafe-eval': Pyodide compiles WebAssembly
    # (WebAssembly.instantiateStreaming); it allows no eval() of JavaScript.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Material writes style="" attributes in its templates (and the widget's wrapper has one);
    # inline styles cannot send anything anywhere: every url() they could use is held to 'self'
    # by img-src / font-src.
    "style-src": ("'self'", "'unsafe-inline'"),
    # Material's icons in CSS are data: SVG (mask-image).
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    # The checker's worker is a blob: (it inherits this policy); Material's search worker a file.
    "worker-src": ("'self'", "blob:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
TRUSTED_TYPES: dict[str, tuple[str, ...]] = {
    "require-trusted-types-for": ("'script'",),
    "trusted-types": ("connecteur",),
}
DIRECTIVES = frozenset(
    {
        *BASE,
        *TRUSTED_TYPES,
        "child-src",
        "frame-src",
        "manifest-src",
        "media-src",
        "script-src-elem",
        "script-src-attr",
        "style-src-elem",
        "style-src-attr",
        "upgrade-insecure-requests",
    }
)
# Directives a <meta> policy cannot carry (the browser ignores them there, with a warning).
HEADER_ONLY = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox"})

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[^>]*>", re.IGNORECASE)
_MATERIAL_BUNDLE = re.compile(r"<script\b[^>]*\bsrc=\"[^\"]*assets/javascripts/bundle\.[^\"]*\"")
_SOURCE = re.compile(r"^[^\s;,\"<>]+$")


class CspError(ValueError):
    """A mistake in the ``csp`` options of mkdocs.yml (the message says which and how to fix)."""


def _attributes(text: str) -> dict[str, str]:
    out = {}
    for match in _ATTR.finditer(text):
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        out[match.group(1).lower()] = html.unescape(value)
    return out


def script_hash(source: str) -> str:
    """The CSP source for an inline script with this exact text (UTF-8, sha256, base64)."""
    # The browser reads CR LF and CR as LF before it sees the script.
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page_html: str) -> set[str]:
    """The hashes of the inline scripts the browser would run (data blocks such as Material's
    ``<script type="application/json">`` are not scripts and need none)."""
    hashes = set()
    for match in _SCRIPT.finditer(page_html):
        attrs = _attributes(match.group(1))
        if "src" in attrs:
            continue
        if attrs.get("type", "").strip().lower() not in _JS_TYPES:
            continue
        hashes.add(script_hash(match.group(2)))
    return hashes


def has_event_handlers(page_html: str) -> bool:
    """Whether markup carries ``onclick=``-style attributes, which the policy stops."""
    without_scripts = _SCRIPT.sub("", page_html)
    return bool(_HANDLER.search(without_scripts))


def loads_material_bundle(page_html: str) -> bool:
    """Whether the page loads Material's bundle (whose search worker the policy allows)."""
    return bool(_MATERIAL_BUNDLE.search(page_html))


def check_extend(extend: dict[str, object]) -> dict[str, tuple[str, ...]]:
    """Sources added to directives (``csp: extend:`` in mkdocs.yml), checked."""
    out: dict[str, tuple[str, ...]] = {}
    for name, sources in extend.items():
        directive = str(name).strip().lower()
        if directive in HEADER_ONLY:
            raise CspError(
                f"csp.extend: {directive!r} has no effect in a <meta> policy; "
                "send it as an HTTP header from your host instead"
            )
        if directive not in DIRECTIVES:
            raise CspError(
                f"csp.extend: unknown directive {name!r}; use one of "
                + ", ".join(sorted(DIRECTIVES))
            )
        values = [sources] if isinstance(sources, str) else sources
        if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
            raise CspError(f"csp.extend.{directive}: give a list of sources, like ['data:']")
        for value in values:
            if not _SOURCE.match(value):
                raise CspError(
                    f"csp.extend.{directive}: {value!r} is not one source "
                    "(no spaces, ';' or ','; quote keywords: \"'self'\")"
                )
        out[directive] = tuple(values)
    return out


def policy_text(
    hashes: set[str] | frozenset[str],
    *,
    trusted_types: bool,
    extend: dict[str, tuple[str, ...]] | None = None,
) -> str:
    """The policy: directives in a fixed order, hashes sorted, so builds are reproducible."""
    directives = {name: list(values) for name, values in BASE.items()}
    directives["script-src"] += sorted(hashes)
    if trusted_types:
        directives.update({name: list(values) for name, values in TRUSTED_TYPES.items()})
    for name, values in (extend or {}).items():
        current = directives.setdefault(name, [])
        if current == ["'none'"]:
            current.clear()
        current += [v for v in values if v not in current]
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def meta_tag(policy: str) -> str:
    """The policy as a ``<meta http-equiv>`` tag, escaped for an attribute."""
    content = html.escape(policy, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def insert_meta(page_html: str, tag: str) -> str:
    """The tag as the first thing in ``<head>`` after ``<meta charset>``: a policy only covers
    what comes after it in the document."""
    head = _HEAD.search(page_html)
    if head is None:
        return tag + page_html
    at = head.end()
    charset = _CHARSET.match(page_html, at)
    if charset is not None:
        at = charset.end()
    return f"{page_html[:at]}\n    {tag}{page_html[at:]}"


@dataclass
class _Written:
    path: Path
    tag: str
    trusted_types: bool


@dataclass
class SitePolicy:
    """The policy of one site: pages written so far, and the hashes of all their scripts.

    Kept across the nested builds of mkdocs-static-i18n (one per language), so that every page of
    every language ends with the same policy; ``reset`` starts a new build (``mkdocs serve``).
    """

    extend: dict[str, tuple[str, ...]] = field(default_factory=dict)
    trusted_types: bool = True
    hashes: set[str] = field(default_factory=set)
    pages: list[_Written] = field(default_factory=list)

    def reset(self, *, extend: dict[str, tuple[str, ...]], trusted_types: bool) -> None:
        self.extend = extend
        self.trusted_types = trusted_types
        self.hashes = set()
        self.pages = []

    def page(self, page_html: str, dest: Path) -> str:
        """Write this page's own policy into it and remember the page for ``finish``."""
        hashes = inline_script_hashes(page_html)
        self.hashes |= hashes
        tt = self.trusted_types and not loads_material_bundle(page_html)
        tag = meta_tag(policy_text(hashes, trusted_types=tt, extend=self.extend))
        self.pages.append(_Written(dest, tag, tt))
        return insert_meta(page_html, tag)

    def finish(self, site_dir: Path | None = None, base_path: str = "/") -> int:
        """Give every page written the policy with every page's hashes, and write the header
        files for worker scripts into ``site_dir`` (unless None); returns pages changed."""
        if site_dir is not None and self.pages:
            worker_policy = policy_text(set(), trusted_types=False, extend=self.extend)
            for name, text in header_files(worker_policy, base_path).items():
                (site_dir / name).write_text(text, encoding="utf-8")
        changed = 0
        for written in self.pages:
            tag = meta_tag(
                policy_text(self.hashes, trusted_types=written.trusted_types, extend=self.extend)
            )
            if tag == written.tag or not written.path.is_file():
                continue
            text = written.path.read_text(encoding="utf-8")
            if written.tag not in text:
                continue
            written.path.write_text(text.replace(written.tag, tag, 1), encoding="utf-8")
            written.tag = tag
            changed += 1
        return changed


# Worker scripts loaded from a file (Material's search worker): a <meta> policy does not reach
# them, only the HTTP header of their own response does. Paths under the site's root.
WORKER_SCRIPTS = ("assets/javascripts/workers/*",)
_HEADERS_NOTE = (
    "Written by the connecteur MkDocs plugin: the Content-Security-Policy of the site's pages, for "
    "the worker scripts loaded from a file, which a policy in a page does not reach."
)


def header_files(policy: str, base_path: str = "/") -> dict[str, str]:
    """``_headers`` (Netlify, Cloudflare Pages) and ``.htaccess`` (Apache with mod_headers) that
    send ``policy`` with the worker scripts; ``base_path`` is the site's path on its host."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    headers = [f"# {_HEADERS_NOTE}"]
    for pattern in WORKER_SCRIPTS:
        headers += [f"{base}{pattern}", f"  Content-Security-Policy: {policy}"]
    htaccess = [
        f"# {_HEADERS_NOTE}",
        "<IfModule mod_headers.c>",
        '  <If "%{REQUEST_URI} =~ m#/assets/javascripts/workers/[^/]+$#">',
        f'    Header set Content-Security-Policy "{policy}"',
        "  </If>",
        "</IfModule>",
    ]
    return {"_headers": "\n".join(headers) + "\n", ".htaccess": "\n".join(htaccess) + "\n"}


POLICY_IN_PAGE = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.IGNORECASE
)


def read_policy(page_html: str) -> dict[str, list[str]] | None:
    """The directives of the policy in a built page (for tests and tools), or None."""
    match = POLICY_IN_PAGE.search(page_html)
    if match is None:
        return None
    out: dict[str, list[str]] = {}
    for part in html.unescape(match.group(1)).split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out
