"""One vocabulary: each list of values is defined once (checker/vocabulary.py, and the rubric's own
in checker/rubric/model.py), and every label keyed by one of those values exists in both languages.

The scan reads the sources (the packages, the model's trainer, the benchmarks and the scripts):
a tuple, list or set literal holding the same words as one of the core's lists is a second
definition, which will one day disagree with the first.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import checker
from checker.rubric import MEASURES, RULE_KINDS
from checker.vocabulary import SEVERITY_TEXTS, VERDICT_TEXTS
from mkdocs_connecteur.content import rule_pages, widget

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("checker", "connecteur_cli", "mkdocs_connecteur", "model", "benchmarks", "scripts")
HOMES = {"checker/vocabulary.py", "checker/rubric/model.py"}
"""Where the lists are defined (the rubric's own, rule kinds and measures, in its model)."""

VOCABULARY = {
    "MESSAGE_KINDS": checker.MESSAGE_KINDS,
    "LANGS": checker.LANGS,
    "DRAFT_LANGS": checker.DRAFT_LANGS,
    "BANDS": checker.BANDS,
    "VERDICTS": checker.VERDICTS,
    "SEVERITIES": checker.SEVERITIES,
    "RULE_KINDS": RULE_KINDS,
    "MEASURES": MEASURES,
}


def _words(node: ast.AST) -> frozenset[str] | None:
    """The strings of a tuple, list or set literal made of string constants only, else None."""
    if not isinstance(node, ast.Tuple | ast.List | ast.Set) or len(node.elts) < 2:
        return None
    if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return None
    return frozenset(e.value for e in node.elts)  # type: ignore[attr-defined]


def _is_table(node: ast.AST) -> bool:
    """A dict literal, or one wrapped in a call (``MappingProxyType({...})``)."""
    if isinstance(node, ast.Call) and node.args:
        node = node.args[0]
    return isinstance(node, ast.Dict)


def _is_message(node: ast.AST) -> bool:
    """A message of the catalogue: ``_t("…")`` or ``_tc("context", "…")``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id
        in (
            "_t",
            "_tc",
        )
    )


def copies_in(source: str, where: str) -> list[str]:
    """Each literal in ``source`` that spells out one of the core's lists, as "where:line NAME"."""
    lists = {frozenset(values): name for name, values in VOCABULARY.items()}
    bands = frozenset(checker.BANDS)
    found = []
    for node in ast.walk(ast.parse(source)):
        words = _words(node)
        if words is not None and words in lists:
            found.append(f"{where}:{node.lineno} {lists[words]}")
        # Band labels: a table keyed by the bands whose values are tables per language.
        if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
            keys = frozenset(k.value for k in node.keys)  # type: ignore[union-attr]
            if keys == bands and all(_is_table(v) or _is_message(v) for v in node.values):
                found.append(f"{where}:{node.lineno} BAND_LABELS")
    return found


def sources() -> list[Path]:
    return [p for folder in SCANNED for p in sorted((REPO / folder).rglob("*.py"))]


def test_the_scan_reads_the_packages_and_finds_the_definitions() -> None:
    paths = {p.relative_to(REPO).as_posix() for p in sources()}
    assert {
        "mkdocs_connecteur/content/fence.py",
        "connecteur_cli/batch.py",
        "model/train.py",
    } <= paths
    home = (REPO / "checker/vocabulary.py").read_text(encoding="utf-8")
    found = copies_in(home, "checker/vocabulary.py")
    assert {line.split()[-1] for line in found} >= {"MESSAGE_KINDS", "BANDS", "BAND_LABELS"}


@pytest.mark.parametrize(
    "literal",
    [
        'KINDS = ("request", "ask", "intro", "connect")',
        'UI = ["en", "fr"]',
        'CHOICES = {"auto", "en", "fr"}',
        'LEVELS = ("info", "error", "warning")',
        'LABELS = {"ready": {"en": "R"}, "needs-work": {}, "not-ready": {}, "empty": {}}',
        'L = {"ready": _t("R"), "needs-work": _t("N"), "not-ready": _t("X"), "empty": _t("E")}',
    ],
)
def test_a_second_definition_is_found(literal: str) -> None:
    assert copies_in(literal, "x.py") != []


def test_a_list_of_other_words_is_not_a_copy() -> None:
    assert copies_in('A = ("request", "ask", "intro", "connect", "any")\nB = ("en",)', "x.py") == []


def test_each_list_of_values_is_defined_once() -> None:
    copies = [
        line
        for path in sources()
        if (where := path.relative_to(REPO).as_posix()) not in HOMES
        for line in copies_in(path.read_text(encoding="utf-8"), where)
    ]
    assert copies == [], "import these from checker (checker/vocabulary.py) instead"


def test_the_site_shows_the_reports_band_labels() -> None:
    for lang in checker.LANGS:
        strings = widget.js_strings(lang)
        for band in checker.BANDS:
            assert strings[f"band_{band}"] == checker.BAND_LABELS[band][lang]
            assert widget.ui_strings()["band"][band][lang] == checker.BAND_LABELS[band][lang]


@pytest.mark.parametrize("lang", checker.LANGS)
def test_every_value_has_its_labels_in_both_languages(lang: str) -> None:
    """Each value's words are one message of the catalogue, read by every interface."""
    assert set(checker.BAND_LABELS) == set(checker.BANDS)
    assert all(checker.BAND_LABELS[band][lang].strip() for band in checker.BANDS)
    assert set(VERDICT_TEXTS) == set(checker.VERDICTS)
    assert set(SEVERITY_TEXTS) == set(checker.SEVERITIES)
    verdicts = {v: VERDICT_TEXTS[v].render(lang) for v in checker.VERDICTS}
    severities = {s: SEVERITY_TEXTS[s].render(lang) for s in checker.SEVERITIES}
    assert all(word.strip() for word in (*verdicts.values(), *severities.values()))
    # The widget, the rule pages and the command line show those same words.
    strings = widget.js_strings(lang)
    assert {v: strings[f"verdict_{v}"] for v in checker.VERDICTS} == verdicts
    assert {s: strings[f"severity_{s}"] for s in checker.SEVERITIES} == severities
    assert dict(rule_pages.SEVERITY[lang]) == severities
    assert set(rule_pages.KIND[lang]) == set(checker.KINDS)
    assert set(rule_pages.LANG_NAME[lang]) == set(checker.LANGS)
    form = widget.ui_strings()["form"]
    assert all(form[f"kind_{kind}"][lang].strip() for kind in checker.KINDS)
    assert all(form[f"lang_{code}"][lang].strip() for code in checker.DRAFT_LANGS)


JS_ARRAY = re.compile(r"\[\s*(\"[^\"\n]*\"(?:\s*,\s*\"[^\"\n]*\")+)\s*,?\s*\]")


def js_copies_in(source: str, where: str) -> list[str]:
    """Each JavaScript array literal of strings that spells out one of the core's lists."""
    lists = {frozenset(values): name for name, values in VOCABULARY.items()}
    found = []
    for match in JS_ARRAY.finditer(source):
        words = frozenset(re.findall(r"\"([^\"\n]*)\"", match.group(1)))
        if words in lists:
            line = source.count("\n", 0, match.start()) + 1
            found.append(f"{where}:{line} {lists[words]}")
    return found


def test_a_second_definition_in_javascript_is_found() -> None:
    assert js_copies_in('export const KINDS = ["request", "ask", "intro", "connect"];', "x.js")
    assert js_copies_in('const L = [\n  "auto",\n  "fr",\n  "en",\n];', "x.js")
    assert js_copies_in('const A = ["request", "ask", "any"];', "x.js") == []


def test_the_widget_reads_its_choices_from_the_form() -> None:
    """The kinds and languages come from the server-rendered <select>s, not a JS copy of them."""
    copies = [
        line
        for path in sorted((REPO / "mkdocs_connecteur" / "assets" / "js").glob("*.js"))
        for line in js_copies_in(path.read_text(encoding="utf-8"), path.name)
    ]
    assert copies == [], "read these from the form's options (storage.js optionsOf) instead"
