"""Tests of the MkDocs plugin (the site generator)."""
