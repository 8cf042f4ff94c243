"""`connecteur new DIR`: scaffold a trainer's own workshop site, ready to build offline.

The templates live in `connecteur_cli/scaffold/templates/<lang>/` as plain files (package data),
so that a trainer can read exactly what they will get and a reviewer can diff them; this module
only copies them, fills in the site's name and the Pyodide version, and refuses to clobber
someone's work. The Pyodide version is the one the plugin pins (`mkdocs_connecteur/
pyodide_pins.json`): the workshop installs exactly the runtime its plugin accepts.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..texts import Text
from ..texts import text as _t
from .origin import Origin, running_origin

LANGS = ("fr", "en")

# Package data cannot reliably carry dot-files: templates named `_name` are written as `.name`.
_DOT_PREFIX = "_"


class ScaffoldError(ValueError):
    """A refused scaffold; str() says why and what to do instead, in the site's language."""


# The Makefile's first line, in the trainer's language (the rest of the Makefile is shared).
_MAKE_HELP = _t(
    "make run: build and serve the site on http://127.0.0.1:8000/   make site: build into site/"
)


def _origin_text(origin: Origin) -> Text:
    """Where the workshop's Connecteur will come from, for the next steps."""
    where = origin.where
    match origin.source:
        case "index":
            return _t(
                "requirements.txt installs Connecteur {where} from the package index.", where=where
            )
        case "path":
            return _t("requirements.txt installs Connecteur from this folder: {where}", where=where)
        case "wheel" | "archive":
            return _t("requirements.txt installs Connecteur from this file: {where}", where=where)
        case "vcs":
            return _t(
                "requirements.txt installs Connecteur from this repository: {where}", where=where
            )
    return _t(
        "Where this Connecteur was installed from is not known, so requirements.txt asks the "
        "package index for connecteur[site]. If you installed Connecteur from a folder, a wheel "
        "or a repository, write that in requirements.txt instead, for example: connecteur[site] @ "
        "file:///path/to/connecteur-x.y.z-py3-none-any.whl"
    )


@cache
def pyodide_version() -> str:
    """The Pyodide version the plugin pins (the newest, should it pin several)."""
    text = resources.files("mkdocs_connecteur").joinpath("pyodide_pins.json").read_text("utf-8")
    versions = json.loads(text)["versions"]
    return max(versions, key=lambda v: tuple(int(p) if p.isdigit() else 0 for p in v.split(".")))


def _templates(folder: str) -> Traversable:
    """``common`` (the same in every language) or a language's own templates."""
    return resources.files(__package__).joinpath("templates", folder)


def _walk(node: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Every template file as (relative parts, text), sorted so output order is stable."""
    out: list[tuple[tuple[str, ...], str]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        if child.is_dir():
            out.extend(_walk(child, (*prefix, child.name)))
        else:
            out.append(((*prefix, child.name), child.read_text(encoding="utf-8")))
    return out


def _target_name(part: str) -> str:
    return "." + part[len(_DOT_PREFIX) :] if part.startswith(_DOT_PREFIX) else part


def site_files(
    lang: str, *, site_name: str, requirement: str = "connecteur[site]"
) -> dict[str, str]:
    """The scaffold as {relative posix path: text}, without touching the disk (for tests too)."""
    if lang not in LANGS:
        raise ScaffoldError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    files: dict[str, str] = {}
    for parts, text in [*_walk(_templates("common")), *_walk(_templates(lang))]:
        rel = "/".join(_target_name(p) for p in parts)
        files[rel] = (
            text.replace("{{ site_name }}", site_name)
            .replace("{{ pyodide_version }}", pyodide_version())
            .replace("{{ make_help }}", _MAKE_HELP.render(lang))
            .replace("{{ connecteur_requirement }}", requirement)
        )
    return files


def _default_name(path: Path, lang: str) -> str:
    # Quotes, backslashes and braces would break the YAML or the placeholders: keep plain text.
    raw = path.resolve().name.replace("-", " ").replace("_", " ")
    stem = " ".join("".join(c for c in raw if c.isprintable() and c not in '"\\{}').split())
    if stem:
        return stem[:1].upper() + stem[1:]
    return "Atelier réseau" if lang == "fr" else "Networking workshop"


def scaffold(path: Path, *, lang: str, force: bool, origin: Origin | None = None) -> str:
    """Write a workshop site into `path` and return the next steps, in the trainer's language.

    Refuses a non-empty folder unless `force`: a trainer's existing notes must never be
    overwritten by a typo in a path. With `force`, only the scaffold's own files are rewritten.
    The workshop's requirements.txt installs ``origin`` (default: the running Connecteur's).
    """
    if lang not in LANGS:
        raise ScaffoldError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    path = Path(path)
    if path.exists() and not path.is_dir():
        message = _t("{path} exists and is not a folder. Choose another path.", path=path)
        raise ScaffoldError(message.render(lang))
    if path.is_dir() and not force:
        entries = list(path.iterdir())
        if entries:
            message = _t(
                "{path} is not empty ({count} entries). Choose a new or empty folder, or pass "
                "--force to write the workshop files over it (other files are kept).",
                path=path,
                count=len(entries),
            )
            raise ScaffoldError(message.render(lang))
    origin = origin or running_origin()
    files = site_files(lang, site_name=_default_name(path, lang), requirement=origin.requirement)
    for rel, text in files.items():
        target = path.joinpath(*rel.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    done = _t(
        "Created a workshop site in {path} ({count} files, in {language}).\n"
        "{origin}\n"
        "Next steps:\n"
        "  cd {path}\n"
        "  make run     (installs requirements.txt into .venv and Pyodide {pyodide} into "
        "node_modules/, then serves http://127.0.0.1:8000/)\n"
        "or by hand:\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  npm install                  (or set CONNECTEUR_PYODIDE to an unpacked "
        "Pyodide {pyodide})\n"
        "  .venv/bin/mkdocs serve       (then open http://127.0.0.1:8000/)\n"
        "Edit rubric.toml to adapt the rules to your workshop and docs/exercises.md to add "
        "drafts; `.venv/bin/mkdocs build --strict` writes the static site to site/.\n"
        "README.md repeats these commands.",
        path=path,
        count=len(files),
        language=_t("English") if lang == "en" else _t("French"),
        origin=_origin_text(origin),
        pyodide=pyodide_version(),
    )
    return done.render(lang)
