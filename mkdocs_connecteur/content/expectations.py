"""``expect:`` in a fence is a claim about the rubric; the build grades the draft to check it.

A guide page that says "this draft is not ready" must stay true when the rubric changes: the
claim is checked at every build, with the rubric in force, and a wrong claim is a warning (so
``mkdocs build --strict`` fails) that names the page, the draft and both bands.
"""

from __future__ import annotations

import checker
from checker import Rubric

from .fence import Fence


def draft_start(draft: str, width: int = 40) -> str:
    """The first words of a draft, on one line, for a message."""
    flat = " ".join(draft.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def check(fence: Fence, rubric: Rubric, where: str) -> str | None:
    """None when the draft grades as the fence claims, else the warning to give."""
    if fence.expect is None:
        return None
    lang = None if fence.lang == "auto" else fence.lang
    report = checker.grade(fence.draft, kind=fence.kind, lang=lang, rubric=rubric)
    if report.band == fence.expect:
        return None
    rules = ", ".join(f.rule for f in report.findings) or "none"
    return (
        f"{where}: the draft “{draft_start(fence.draft)}” is expected to grade "
        f"'{fence.expect}' but grades '{report.band}' (score {report.score}, kind "
        f"{fence.kind}, rubric {rubric.name!r}, findings: {rules}); fix the draft or its 'expect:'"
    )
