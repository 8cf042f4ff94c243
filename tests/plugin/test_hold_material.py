"""benchmarks/browser.py --hold-material: the experiment's page holds Material's bundle back.

The experiment measures what the page's own start costs the checker (docs/reference/performance.md,
"Ready sooner, fifth pass"); these tests check that the copy it measures differs from the site only
there: the checker pages load a small loader instead of the bundle, everything else is untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_scripts import load_script

BUNDLE = '<script src="{up}assets/javascripts/bundle.abc123.min.js"></script>'


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for page, up in (("checker", "../"), ("fr/checker", "../../"), ("guide", "../")):
        (site / page).mkdir(parents=True)
        html = f"<html><body><p>x</p>{BUNDLE.format(up=up)}</body></html>"
        (site / page / "index.html").write_text(html, encoding="utf-8")
    (site / "assets").mkdir()
    return site


def test_the_checker_pages_load_the_bundle_once_the_checker_is_ready(tmp_path: Path) -> None:
    bench = load_script("browser")
    site = _site(tmp_path)
    held = bench.hold_material(site, tmp_path / "held")
    for page, up in (("checker", "../"), ("fr/checker", "../../")):
        html = (held / page / "index.html").read_text(encoding="utf-8")
        assert BUNDLE.format(up=up) not in html
        assert (
            f'<script src="{up}assets/held-bundle.js" '
            f'data-bundle="{up}assets/javascripts/bundle.abc123.min.js"></script>'
        ) in html
    loader = (held / "assets" / "held-bundle.js").read_text(encoding="utf-8")
    assert "connecteur:runtime" in loader and "document.body.append" in loader
    # Other pages, and the site itself, are as built.
    assert (held / "guide" / "index.html").read_text() == (
        site / "guide" / "index.html"
    ).read_text()
    assert BUNDLE.format(up="../") in (site / "checker" / "index.html").read_text()


def test_a_checker_page_without_the_bundle_is_an_error(tmp_path: Path) -> None:
    bench = load_script("browser")
    site = _site(tmp_path)
    (site / "checker" / "index.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SystemExit, match="bundle not found"):
        bench.hold_material(site, tmp_path / "held")
