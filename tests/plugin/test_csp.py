"""The Content-Security-Policy the plugin writes: every page of our site carries it, with the hash
of every inline script it really has; the options (off, extend) do what the reference says.

The browser side (the policy holds, the checker works under it): tests/browser/test_csp_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html.parser
import re
from pathlib import Path

import pytest

from mkdocs_connecteur.site import csp

from .conftest import run_mkdocs
from .tiny_site import write_site

REQUIRED = {
    "default-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "font-src": ["'self'"],
}


class _Head(html.parser.HTMLParser):
    """An independent reading of a page: its CSP metas, the order of the head's first elements,
    and the text of each script element the browser would run (no src, a JavaScript type)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.metas: list[str] = []
        self.head_order: list[str] = []
        self.in_head = False
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.head_order.append(tag if tag != "meta" else f"meta:{sorted(values)[0]}")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.metas.append(values["content"])
        if tag == "script" and "src" not in values:
            kind = values.get("type", "").lower()
            if kind in ("", "module", "text/javascript"):
                self._script = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _read(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _directives(content: str) -> dict[str, list[str]]:
    out = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


# -- the module ------------------------------------------------------------------------------


def test_script_hash_is_the_one_browsers_compute() -> None:
    # The example of the CSP specification (and MDN): alert('Hello, world.');
    assert csp.script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )
    # The browser reads CR LF as LF before hashing.
    assert csp.script_hash("a();\r\nb();") == csp.script_hash("a();\nb();")


def test_only_scripts_that_run_are_hashed() -> None:
    page = (
        "<script>one()</script><script type=module>two()</script>"
        '<script src="x.js"></script><script type="application/json">{"a": 1}</script>'
        "<SCRIPT type='text/javascript'>three()</SCRIPT>"
    )
    assert csp.inline_script_hashes(page) == {
        csp.script_hash("one()"),
        csp.script_hash("two()"),
        csp.script_hash("three()"),
    }


def test_event_handler_attributes_are_found() -> None:
    assert csp.has_event_handlers('<button onclick="go()">Go</button>')
    assert not csp.has_event_handlers('<p data-on="x">online</p><script>a.onclick=f</script>')


def test_the_meta_comes_first_in_the_head_after_the_charset() -> None:
    page = '<html><head>\n<meta charset="utf-8">\n<script>x()</script></head></html>'
    out = csp.insert_meta(page, '<meta http-equiv="Content-Security-Policy" content="a">')
    assert out.index("charset") < out.index("Content-Security-Policy") < out.index("<script>")


def test_extend_adds_sources_and_rejects_mistakes() -> None:
    extend = csp.check_extend({"img-src": ["https://img.example.org"], "object-src": "'self'"})
    policy = _directives(csp.policy_text(set(), trusted_types=False, extend=extend))
    assert policy["img-src"] == ["'self'", "data:", "https://img.example.org"]
    assert policy["object-src"] == ["'self'"]  # 'none' cannot be combined: replaced
    with pytest.raises(csp.CspError, match="unknown directive 'script-scr'"):
        csp.check_extend({"script-scr": ["'self'"]})
    with pytest.raises(csp.CspError, match="HTTP header"):
        csp.check_extend({"frame-ancestors": ["'none'"]})
    with pytest.raises(csp.CspError, match="is not one source"):
        csp.check_extend({"img-src": ["'self'; script-src *"]})


def test_every_page_ends_with_the_same_hashes(tmp_path: Path) -> None:
    policy = csp.SitePolicy()
    policy.reset(extend={}, trusted_types=True)
    pages = {}
    for name, script in (("a.html", "first()"), ("b.html", "second()")):
        path = tmp_path / name
        text = f'<html><head><meta charset="utf-8"></head><body><script>{script}</script>'
        path.write_text(policy.page(text, path), encoding="utf-8")
        pages[name] = path
    before = csp.read_policy(pages["a.html"].read_text())
    assert csp.script_hash("second()") not in before["script-src"]
    assert policy.finish() == 2
    for path in pages.values():
        after = csp.read_policy(path.read_text())
        assert {csp.script_hash("first()"), csp.script_hash("second()")} <= set(after["script-src"])
        # Neither page loads Material's bundle: Trusted Types on both.
        assert after["require-trusted-types-for"] == ["'script'"]


# -- our site ---------------------------------------------------------------------------------


