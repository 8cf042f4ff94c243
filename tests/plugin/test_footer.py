"""footer.with_version: the checker's version in Material's footer, and nothing else touched."""

from __future__ import annotations

from mkdocs_connecteur.site.footer import with_version

PAGE = '<footer><div class="md-copyright">Made with Material</div></footer>'


def test_the_version_goes_first_in_the_copyright_block() -> None:
    assert with_version(PAGE, "1.2.3", "en") == (
        '<footer><div class="md-copyright"><div class="md-copyright__connecteur">'
        "Checker: Connecteur 1.2.3</div>Made with Material</div></footer>"
    )
    assert "Vérificateur\u00a0: Connecteur 1.2.3" in with_version(PAGE, "1.2.3", "fr")


def test_a_page_without_the_footer_is_unchanged() -> None:
    page = "<html><body><main>no footer (the embed page)</main></body></html>"
    assert with_version(page, "1.2.3", "en") == page


def test_the_version_is_escaped() -> None:
    assert "1.0&lt;b&gt;" in with_version(PAGE, "1.0<b>", "en")
