"""A rule's ``guide`` link ("guide/motivated-request/#objective") as a page and an anchor.

Rules name their guide section by site URL (what the checker's report carries); MkDocs resolves
links between source files. This module converts one into the other, so that rule pages link to
the guide through MkDocs (which checks the link) and guide pages can list the rules that point
at them; and, once the site's pages are read, it checks that every rule's guide page and
heading exists.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from mkdocs.structure.files import Files

from checker import Rubric

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


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


def guide_titles(rubric: Rubric, files: Files) -> dict[str, str]:
    """Page and section headings the rules point at, in the language built.

    Keys are "guide/x.md" (the page's title) and "guide/x.md#anchor" (the section's).
    """
    titles: dict[str, str] = {}
    for rule in rubric.rules:
        target = parse_guide(rule.guide)
        file = files.get_file_from_path(target.src_uri)
        if file is None:
            continue
        text = file.content_string
        if target.src_uri not in titles and (match := _H1.search(text)):
            titles[target.src_uri] = match.group(1)
        if target.anchor:
            heading = re.search(
                rf"^#+\s+(.+?)\s*\{{[^}}]*#{re.escape(target.anchor)}\b[^}}]*\}}\s*$",
                text,
                re.MULTILINE,
            )
            if heading:
                titles[f"{target.src_uri}#{target.anchor}"] = heading.group(1)
    return titles


def guide_in_site(rubric: Rubric, files: Files) -> bool:
    """Whether the site holds the guide: at least one rule's guide page exists in it."""
    targets = {parse_guide(rule.guide).src_uri for rule in rubric.rules}
    return any(files.get_file_from_path(src) is not None for src in targets)


def missing_pages(rubric: Rubric, files: Files) -> list[str]:
    """A warning for each rule whose guide page is not in the site."""
    out = []
    for rule in rubric.rules:
        target = parse_guide(rule.guide)
        if files.get_file_from_path(target.src_uri) is None:
            out.append(
                f"rubric {rubric.source}: rule {rule.id!r}: key 'guide' = "
                f"{rule.guide!r} points at a page that does not exist ({target.src_uri})"
            )
    return out


def missing_anchors(rubric: Rubric, files: Files) -> list[str]:
    """A warning for each rule whose guide heading is not on its (rendered) page."""
    out = []
    for rule in rubric.rules:
        target = parse_guide(rule.guide)
        file = files.get_file_from_path(target.src_uri)
        page = file.page if file is not None else None
        anchors = getattr(page, "present_anchor_ids", None)
        missing = anchors is not None and target.anchor and target.anchor not in anchors
        if file is not None and missing:
            out.append(
                f"rubric {rubric.source}: rule {rule.id!r}: key 'guide' = "
                f"{rule.guide!r}: {file.src_uri} has no heading with id "
                f"{target.anchor!r}; add '{{#{target.anchor}}}' to the section's heading"
            )
    return out
