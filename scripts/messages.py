"""Extract, merge and compile the gettext catalogues (``make messages``), or check them.

    python scripts/messages.py          # write the .pot, update each .po, compile each .mo
    python scripts/messages.py --check  # exit 1, naming the stale files

1. Babel extracts every marked string of the packages (``babel.cfg``; markers in ``KEYWORDS``) into
   the template ``checker/locale/connecteur.pot``, sorted by msgid, locations without line numbers
   (moving code does not change the catalogue).
2. Each language's ``checker/locale/<lang>/LC_MESSAGES/connecteur.po`` is merged with the template:
   new msgids arrive untranslated, msgids no longer used go. English is the source language: the
   English catalogue's translations are the msgids themselves, filled in here.
3. Each ``.po`` is compiled to ``connecteur.mo`` beside it, which the checker reads at run time.

Every output is deterministic (fixed dates, sorted entries), so the tests recompute them and fail
when a committed file is stale (tests/checker/test_catalogues.py).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import sys
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "checker" / "locale"
DOMAIN = "connecteur"
POT = LOCALE / f"{DOMAIN}.pot"
# A language is a folder of checker/locale (the checker's LANGS: tests/checker/test_catalogues.py).
LANGS = tuple(sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir()))
SOURCE_LANG = "en"
KEYWORDS = {
    "_t": None,  # checker.texts.text
    "_tc": ((1, "c"), 2),  # checker.texts.in_context
    "_tn": (1, 2),  # checker.texts.counted
    "N_": None,  # a string marked only (argparse's own, in connecteur_cli/cli.py)
}
DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
WIDTH = 100
HEADER = (
    "# Connecteur's messages: every label and message of the checker, the command line and the\n"
    '# site. Extracted by `make messages` (scripts/messages.py); see ARCHITECTURE.md, "Messages\n'
    '# and their catalogues".\n'
    "#"
)


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def extract() -> Catalog:
    """The template: every marked string of the packages, with where it is used."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    template = Catalog(
        project="Connecteur",
        domain=DOMAIN,
        header_comment=HEADER,
        creation_date=DATE,
        revision_date=DATE,
        charset="utf-8",
        fuzzy=False,
    )
    found = extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        path = Path(filename).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def merged(lang: str, template: Catalog) -> Catalog:
    """``lang``'s catalogue merged with the template (English: filled with the msgids)."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as f:
            cat = read_po(f, locale=lang, domain=DOMAIN)
    else:
        cat = Catalog(
            locale=lang,
            domain=DOMAIN,
            project="Connecteur",
            header_comment=HEADER,
            creation_date=DATE,
            revision_date=DATE,
            charset="utf-8",
            fuzzy=False,
        )
    # A copy: Catalog.update adds the template's own Message objects, which the English filling
    # below would otherwise change for the next language too.
    cat.update(copy.deepcopy(template), no_fuzzy_matching=True, update_creation_date=False)
    cat.obsolete.clear()
    cat.revision_date = DATE
    cat.fuzzy = False
    if lang == SOURCE_LANG:
        for message in cat:
            if (message.id and not message.string) or message.string == ("", ""):
                message.string = message.id
    return cat


def po_bytes(cat: Catalog, *, template: bool = False) -> bytes:
    out = BytesIO()
    write_po(out, cat, width=WIDTH, sort_output=True, include_lineno=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(cat: Catalog) -> bytes:
    out = BytesIO()
    write_mo(out, cat, use_fuzzy=False)
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    """Every file ``make messages`` writes, with its expected bytes."""
    template = extract()
    files = {POT: po_bytes(template, template=True)}
    for lang in LANGS:
        cat = merged(lang, template)
        files[po_path(lang)] = po_bytes(cat)
        # Compile what the .po on disk will hold (read back: exactly what a translator edits).
        files[mo_path(lang)] = mo_bytes(read_po(BytesIO(files[po_path(lang)]), locale=lang))
    return files


def stale() -> list[str]:
    """The catalogue files that differ from what ``make messages`` would write."""
    return [
        path.relative_to(ROOT).as_posix()
        for path, data in outputs().items()
        if not path.exists() or path.read_bytes() != data
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for name in old:
            print(f"{name} is not up to date: run `make messages`", file=sys.stderr)
        return 1 if old else 0
    for path, data in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
