"""A rule's ``guide`` link ("guide/motivated-request/#objective") as a page and an anchor.

Rules name their guide section by site URL (what the checker's report carries); MkDocs resolves
links between source files. This module converts one into the other, so that rule pages link to
the guide through MkDocs (which checks the link) and guide pages can list the rules that point
at them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GuideTarget:
    """The Markdown source a guide URL points at, without language suffix, and its anchor."""

    src_uri: str  # e.g. "guide/motivated-request.md"
    anchor: str  # "" when the link names the whole page

    def link_from(self, from_src_uri: str) -> str:
        """A relative Markdown link to the target from another source file."""
        start = posixpath.dirname(from_src_uri) or "."
        path = posixpath.relpath(self.src_uri, start)
        return f"{path}#{self.anchor}" if self.anchor else path


def parse_guide(url: str) -> GuideTarget:
    """Convert a site-relative URL ("guide/x/#a", "guide/x.md#a", "" …) to its source."""
    path, _, anchor = url.partition("#")
    path = path.strip().lstrip("/")
    if path.endswith(".md"):
        src = path
    elif path in ("", "."):
        src = "index.md"
    elif path.endswith("/"):
        src = path.rstrip("/") + ".md"
    elif path.endswith(".html"):
        src = path[: -len(".html")] + ".md"
    else:
        src = path + ".md"
    return GuideTarget(src_uri=src, anchor=anchor.strip())


def norm_src_uri(src_uri: str, langs: tuple[str, ...]) -> str:
    """A source path without its language suffix: "guide/x.fr.md" → "guide/x.md"."""
    for lang in langs:
        suffix = f".{lang}.md"
        if src_uri.endswith(suffix):
            return src_uri[: -len(suffix)] + ".md"
    return src_uri
