"""benchmarks/browser.py --hold-material and --early-held: the experiments' pages.

--hold-material measures what the page's own start costs the checker (docs/reference/performance.md,
"Ready sooner, fifth pass"); --early-held also starts the worker from the head ("seventh pass").
These tests check that the copies they measure differ from the site only there: the checker pages
load a small loader instead of the bundle (and a boot module in the head), the rest is untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_scripts import load_script

BUNDLE = '<script src="{up}assets/javascripts/bundle.abc123.min.js"></script>'
HINT = '<link rel="modulepreload" href="{up}assets/connecteur/js/runtime.js" data-connecteur-hint>'


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for page, up in (("checker", "../"), ("fr/checker", "../../"), ("guide", "../")):
        (site / page).mkdir(parents=True)
        hint = HINT.format(up=up)
        html = f"<html><head>{hint}</head><body><p>x</p>{BUNDLE.format(up=up)}</body></html>"
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


def test_early_held_pages_also_start_the_worker_from_the_head(tmp_path: Path) -> None:
    bench = load_script("browser")
    site = _site(tmp_path)
    (site / "assets" / "connecteur" / "js").mkdir(parents=True)
    early = bench.early_held(site, tmp_path / "early")
    for page, up in (("checker", "../"), ("fr/checker", "../../")):
        html = (early / page / "index.html").read_text(encoding="utf-8")
        head, body = html.split("</head>")
        boot = f'<script type="module" async src="{up}assets/connecteur/js/early-boot.js"></script>'
        assert boot in head and HINT.format(up=up) in head
        assert BUNDLE.format(up=up) not in body and "held-bundle.js" in body
    script = (early / "assets" / "connecteur" / "js" / "early-boot.js").read_text(encoding="utf-8")
    assert 'import { start } from "./runtime.js";' in script and "start();" in script
    assert "early-boot" not in (early / "guide" / "index.html").read_text()


def test_without_snapshot_copies_the_site_minus_its_snapshot(tmp_path: Path) -> None:
    import json

    bench = load_script("browser")
    site = _site(tmp_path)
    runtime = site / bench.RUNTIME
    runtime.mkdir(parents=True)
    config = {"core": {"file": "checker-1.zip"}, "snapshot": {"file": "snapshot.bin.gz"}}
    (runtime / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (runtime / "snapshot.bin.gz").write_bytes(b"\x1f\x8b")
    copy = bench.without_snapshot(site, tmp_path / "copy")
    assert not (copy / bench.RUNTIME / "snapshot.bin.gz").exists()
    copied = json.loads((copy / bench.RUNTIME / "config.json").read_text(encoding="utf-8"))
    assert copied == {"core": {"file": "checker-1.zip"}, "snapshot": None}
    assert (runtime / "snapshot.bin.gz").exists()  # the site itself is as built
