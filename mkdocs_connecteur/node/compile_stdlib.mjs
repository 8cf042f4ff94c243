// Bytecode for the standard-library modules the checker's boot imports, compiled by the very
// Pyodide the site bundles. Pyodide ships its standard library as sources only, so the browser
// compiles every module it imports at every boot: most of the runtime's start-up time.
// Usage: node compile_stdlib.mjs <pyodide dir> <the site's checker zip>
// stdout: {"encodings/__init__.pyc": "<base64>", ...}: paths inside python_stdlib.zip.
// Which modules: those imported when the browser's worker boots, puts the checker's zip on
// sys.path (mkdocs_connecteur/runtime/core.py), imports the checker, reads its role model, grades
// drafts in each language and kind, warms every pattern and reads a trainer's rubric.
// The .pyc files are unchecked-hash (PEP 552) and named like sourceless modules (x.pyc, which
// replaces x.py in the site's zip: mkdocs_connecteur/runtime/stdlib.py).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, checkerZip] = process.argv.slice(2);
if (!pyodideDir || !checkerZip) {
  console.error("usage: node compile_stdlib.mjs <pyodide dir> <the site's checker zip>");
  process.exit(2);
}
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  stdout: () => {},
  stderr: (line) => console.error(line),
});
// As the worker does (worker.js): the zip into the file system, first on sys.path.
const zipPath = "/lib/" + path.basename(checkerZip);
pyodide.FS.writeFile(zipPath, new Uint8Array(await readFile(checkerZip)));
pyodide.globals.set("checker_zip", zipPath);
const output = pyodide.runPython(`
import json, os, sys
sys.path.insert(0, checker_zip)
from importlib import resources

import checker
import checker.bridge
checker.bridge.prepare()

DRAFTS = {
    "fr": "Bonjour Claire, Marc m'a conseillé de vous écrire. Accepteriez-vous un appel ?",
    "en": "Hello Claire, Marc suggested I write to you. Would you have time for a short call?",
}
for kind in checker.KINDS:
    for lang, text in DRAFTS.items():
        json.dumps(checker.grade(text, kind=kind, lang=lang).to_dict())
    json.dumps(checker.grade(DRAFTS["fr"], kind=kind).to_dict())
for rule in checker.default_rubric().rules:
    for pattern in rule.lazy_patterns():
        pattern.warm()
text = resources.files("checker").joinpath("data", "rubric.toml").read_text(encoding="utf-8")
checker.load_rubric(text, source="rubric.toml")

def compile_imported():
    # The list is taken before this function imports what it needs itself.
    imported = sorted(sys.modules.items())
    import base64, py_compile

    out = {}
    for name, module in imported:
        loader = getattr(module, "__loader__", None)
        filename = getattr(module, "__file__", None) or ""
        # Aliases (os.path) and frozen or built-in modules are skipped: only files of the zip.
        if module.__name__ != name or type(loader).__name__ != "zipimporter":
            continue
        inner = filename.partition(".zip/")[2]
        if not inner.endswith(".py"):
            continue
        source = os.path.join("/tmp/connecteur-stdlib", inner)
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "wb") as handle:
            handle.write(loader.get_data(filename))
        # dfile: the name zipimport compiles the source under, so tracebacks read the same.
        py_compile.compile(
            source,
            cfile=source + "c",
            dfile=filename,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        with open(source + "c", "rb") as handle:
            out[inner + "c"] = base64.b64encode(handle.read()).decode("ascii")
    return out

json.dumps(compile_imported())
`);
process.stdout.write(output);
