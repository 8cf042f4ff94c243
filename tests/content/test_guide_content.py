"""The guide's own promises, read from the Markdown sources (issue 4).

Every page exists in both languages, every guide page ends with a checker to try, every rule points
at a heading that exists in both languages, and every example shown on the examples page grades in
the band the page claims. The strict site build checks some of this too; these tests say exactly
which page or rule is at fault, and run in a second.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import checker
from mkdocs_connecteur.content.fence import find_fences
from mkdocs_connecteur.content.guide_links import parse_guide

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE_PAGES = sorted(p for p in (DOCS / "guide").glob("*.md") if not p.name.endswith(".fr.md"))
ANCHOR = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


def english_sources() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".fr.md"))


def french_twin(page: Path) -> Path:
    return page.with_name(page.name[: -len(".md")] + ".fr.md")


def anchors(page: Path) -> set[str]:
    return set(ANCHOR.findall(page.read_text(encoding="utf-8")))


def test_every_page_exists_in_both_languages() -> None:
    english = {p.relative_to(DOCS) for p in english_sources()}
    french = {
        p.relative_to(DOCS).with_name(p.name[: -len(".fr.md")] + ".md")
        for p in DOCS.rglob("*.fr.md")
    }
    assert english, "no pages found"
    assert sorted(map(str, english - french)) == [], "English pages without a French twin"
    assert sorted(map(str, french - english)) == [], "French pages without an English twin"


def test_there_are_eight_guide_pages() -> None:
    assert len(GUIDE_PAGES) == 8, [p.name for p in GUIDE_PAGES]


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_guide_page_ends_with_a_checker_to_try(page: Path, lang: str) -> None:
    source = page if lang == "en" else french_twin(page)
    text = source.read_text(encoding="utf-8")
    fences = find_fences(text)
    assert fences, f"{source.name} has no embedded checker"
    last = fences[-1]
    assert last.draft.strip(), f"{source.name}: its last checker is not pre-filled"
    assert last.expect in {"not-ready", "needs-work"}, (
        f"{source.name}: the 'try it' checker should hold a bad example with its band stated"
    )
    sections = [m.start() for m in re.finditer(r"^## ", text, re.MULTILINE)]
    assert sections, f"{source.name} has no sections"
    fence_offset = sum(len(line) + 1 for line in text.split("\n")[: last.start])
    assert fence_offset > sections[-1], f"{source.name}: the checker is not in the last section"


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.stem)
def test_guide_headings_carry_the_same_anchors_in_both_languages(page: Path) -> None:
    assert anchors(page) == anchors(french_twin(page))


@pytest.mark.parametrize("rule", checker.default_rubric().rules, ids=lambda r: r.id)
def test_every_rule_links_to_a_section_that_exists_in_both_languages(rule) -> None:  # type: ignore[no-untyped-def]
    target = parse_guide(rule.guide)
    english = DOCS / target.src_uri
    assert english.exists(), f"rule {rule.id}: guide page {target.src_uri} is missing"
    for page in (english, french_twin(english)):
        assert page.exists(), f"rule {rule.id}: {page.relative_to(DOCS)} is missing"
        if target.anchor:
            assert target.anchor in anchors(page), (
                f"rule {rule.id}: no heading {{#{target.anchor}}} in {page.relative_to(DOCS)}"
            )


def example_fences() -> list[object]:
    cases = []
    for name in ("examples.md", "examples.fr.md"):
        for fence in find_fences((DOCS / name).read_text(encoding="utf-8")):
            cases.append(pytest.param(name, fence.line, fence, id=f"{name}:{fence.line}"))
    return cases


def test_the_examples_page_shows_every_kind_in_both_languages() -> None:
    for name in ("examples.md", "examples.fr.md"):
        kinds = {f.kind for f in find_fences((DOCS / name).read_text(encoding="utf-8"))}
        assert kinds == set(checker.KINDS), f"{name} shows only {sorted(kinds)}"


@pytest.mark.parametrize(("page", "line", "fence"), example_fences())
def test_every_example_grades_in_the_band_the_page_claims(page: str, line: int, fence) -> None:  # type: ignore[no-untyped-def]
    assert not fence.problems, fence.problems
    assert fence.expect, f"{page}:{line}: an example without a claimed band (expect:)"
    lang = None if fence.lang == "auto" else fence.lang
    report = checker.grade(fence.draft, kind=fence.kind, lang=lang)
    assert report.band == fence.expect, (
        f"{page}:{line}: claims {fence.expect}, grades {report.band} ({report.score}): "
        f"{fence.draft[:60]!r}"
    )


def test_french_menu_labels_match_the_french_page_titles() -> None:
    """mkdocs.yml's nav_translations give each page's French label: it is the page's own title."""
    config = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    nav = dict(re.findall(r"^\s+- ([^:\n]+): ([\w/.-]+\.md)$", config, re.MULTILINE))
    labels = dict(re.findall(r"^ {12}([^:\n]+): (.+)$", config, re.MULTILINE))
    checked = 0
    for label, src in nav.items():
        french = DOCS / src.replace(".md", ".fr.md")
        own_title = {"examples.md", "templates.md", "facilitation.md"}
        if not (src.startswith("guide/") or src in own_title):
            continue
        title = french.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("# ").strip()
        assert labels.get(label) == title, f"{src}: menu says {labels.get(label)!r}, page {title!r}"
        checked += 1
    assert checked >= 10


def test_the_two_founding_requests_are_quoted_in_full_in_one_place_only() -> None:
    """Each language quotes request B's forwardable message (as prose, outside a checker) once."""
    forwarded = "Notre entretien ne durera que 20 minutes. Cdt"
    for suffix in (".md", ".fr.md"):
        pages = [p for p in DOCS.rglob("*.md") if p.name.endswith(suffix)]
        if suffix == ".md":
            pages = [p for p in pages if not p.name.endswith(".fr.md")]
        quoting = [
            p.relative_to(DOCS).as_posix()
            for p in pages
            for line in p.read_text(encoding="utf-8").splitlines()
            if line.startswith(">") and forwarded in line
        ]
        assert quoting == [f"guide/motivated-request{suffix}"], quoting


def test_the_two_glossaries_define_the_same_terms() -> None:
    english, french = anchors(DOCS / "glossary.md"), anchors(DOCS / "glossary.fr.md")
    assert english and english == french, sorted(english ^ french)
