"""MkDocs plugin."""
