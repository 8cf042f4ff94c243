"""The ``connecteur`` MkDocs plugin: the Connecteur checker inside a static site.

Entry point ``mkdocs.plugins: connecteur`` → :class:`mkdocs_connecteur.plugin.ConnecteurPlugin`.
See docs/reference/plugin.md for the options and the fence syntax.
"""
