"""Shared by the trainers' browser tests: a second static server, a context that allows it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from site_fixtures import LOCAL_SCHEMES, SiteServer, free_port, new_context

__all__ = ["SiteServer", "foreign_requests", "free_port", "new_context", "serve"]


def serve(folder: Path, port: int | None = None) -> SiteServer:
    """A static server for `folder` on 127.0.0.1 (a free port unless one is given)."""
    return SiteServer(folder, port or free_port()).start()


def foreign_requests(urls: list[str], *origins: str) -> list[str]:
    """Requests that left the given origins (local schemes such as data: and blob: are fine)."""
    out = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            continue
        if f"{parts.scheme}://{parts.netloc}" not in origins:
            out.append(url)
    return out
