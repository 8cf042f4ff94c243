"""The page that tells readers how far to trust a grade (docs/judgement.md and its French twin)
quotes the team corpus's figures: they must be the figures the checker gives today, so that the
page cannot go on claiming an agreement the checker has lost (or hiding one it has gained)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bench_scripts import load_script

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def team() -> dict:
    return load_script("judgement").team_corpus()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("page", "pattern"),
    [
        (
            "judgement.md",
            r"(\d+) drafts the team wrote.*?\| (\d+) in the band we expected "
            r"\(([\d.]+) %\); (\d+) of (\d+) rewrites",
        ),
        (
            "judgement.fr.md",
            r"(\d+) brouillons écrits.*?\| (\d+) dans le niveau attendu "
            r"\(([\d,]+) %\) ; (\d+) réécritures sur (\d+)",
        ),
    ],
)
def test_the_page_quotes_the_team_corpus_as_it_is(team: dict, page: str, pattern: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    found = re.search(pattern, text)
    assert found, f"{page}: the team corpus line is not where the test looks for it"
    drafts, in_band, share, up, pairs = found.groups()
    assert int(drafts) == team["drafts"]
    assert int(in_band) == round(team["in_band"] * team["drafts"])
    assert float(share.replace(",", ".")) == round(100 * team["in_band"], 1)
    assert int(pairs) == team["pairs"]
    assert int(up) == round(team["pairs_up"] * team["pairs"])
