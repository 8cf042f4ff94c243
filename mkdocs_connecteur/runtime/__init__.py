"""The bundled runtime: the pinned Pyodide files, the checker's wheel, its bytecode and the
standard library's, and their caches."""
