"""One real ``mkdocs build --strict`` of the tiny bilingual site, then what it produced."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

import checker
from mkdocs_connecteur.runtime.pyodide import SHIPPED, STDLIB, pins

from .conftest import foreign_assets, run_mkdocs
from .tiny_site import write_site

RUNTIME = "assets/connecteur/runtime"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, pyodide_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    result = run_mkdocs(write_site(root, pyodide_dir))
    assert result.returncode == 0, result.stderr
    return root / "site"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_runtime_holds_only_the_pinned_files_needed(site: Path) -> None:
    runtime = site / RUNTIME
    wheel = f"connecteur-{checker.__version__}-py3-none-any.whl"
    assert sorted(p.name for p in runtime.iterdir()) == sorted(
        [*SHIPPED, "pyodide-lock.json", wheel, "config.json", "rubric.toml"]
    )
    pinned = pins()["314.0.7"]
    for name in SHIPPED:
        if name != STDLIB:  # Pyodide's, with bytecode added: test_bytecode.py
            assert _sha(runtime / name) == pinned[name], name


def test_lockfile_lists_the_checker_wheel_with_its_hash(site: Path) -> None:
    runtime = site / RUNTIME
    lock = json.loads((runtime / "pyodide-lock.json").read_text())
    assert lock["info"]["python"].startswith("3.14")
    assert list(lock["packages"]) == ["connecteur"]  # nothing Pyodide could fetch elsewhere
    entry = lock["packages"]["connecteur"]
    wheel = runtime / entry["file_name"]
    assert entry["sha256"] == _sha(wheel)
    assert entry["imports"] == ["checker"]
    names = zipfile.ZipFile(io.BytesIO(wheel.read_bytes())).namelist()
    assert "checker/grader.py" in names or "checker/__init__.py" in names


def test_the_shipped_wheel_holds_the_grading_core_only(site: Path) -> None:
    """Its sources are exactly the core package's; the rest is their bytecode and dist-info."""
    core = Path(checker.__file__).parent
    runtime = site / RUNTIME
    entry = json.loads((runtime / "pyodide-lock.json").read_text())["packages"]["connecteur"]
    names = zipfile.ZipFile(io.BytesIO((runtime / entry["file_name"]).read_bytes())).namelist()
    sources = {
        p.relative_to(core.parent).as_posix()
        for p in core.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    shipped = {n for n in names if "__pycache__" not in n and ".dist-info/" not in n}
    assert shipped == sources
    compiled = {
        n.split("/__pycache__/")[0] + "/" + n.rsplit("/", 1)[1].split(".")[0] + ".py"
        for n in names
        if "__pycache__" in n
    }
    assert compiled <= sources
    assert not [n for n in names if "cli" in n or "batch" in n or "scaffold" in n]


def test_config_json_names_the_trainer_rubric(site: Path) -> None:
    runtime = site / RUNTIME
    config = json.loads((runtime / "config.json").read_text())
    assert config == {
        "checker": checker.__version__,
        "pyodide": "314.0.7",
        "rubric": "rubric.toml",
        "rubric_sha256": _sha(runtime / "rubric.toml"),
        "wheel": config["wheel"],
    }
    assert "plugin-test" in (runtime / "rubric.toml").read_text()
    # The wheel the worker asks for early, with the integrity Pyodide asks for (the lockfile's).
    wheel = runtime / config["wheel"]["file"]
    lock = json.loads((runtime / "pyodide-lock.json").read_text())["packages"]["connecteur"]
    assert lock["file_name"] == wheel.name and lock["sha256"] == _sha(wheel)
    digest = base64.b64encode(hashlib.sha256(wheel.read_bytes()).digest()).decode()
    assert config["wheel"]["integrity"] == "sha256-" + digest


def test_checker_pages_start_the_runtime_from_the_head_and_carry_its_size(site: Path) -> None:
    runtime = site / RUNTIME
    total = sum(p.stat().st_size for p in runtime.iterdir())
    with_checker = [p for p in site.rglob("*.html") if "<connecteur-checker" in p.read_text()]
    assert with_checker
    for page in with_checker:
        html = page.read_text()
        head = html.split("</head>", 1)[0]
        boot = re.search(r'<script type="module" async src="([^"]+/js/boot\.js)"', head)
        assert boot, page
        assert (page.parent / boot.group(1)).resolve() == (site / "assets/connecteur/js/boot.js")
        # Before Material's bundle and the style sheets, after the Content-Security-Policy.
        assert head.index("Content-Security-Policy") < boot.start() < head.index("stylesheet")
        sizes = set(re.findall(r'<connecteur-checker data-runtime-bytes="(\d+)"', html))
        assert sizes == {str(total)}, page
    without = [p for p in site.rglob("*.html") if p not in with_checker]
    assert without and not [p for p in without if "boot.js" in p.read_text()]


def test_the_footer_names_the_checker_version_in_the_page_language(site: Path) -> None:
    """The number of the report's `checker` field and of `connecteur --version`."""
    version = checker.__version__
    for page, label in (
        ("index.html", f"Checker: Connecteur {version}"),
        ("fr/index.html", f"Vérificateur\u00a0: Connecteur {version}"),
    ):
        html = (site / page).read_text(encoding="utf-8")
        footer = html[html.index('<div class="md-copyright">') :]
        assert footer.startswith(
            f'<div class="md-copyright"><div class="md-copyright__connecteur">{label}</div>'
        ), page


def test_widget_assets_are_copied_and_linked_as_a_module(site: Path) -> None:
    assert (site / "assets/connecteur/js/main.js").is_file()
    assert (site / "assets/connecteur/js/worker.js").is_file()
    html = (site / "fr/checker/index.html").read_text()
    assert re.search(r'<script src="[./]*assets/connecteur/js/main\.js" type="module">', html)
    assert re.search(
        r'<link rel="stylesheet" href="[./]*assets/connecteur/css/connecteur\.css"', html
    )


def test_nothing_points_at_another_host(site: Path) -> None:
    assert foreign_assets(site) == []


def test_fences_become_widgets_in_the_page_language(site: Path) -> None:
    en = (site / "guide/motivated-request/index.html").read_text()
    fr = (site / "fr/guide/motivated-request/index.html").read_text()
    for html, lang in ((en, "en"), (fr, "fr")):
        assert html.count("data-connecteur-checker") == 1
        assert 'name="draft"' in html and 'name="kind"' in html and 'name="lang"' in html
        assert "```" not in html and "CONNECTEURWIDGETSLOT" not in html
        assert f'data-ui-lang="{lang}"' in html
    assert "Bonjour, je souhaiterais un conseil. Cdt</textarea>" in fr


def test_a_fence_inside_a_code_block_stays_code(site: Path) -> None:
    html = (site / "checker/index.html").read_text()
    assert html.count("data-connecteur-checker") == 1
    assert "kind: nonsense" in html


@pytest.mark.parametrize(
    ("prefix", "words"),
    [("", ("Severity", "Drafts that fail")), ("fr/", ("Gravité", "Brouillons qui ne la"))],
)
def test_rule_pages_in_both_languages(site: Path, prefix: str, words: tuple[str, ...]) -> None:
    index = _text((site / prefix / "rules/index.html").read_text())
    assert "objective-stated" in index and "no-shorthand" in index
    page = (site / prefix / "rules/objective-stated/index.html").read_text()
    text = _text(page)
    for word in words:
        assert word in page or word in text
    # Examples in both languages, shown as text (the rubric's "<b>" is not markup).
    assert "Hello Ann, I would like your advice on a career in nursing." in text
    assert "je souhaiterais votre avis" in text
    assert "&lt;b&gt;hi&lt;/b&gt;" in page and "<b>hi</b>" not in page
    assert re.search(r'href="(\.\./)+guide/motivated-request/#objective"', page)
    # A "try it" checker starts from a failing example in the reader's language.
    assert page.count("data-connecteur-checker") == 1
    draft = "Bonjour Anne." if prefix else "Hello Ann, &lt;b&gt;hi&lt;/b&gt;."
    assert f"\n{draft}</textarea>" in page


def test_language_switcher_keeps_the_reader_on_the_rule_page(site: Path) -> None:
    en = (site / "rules/no-shorthand/index.html").read_text()
    fr = (site / "fr/rules/no-shorthand/index.html").read_text()
    assert re.search(r'href="\.\./\.\./fr/rules/no-shorthand/" hreflang="fr"', en)
    assert re.search(r'href="\.\./\.\./\.\./rules/no-shorthand/" hreflang="en"', fr)


def test_guide_pages_list_the_rules_that_check_them(site: Path) -> None:
    en = (site / "guide/motivated-request/index.html").read_text()
    fr = (site / "fr/guide/motivated-request/index.html").read_text()
    assert "Rules that check this page" in en
    assert "Règles qui vérifient cette page" in fr
    assert re.search(r'href="\.\./\.\./rules/objective-stated/"', en)
    assert re.search(r'href="\.\./\.\./rules/no-shorthand/"', fr)
    assert 'href="#courtesy"' in en


def test_rule_pages_are_in_the_sitemap(site: Path) -> None:
    """Material's instant navigation only follows links to pages the sitemap lists."""
    sitemap = (site / "sitemap.xml").read_text()
    assert "<loc>http://127.0.0.1:8000/rules/no-shorthand/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/fr/rules/no-shorthand/</loc>" in sitemap


def test_widgets_stay_out_of_the_search_index(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text())
    checker_page = [d for d in index["docs"] if d["location"] == "checker/"]
    assert checker_page, "the checker page is not indexed at all"
    text = " ".join(d["text"] for d in index["docs"])
    assert "Hello Ann, thx." not in text  # a fence's default draft
    assert "Kind of message" not in text  # a widget label
    assert (
        'name="draft"' not in text
        and "data-search-exclude" not in (site / "checker/index.html").read_text()
    )
