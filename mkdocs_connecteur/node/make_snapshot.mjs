// Pyodide's memory in the state of the worker once warm (the checker imported, its role model
// read, the default rubric's patterns compiled), for mkdocs_connecteur/runtime/snapshot.py: the runtime folder given is booted as the
// browser's worker boots it, with the checker's zip at /lib/<zip> first on sys.path (a snapshot
// keeps sys.path and the imported modules, not the files: the worker writes the zip again), and
// the memory is written to the output path.
// Usage: node make_snapshot.mjs RUNTIME_FOLDER CHECKER_ZIP_NAME OUTPUT
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [folder, coreFile, out] = process.argv.slice(2);
const indexURL = path.resolve(folder) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, _makeSnapshot: true });
const corePath = "/lib/" + coreFile;
pyodide.FS.writeFile(corePath, new Uint8Array(await readFile(indexURL + coreFile)));
// Warmed up too (the default rubric read, the patterns compiled), as the worker is a moment
// after "ready": a reader's first draft is graded without that wait.
pyodide.runPython(
  `import sys; sys.path.insert(0, ${JSON.stringify(corePath)}); import checker.bridge as b\n` +
    "b.prepare()\nwhile b.warm_step():\n    pass\n",
);
await writeFile(out, pyodide.makeMemorySnapshot());
process.stdout.write("{}");
