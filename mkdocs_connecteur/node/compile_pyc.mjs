// Compiles the checker's modules to bytecode with the very Python the site bundles (Pyodide's),
// so the browser imports them without compiling from source at every boot.
// Usage: node compile_pyc.mjs <pyodide dir>   stdin: {"name.py": "source", ...}
// stdout: {"pkg/__pycache__/name.cpython-3XY.pyc": "<base64>", ...}
// The .pyc files are "unchecked-hash" (PEP 552): Pyodide unpacks wheels without keeping file
// times, so timestamp-checked bytecode would be recompiled; the wheel ships sources and bytecode
// built together, so there is nothing stale to check against.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir] = process.argv.slice(2);
if (!pyodideDir) {
  console.error("usage: node compile_pyc.mjs <pyodide dir>  (sources as JSON on stdin)");
  process.exit(2);
}
let input = "";
for await (const chunk of process.stdin) input += chunk;

const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: (line) => console.error(line) });
pyodide.globals.set("sources_json", input);
const output = pyodide.runPython(`
import base64, importlib.util, json, os, py_compile

def compile_all(sources):
    out = {}
    for name, text in sorted(sources.items()):
        source = os.path.join("/tmp/connecteur-src", name)
        os.makedirs(os.path.dirname(source), exist_ok=True)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(text)
        cached = importlib.util.cache_from_source(source)
        py_compile.compile(
            source,
            cfile=cached,
            dfile=name,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        with open(cached, "rb") as handle:
            data = handle.read()
        out[os.path.relpath(cached, "/tmp/connecteur-src")] = base64.b64encode(data).decode("ascii")
    return out

json.dumps(compile_all(json.loads(sources_json)))
`);
process.stdout.write(output);
