"""Find and parse ```` ```connecteur ```` fences in a page's Markdown.

Parsing is separate from rendering so that it can be unit-tested without MkDocs, and so that a
mistake in a fence is reported with the page's line number rather than as a broken build.
Fences nested in another fenced code block (for example a ```` ````markdown ```` block that
documents the syntax) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker import BANDS, KINDS
from checker import DRAFT_LANGS as LANGS

FENCE_INFO = "connecteur"
OPTIONS = ("kind", "lang", "compact", "expect", "target", "rule")
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")

_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\s`{]*)(?P<rest>.*)$"
)


@dataclass(frozen=True, slots=True)
class FenceProblem:
    """One mistake in a fence: the line (1-based, in the page) and what is wrong."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Fence:
    """One checker fence: where it is, its options and its draft."""

    start: int  # index of the opening line (0-based)
    end: int  # index of the closing line, or of the last line when unclosed
    indent: str
    kind: str = "request"
    lang: str = "auto"
    compact: bool = False
    expect: str | None = None
    target: str | None = None  # the band an exercise asks the reader to reach
    rule: str | None = None  # a rule page's own rule: its finding comes first
    draft: str = ""
    problems: tuple[FenceProblem, ...] = field(default=())

    @property
    def line(self) -> int:
        """The 1-based line of the opening fence, as an author sees it in an editor."""
        return self.start + 1


def _closes(line: str, fence: str) -> bool:
    """A closing fence: only the opening character, at least as many times, nothing else."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")


def _parse_options(
    lines: list[str], first_line: int
) -> tuple[dict[str, object], list[FenceProblem]]:
    options: dict[str, object] = {}
    problems: list[FenceProblem] = []
    for offset, raw in enumerate(lines):
        number = first_line + offset
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        key, sep, value = text.partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            problems.append(FenceProblem(number, f"expected 'option: value', got {text!r}"))
            continue
        if key not in OPTIONS:
            problems.append(
                FenceProblem(number, f"unknown option {key!r}; use one of {', '.join(OPTIONS)}")
            )
            continue
        if key in options:
            problems.append(FenceProblem(number, f"option {key!r} is given twice"))
            continue
        low = value.lower()
        if key == "kind" and low not in KINDS:
            problems.append(
                FenceProblem(number, f"bad kind {value!r}; use one of {', '.join(KINDS)}")
            )
        elif key == "lang" and low not in LANGS:
            problems.append(
                FenceProblem(number, f"bad lang {value!r}; use one of {', '.join(LANGS)}")
            )
        elif key in ("expect", "target") and low not in BANDS:
            problems.append(
                FenceProblem(number, f"bad {key} {value!r}; use one of {', '.join(BANDS)}")
            )
        elif key == "rule" and not _RULE_ID.match(low):
            problems.append(FenceProblem(number, f"bad rule {value!r}; use a rule id"))
        elif key == "compact" and low not in _TRUE + _FALSE:
            problems.append(FenceProblem(number, f"bad compact {value!r}; use true or false"))
        elif key == "compact":
            options[key] = low in _TRUE
        else:
            options[key] = low
    return options, problems


def _build(lines: list[str], start: int, end: int, indent: str, closed: bool) -> Fence:
    body = [_dedent(line, indent) for line in lines[start + 1 : end]]
    problems: list[FenceProblem] = []
    if not closed:
        problems.append(FenceProblem(start + 1, "the connecteur fence is never closed"))
    if "---" in (line.rstrip() for line in body):
        split = [line.rstrip() for line in body].index("---")
        options, option_problems = _parse_options(body[:split], start + 2)
        problems.extend(option_problems)
        draft_lines = body[split + 1 :]
    else:
        options, draft_lines = {}, body
    draft = "\n".join(draft_lines).strip("\n")
    return Fence(
        start=start,
        end=end,
        indent=indent,
        kind=str(options.get("kind", "request")),
        lang=str(options.get("lang", "auto")),
        compact=bool(options.get("compact", False)),
        expect=options.get("expect"),  # type: ignore[arg-type]
        target=options.get("target"),  # type: ignore[arg-type]
        rule=options.get("rule"),  # type: ignore[arg-type]
        draft=draft,
        problems=tuple(problems),
    )


def find_fences(markdown: str) -> list[Fence]:
    """Every top-level connecteur fence of a page, in order (fences in code blocks excluded)."""
    lines = markdown.split("\n")
    fences: list[Fence] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match["fence"], match["indent"]
        j = i + 1
        while j < len(lines) and not _closes(lines[j], fence):
            j += 1
        closed = j < len(lines)
        if match["info"] == FENCE_INFO and not match["rest"].strip():
            fences.append(_build(lines, i, j if closed else len(lines), indent, closed))
        i = j + 1
    return fences


def replace_fences(markdown: str, fences: list[Fence], placeholder: list[str]) -> str:
    """The Markdown with each fence replaced by its placeholder paragraph (same indentation)."""
    lines = markdown.split("\n")
    for fence, token in sorted(zip(fences, placeholder, strict=True), key=lambda p: -p[0].start):
        lines[fence.start : fence.end + 1] = ["", f"{fence.indent}{token}", ""]
    return "\n".join(lines)
