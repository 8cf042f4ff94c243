"""The bundled runtime: the pinned Pyodide files, the checker's zip (core.py), its bytecode and
the standard library's, and their caches."""
