"""Where the running Connecteur came from, as the requirement a workshop installs.

A workshop made by ``connecteur new`` must build with the very Connecteur that wrote it: a trainer
who installed it from a clone, a wheel or a repository cannot get it from the package index, where
it may not be. Installers record where a distribution came from in its ``direct_url.json``
(PEP 610, https://packaging.python.org/en/latest/specifications/direct-url/): a local folder
(``dir_info``, editable or not), an archive such as a wheel (``archive_info``) or a version control
URL with its commit (``vcs_info``). A distribution installed from an index has no such file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

DIST = "connecteur"
EXTRAS = "site"  # what a workshop needs: the MkDocs plugin and its dependencies
NAME = f"{DIST}[{EXTRAS}]"


@dataclass(frozen=True, slots=True)
class Origin:
    """The requirement line (PEP 508) for ``requirements.txt`` and where it points.

    ``source`` is one of: ``index`` (a version from the package index), ``path`` (a local folder),
    ``wheel`` or ``archive`` (a file or URL), ``vcs`` (a repository at a commit), ``unknown``
    (nothing better than the index name: the next steps say so).
    """

    requirement: str
    source: str
    where: str = ""


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(url2pathname(unquote(parts.path)))


def from_direct_url(text: str | None, version: str | None) -> Origin:
    """The origin that ``direct_url.json`` (its text, or None) and the version describe."""
    if text is None:
        if version:
            return Origin(f"{NAME}=={version}", "index", version)
        return Origin(NAME, "unknown")
    try:
        data = json.loads(text)
        url = data["url"]
    except (ValueError, TypeError, KeyError):
        return Origin(NAME, "unknown")
    if not isinstance(url, str) or not url:
        return Origin(NAME, "unknown")
    local = _local_path(url)
    if local is not None and not local.exists():
        return Origin(NAME, "unknown", str(local))  # a clone or a wheel that has gone since
    subdirectory = data.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if isinstance(subdirectory, str) else ""
    if isinstance(vcs := data.get("vcs_info"), dict) and isinstance(vcs.get("vcs"), str):
        commit = vcs.get("commit_id")
        pinned = f"{vcs['vcs']}+{url}" + (f"@{commit}" if isinstance(commit, str) else "")
        return Origin(f"{NAME} @ {pinned}{fragment}", "vcs", pinned)
    where = str(local) if local is not None else url
    if isinstance(data.get("archive_info"), dict):
        source = "wheel" if urlsplit(url).path.endswith(".whl") else "archive"
        return Origin(f"{NAME} @ {url}{fragment}", source, where)
    if isinstance(data.get("dir_info"), dict):
        return Origin(f"{NAME} @ {url}{fragment}", "path", where)
    return Origin(NAME, "unknown")


def installed() -> metadata.Distribution | None:
    """The installed Connecteur: the first ``.dist-info`` on the path.

    Building or installing from a clone leaves a ``connecteur.egg-info`` folder in it, which
    ``importlib.metadata`` finds first when the command runs from the clone (the current folder is
    on the path). It is a by-product of a build, not an installation: it has no RECORD.
    """
    for dist in metadata.distributions(name=DIST):
        if dist.read_text("RECORD") is not None:
            return dist
    return None


def running_origin() -> Origin:
    """Where the Connecteur running this code was installed from."""
    dist = installed()
    if dist is None:  # run from a folder on sys.path, not installed
        return Origin(NAME, "unknown")
    return from_direct_url(dist.read_text("direct_url.json"), dist.version)
