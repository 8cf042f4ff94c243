"""One catalogue per language (checker/locale): up to date with the code, complete in both
languages, compiled, and the only place labels are translated.

- ``make messages`` would change nothing: the template holds exactly the strings the code marks
  (a string passed to ``_t``/``_tc``/``_tn`` and missing from the catalogues fails here), each
  ``.po`` is merged with it, each committed ``.mo`` is the compilation of its ``.po`` (Babel's
  output is deterministic: the test recompiles and compares bytes).
- every msgid has a translation in both languages, none fuzzy, filling the same values.
- no module keeps a home-made table of translations (``{"en": …, "fr": …}`` literals), and no
  widget script keeps its own strings.
"""

from __future__ import annotations

import ast
import re

import pytest
from message_catalogue import REPO, extracted_in, fields, messages, po

import checker
from checker.texts import catalogue
from mkdocs_connecteur.content.typography import breaking_spaces

LANGS = checker.LANGS


def test_make_messages_would_change_nothing() -> None:
    assert messages.stale() == [], "run `make messages` and commit checker/locale/"


def test_the_template_holds_every_marked_string_of_the_three_packages() -> None:
    template = messages.extract()
    in_template = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in template if m.id
    }
    marked: dict[tuple[str | None, str], str] = {}
    for package in ("checker", "connecteur_cli", "mkdocs_connecteur"):
        marked |= extracted_in(REPO / package)
    assert set(marked) == in_template
    assert ("verdict", "partly met") in marked  # a context is part of the key
    assert len(marked) > 300


MARKERS = {"_t": 1, "_tc": 2, "_tn": 2, "N_": 1}
"""Each marker and how many of its first arguments are literal strings (context, msgid, plural)."""


def test_every_marked_string_is_a_literal_babel_can_extract() -> None:
    """A message built from a variable or an f-string would be left out of the catalogue."""
    found = []
    for package in ("checker", "connecteur_cli", "mkdocs_connecteur"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                literals = MARKERS.get(node.func.id)
                if literals is None:
                    continue
                args = node.args[:literals]
                if len(args) < literals or not all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
                ):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_msgid_has_a_translation_that_fills_the_same_values(lang: str) -> None:
    cat = po(lang)
    assert str(cat.locale) == lang
    problems = []
    for m in cat:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        if m.fuzzy:
            problems.append(f"fuzzy: {m.id!r}")
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {m.id!r}")
            continue
        if fields(ids[-1]) != fields(strings[-1]) or fields(ids[0]) != fields(strings[0]):
            problems.append(f"values differ: {m.id!r} -> {m.string!r}")
    assert problems == []


def test_the_compiled_catalogues_are_the_ones_read_at_run_time() -> None:
    for lang in LANGS:
        cat = po(lang)
        compiled = catalogue(lang)
        for m in cat:
            if m.id and isinstance(m.id, str) and not m.context:
                assert compiled.gettext(m.id) == m.string


def test_french_keeps_its_typography() -> None:
    """A no-break space before : ; ! ? and inside « », a typographic apostrophe (the site's own
    check, mkdocs_connecteur/content/typography.py)."""
    problems = [
        f"{m.id!r}: {found}"
        for m in po("fr")
        if m.id
        for s in ([m.string] if isinstance(m.string, str) else m.string)
        if (found := breaking_spaces(s))
    ]
    assert problems == []
    assert breaking_spaces("Prêt : commencez") != []


def _home_made_tables(source: str) -> list[int]:
    """Lines of dict literals keyed by the languages whose values are words or tables of words."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict) or len(node.keys) < 2:
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        if keys != set(LANGS):
            continue
        if all(
            isinstance(v, ast.Dict | ast.JoinedStr)
            or (isinstance(v, ast.Constant) and isinstance(v.value, str))
            for v in node.values
        ):
            found.append(node.lineno)
    return found


def test_a_home_made_table_is_found() -> None:
    assert _home_made_tables('WORDS = {"en": {"met": "met"}, "fr": {"met": "rempli"}}') == [1]
    assert _home_made_tables('A = {"en": "Yes", "fr": "Oui"}') == [1]
    assert _home_made_tables('A = {"en": compile("x"), "fr": compile("y")}') == []


def test_no_module_keeps_its_own_translations() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for package in ("checker", "connecteur_cli", "mkdocs_connecteur")
        for path in sorted((REPO / package).rglob("*.py"))
        for line in _home_made_tables(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "put the words in the catalogue (_t) instead"


def test_no_strings_file_or_script_table_is_left() -> None:
    assert not list((REPO / "mkdocs_connecteur").rglob("*strings*.toml"))
    scripts = sorted((REPO / "mkdocs_connecteur" / "assets" / "js").glob("*.js"))
    assert scripts
    tables = []
    for path in scripts:
        source = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\bfr\s*:\s*\{", source):
            tables.append(f"{path.name}:{source[: m.start()].count(chr(10)) + 1}")
    assert tables == [], "the widget's words come from the catalogue (content/labels.py)"
