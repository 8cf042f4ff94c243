// Grades a corpus under the Pyodide bundled into a built site, through the module the Web Worker
// imports (checker.bridge, named in worker.js), from the site's checker zip put on sys.path as
// the worker does (its name in the site's config.json).
// With "snapshot" last, Pyodide starts from the site's memory snapshot instead (config.json's),
// as a worker on a fast link does.
// Usage: node grade_corpus.mjs <runtime dir> <worker.js> <corpus.json> [snapshot]
//   (corpus: [{text, kind, lang, ui}])
// Prints a JSON array: for each draft, the report string the worker would post, or {error}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const [runtimeDir, workerFile, corpusFile, mode] = process.argv.slice(2);
if (!corpusFile) {
  console.error("usage: node grade_corpus.mjs <runtime dir> <worker.js> <corpus.json>");
  process.exit(2);
}
const runtime = path.resolve(runtimeDir) + path.sep;
const workerSource = await readFile(workerFile, "utf8");
const match = workerSource.match(/const BRIDGE = "([\w.]+)";/);
if (!match) {
  console.error(`no BRIDGE module named in ${workerFile}`);
  process.exit(2);
}
const corpus = JSON.parse(await readFile(corpusFile, "utf8"));

const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const problems = [];
const config = JSON.parse(await readFile(path.join(runtime, "config.json"), "utf8"));
const options = {
  indexURL: runtime,
  packageBaseUrl: runtime,
  stdout: () => {},
  stderr: (line) => problems.push(line),
};
if (mode === "snapshot") {
  if (!config.snapshot) {
    console.error("config.json names no snapshot");
    process.exit(1);
  }
  options._loadSnapshot = gunzipSync(await readFile(path.join(runtime, config.snapshot.file)));
}
const pyodide = await loadPyodide(options);
const zipPath = "/lib/" + config.core.file;
pyodide.FS.writeFile(zipPath, new Uint8Array(await readFile(path.join(runtime, config.core.file))));
pyodide.pyimport("sys").path.insert(0, zipPath);
let bridge;
try {
  bridge = pyodide.pyimport(match[1]);
} catch (error) {
  console.error(`the checker did not load: ${problems.join(" ")} ${error.message}`);
  process.exit(1);
}
const grade = bridge.grade;
// The module must come from the site's zip, not from anywhere else on the path.
const origin = bridge.__file__;
if (!origin.startsWith(zipPath + "/")) {
  console.error(`${match[1]} was imported from ${origin}, not from the site's zip`);
  process.exit(1);
}
bridge.prepare(); // as the worker does before "ready"
const out = corpus.map(({ text, kind, lang, ui }) => {
  try {
    return grade(JSON.stringify({ text, kind, lang: lang ?? null, ui: ui ?? null }));
  } catch (error) {
    return { error: String(error.message).trim().split("\n").pop() };
  }
});
process.stdout.write(JSON.stringify({ pyodide: pyodide.version, reports: out }));