def test_every_page_of_our_site_carries_the_policy(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    policies: dict[str, set[str]] = {}
    scripts = 0
    for path in pages:
        rel = path.relative_to(built_site).as_posix()
        page = _read(path)
        assert len(page.metas) == 1, f"{rel}: {len(page.metas)} policies"
        # First in the head after the charset: it covers every script and style of the page.
        assert page.head_order[:2] == ["meta:charset", "meta:content"], (rel, page.head_order[:3])
        policy = _directives(page.metas[0])
        for name, values in REQUIRED.items():
            assert policy.get(name) == values, (rel, name, policy.get(name))
        script_src = policy["script-src"]
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"], rel
        assert all(s.startswith("'sha256-") for s in script_src[2:]), rel
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & set(script_src)
        assert policy["worker-src"] == ["'self'", "blob:"], rel
        # No other host anywhere in the policy.
        assert not re.search(r"https?:|\*", page.metas[0]), rel
        # Every inline script the page runs is allowed by its hash, and no hash is for nothing
        # on every page: the hashes are the union of the site's scripts.
        scripts += len(page.scripts)
        for script in page.scripts:
            assert _hash(script) in script_src, f"{rel}: inline script not hashed: {script[:60]}"
        policies[rel] = set(script_src)
        bundle = "assets/javascripts/bundle." in path.read_text(encoding="utf-8")
        tt = policy.get("require-trusted-types-for")
        assert tt == (None if bundle else ["'script'"]), rel
        if not bundle:
            assert policy["trusted-types"] == ["connecteur"], rel
    assert scripts >= 3 * len(pages)  # Material's own: at least three inline scripts a page
    # One script-src for the whole site: Material's instant navigation keeps the first page's.
    assert len({frozenset(s) for s in policies.values()}) == 1
    assert policies["embed/index.html"] == policies["fr/rules/index.html"]
    # The embed pages (no Material bundle) are the ones under Trusted Types.
    for rel in ("embed/index.html", "fr/embed/index.html"):
        assert "require-trusted-types-for 'script'" in _read(built_site / rel).metas[0]


def test_header_files_give_worker_scripts_the_policy(built_site: Path) -> None:
    page = csp.read_policy((built_site / "index.html").read_text(encoding="utf-8"))
    headers = (built_site / "_headers").read_text(encoding="utf-8").splitlines()
    rules = [line for line in headers if not line.startswith("#")]
    assert rules[0] == "/assets/javascripts/workers/*"
    name, value = rules[1].strip().split(": ", 1)
    assert name == "Content-Security-Policy"
    worker = csp.read_policy(csp.meta_tag(value))
    # The page's policy, less the inline-script hashes a worker has no use for.
    assert worker == {**page, "script-src": ["'self'", "'wasm-unsafe-eval'"]}
    htaccess = (built_site / ".htaccess").read_text(encoding="utf-8")
    assert f'Header set Content-Security-Policy "{value}"' in htaccess
    assert "/assets/javascripts/workers/" in htaccess


# -- the options, on the tiny site --------------------------------------------------------------

EXTRA_PAGE = """\
# Extra

<div markdown>
<script>window.extraRan = true;</script>
</div>
"""


def _options(config: Path, options: str) -> None:
    text = config.read_text(encoding="utf-8")
    text = text.replace("      rubric: rubric.toml\n", "      rubric: rubric.toml\n" + options)
    config.write_text(text, encoding="utf-8")


def test_an_authors_inline_script_is_hashed_and_extend_applies(
    tmp_path: Path, pyodide_dir: Path
) -> None:
    config = write_site(tmp_path, pyodide_dir)
    (tmp_path / "docs" / "extra.md").write_text(EXTRA_PAGE, encoding="utf-8")
    _options(
        config,
        "      bytecode: false\n"
        "      csp:\n"
        "        extend:\n"
        "          img-src: [https://img.example.org]\n",
    )
    result = run_mkdocs(config)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    expected = csp.script_hash("window.extraRan = true;")
    for rel in ("index.html", "extra/index.html", "fr/index.html", "404.html"):
        policy = csp.read_policy((site / rel).read_text(encoding="utf-8"))
        assert policy is not None, rel
        assert expected in policy["script-src"], rel  # every page: instant navigation
        assert policy["img-src"] == ["'self'", "data:", "https://img.example.org"], rel


def test_csp_can_be_turned_off(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    _options(config, "      bytecode: false\n      csp:\n        enabled: false\n")
    result = run_mkdocs(config)
    assert result.returncode == 0, result.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages
    assert not (tmp_path / "site" / "_headers").exists()
    assert not [p for p in pages if "Content-Security-Policy" in p.read_text(encoding="utf-8")]


def test_a_mistake_in_extend_stops_the_build(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    _options(config, "      csp:\n        extend:\n          scripts: ['self']\n")
    result = run_mkdocs(config)
    assert result.returncode != 0
    assert "csp.extend: unknown directive 'scripts'" in result.stderr


def test_an_inline_event_handler_is_a_warning(tmp_path: Path, pyodide_dir: Path) -> None:
    config = write_site(tmp_path, pyodide_dir)
    (tmp_path / "docs" / "extra.md").write_text(
        '# Extra\n\n<button onclick="alert(1)">Go</button>\n', encoding="utf-8"
    )
    _options(config, "      bytecode: false\n")
    result = run_mkdocs(config)
    assert result.returncode != 0  # --strict
    assert "extra.md: an on...= attribute (inline event handler) will not run" in result.stderr
