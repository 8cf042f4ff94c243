"""A ```` ```connecteur ```` fence turned into the widget's HTML, with its mistakes as warnings.

Each warning names the page and the line in the author's file, so ``mkdocs build --strict`` stops
on a fence that would show a broken checker or an example that does not grade as it claims.
"""

from __future__ import annotations

from checker import Rubric

from ..log import log
from . import expectations
from .fence import Fence
from .widget import render_checker


def widget_for_fence(
    fence: Fence,
    *,
    src_uri: str,
    index: int,
    line_offset: int,
    ui_lang: str,
    rubric: Rubric | None,
    runtime_bytes: int | None = None,
) -> str:
    """The widget for one fence (empty when it cannot be rendered); ``rubric`` checks ``expect``;
    ``runtime_bytes``: the size of the runtime the site ships, for the loading line."""
    where = f"{src_uri}, line {fence.line + line_offset}"
    for problem in fence.problems:
        log.warning(f"{src_uri}, line {problem.line + line_offset}: {problem.message}")
    try:
        html = render_checker(
            kind=fence.kind,
            lang=fence.lang,
            compact=fence.compact,
            draft=fence.draft,
            ui_lang=ui_lang,
            index=index,
            expect=fence.expect,
            target=fence.target,
            focus_rule=fence.rule,
            runtime_bytes=runtime_bytes,
        )
    except ValueError as error:
        log.warning(f"{where}: {error}")
        return ""
    if rubric is not None:
        unmet = expectations.check(fence, rubric, where)
        if unmet:
            log.warning(unmet)
    return html


def line_offset(source: str, markdown: str) -> int:
    """Lines removed above ``markdown`` (front matter), so warnings cite the file's lines."""
    total = source.replace("\r\n", "\n").rstrip("\n").count("\n")
    return max(0, total - markdown.rstrip("\n").count("\n"))
