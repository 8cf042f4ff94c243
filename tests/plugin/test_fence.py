"""Fence parsing: options, drafts, mistakes with their line, and fences left alone."""

from __future__ import annotations

from mkdocs_connecteur.content.fence import find_fences, replace_fences


def test_options_then_draft() -> None:
    md = (
        "# T\n\n```connecteur\nkind: ask\nlang: fr\ncompact: true\nexpect: not-ready\n---\n"
        "Bonjour,\n\nCdt\n```\n"
    )
    (fence,) = find_fences(md)
    assert (fence.kind, fence.lang, fence.compact, fence.expect) == ("ask", "fr", True, "not-ready")
    assert fence.draft == "Bonjour,\n\nCdt"
    assert fence.problems == ()
    assert fence.line == 3


def test_without_separator_the_whole_block_is_the_draft() -> None:
    (fence,) = find_fences("```connecteur\nkind: ask\nHello\n```")
    assert fence.kind == "request"
    assert fence.draft == "kind: ask\nHello"


def test_empty_fence_gives_defaults() -> None:
    (fence,) = find_fences("```connecteur\n```")
    assert (fence.kind, fence.lang, fence.compact, fence.expect, fence.draft) == (
        "request",
        "auto",
        False,
        None,
        "",
    )


def test_unknown_option_and_bad_values_name_their_line() -> None:
    md = (
        "intro\n\n```connecteur\ncolour: blue\nkind: memo\ncompact: maybe\nexpect: great\n"
        "---\nHi\n```"
    )
    (fence,) = find_fences(md)
    lines = {p.line: p.message for p in fence.problems}
    assert set(lines) == {4, 5, 6, 7}
    assert "unknown option 'colour'" in lines[4]
    assert "bad kind 'memo'" in lines[5] and "request" in lines[5]
    assert "bad compact" in lines[6]
    assert "bad expect 'great'" in lines[7] and "needs-work" in lines[7]
    assert fence.kind == "request"  # a bad value falls back to the default


def test_fences_inside_other_code_blocks_are_left_alone() -> None:
    md = (
        "````markdown\n```connecteur\nkind: ask\n---\nnot me\n```\n````\n\n"
        "~~~text\n```connecteur\n```\n~~~\n\n"
        "```connecteur\n---\nme\n```\n"
    )
    fences = find_fences(md)
    assert [f.draft for f in fences] == ["me"]
    assert fences[0].line == 14


def test_indented_fence_in_an_admonition() -> None:
    md = (
        '!!! tip "Try it"\n\n    ```connecteur\n    lang: en\n    ---\n'
        "    Hello\n      there\n    ```\n"
    )
    (fence,) = find_fences(md)
    assert fence.indent == "    "
    assert fence.draft == "Hello\n  there"
    out = replace_fences(md, [fence], ["SLOT0"])
    assert "    SLOT0" in out.split("\n")
    assert "```" not in out


def test_unclosed_fence_is_a_problem() -> None:
    (fence,) = find_fences("```connecteur\nkind: ask\n---\nHello")
    assert any("never closed" in p.message for p in fence.problems)


def test_other_info_strings_are_not_ours() -> None:
    assert find_fences("```connecteurs\n```\n```python\nconnecteur\n```") == []


def test_replace_keeps_the_rest_of_the_page() -> None:
    md = "a\n```connecteur\n```\nb\n```connecteur\n---\nx\n```\nc"
    fences = find_fences(md)
    out = replace_fences(md, fences, ["S0", "S1"])
    assert [line for line in out.split("\n") if line] == ["a", "S0", "b", "S1", "c"]


def test_line_numbers_count_the_front_matter() -> None:
    """MkDocs strips front matter before plugins see the page; warnings cite the file's lines."""
    from mkdocs.utils.meta import get_data

    from mkdocs_connecteur.content.fence_widgets import line_offset

    source = "---\ntitle: X\nhide: [toc]\n---\n\n# T\n\n```connecteur\n```\n"
    markdown, _ = get_data(source)
    (fence,) = find_fences(markdown)
    assert fence.line + line_offset(source, markdown) == 8
    assert line_offset(markdown, markdown) == 0
