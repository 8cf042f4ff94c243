// The one Web Worker of a tab: boots the bundled Pyodide, puts the checker's zip (named with its
// integrity in config.json: mkdocs_connecteur/runtime/core.py) on sys.path, applies a trainer's
// rubric when the site has one, and grades.
// Protocol (ARCHITECTURE.md): progress / ready / failed, then grade -> graded | error.
// Nothing here fetches anything outside ../runtime/ : packageBaseUrl pins package downloads to the
// site so a missing package fails instead of falling back to a CDN.

import { LinkMeter } from "./link-meter.js";

const RUNTIME = new URL("../runtime/", import.meta.url).href;

// The Python side (JSON in, JSON out) is a module of the checker package: checker/bridge.py.
const BRIDGE = "checker.bridge";

let gradeFn = null;
let bridge = null;

function post(message) {
  self.postMessage(message);
}

// Where the boot goes: Performance API marks (connecteur:*), sent with "ready" as epoch times
// so the page (and benchmarks/browser.py) can lay them beside its own.
const mark = (name) => performance.mark(`connecteur:${name}`);
mark("worker");

// Real progress: the bytes of the runtime received so far, counted as they arrive (a clone of
// each response is read; the original goes to Pyodide untouched), sent at most every 100 ms.
// Pyodide's own JavaScript modules are imported, not fetched: counted once loaded.
const progress = { stage: "runtime", done: 0, total: 2, received: 0, sent: 0 };
// The link's speed (snapshotIfFast): the responses the host sent as they are (a compressed
// response decodes to more bytes than crossed the link), as they are read (link-meter.js).
const arrival = new LinkMeter();
function postProgress(force = false) {
  if (settled) return; // after "ready" or "failed", progress would only contradict them
  const now = performance.now();
  if (!force && now - progress.sent < 100) return;
  progress.sent = now;
  const { stage, done, total, received } = progress;
  post({ type: "progress", stage, done, total, received });
}
function countBody(response) {
  if (!response.ok || !response.body) return;
  const encoding = (response.headers.get("content-encoding") || "identity").toLowerCase();
  const asSent = encoding === "identity";
  const reader = response.clone().body.getReader();
  let opening = true;
  const pump = () =>
    reader.read().then(({ done, value }) => {
      if (done) return postProgress(true);
      progress.received += value.byteLength;
      if (asSent) arrival.record(value.byteLength, performance.now(), opening);
      opening = false;
      postProgress();
      return pump();
    });
  pump().catch(() => {});
}
if (typeof PerformanceObserver === "function") {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name.startsWith(RUNTIME) && entry.name.endsWith(".mjs")) {
        progress.received += entry.decodedBodySize || 0;
        postProgress(true);
      }
    }
  }).observe({ type: "resource", buffered: true });
}

// The runtime's big files are fetched at once, side by side, not one after another as Pyodide
// would ask for them: Pyodide's own fetch of each URL then gets this response (same URL).
const early = new Map();
const nativeFetch = self.fetch.bind(self);
function fetchEarly(name, integrity = "") {
  const url = RUNTIME + name;
  if (early.has(url)) return;
  const init = integrity ? { integrity } : {};
  const promise = nativeFetch(url, init);
  promise.then(countBody, () => {});
  early.set(url, { integrity, promise });
}
self.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), RUNTIME).href;
  const entry = early.get(url);
  if (entry && !(input instanceof Request) && (init?.integrity || "") === entry.integrity) {
    early.delete(url);
    return entry.promise;
  }
  const promise = nativeFetch(input, init);
  if (url.startsWith(RUNTIME)) promise.then(countBody, () => {});
  return promise;
};
for (const name of ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) fetchEarly(name);

// A memory snapshot of this worker once warm (mkdocs_connecteur/runtime/snapshot.py) spares
// Pyodide's boot and the checker's import, about 0.4 s on a fast machine, for 6 MB more to
// download: worth it above about 125 Mbit/s. The runtime's big files are already on their way;
// the rate at which their first megabyte arrived decides, counting only the responses the host
// did not compress (the others decode to more bytes than crossed the link). On a slower link, if
// nothing has come within PROBE_MS, or when the reader has asked the browser to save data, the
// snapshot is never asked for and Pyodide boots as before.
const FAST_BYTES_PER_MS = 125e6 / 8 / 1000;
const PROBE_BYTES = 1e6;
const PROBE_MS = 400;
const probeStart = performance.now();
// The reader's data-saver setting: the worker's own view of it, or the page's, which runtime.js
// puts in the worker's name (known from the first line, unlike a message).
const saveData =
  Boolean(self.navigator?.connection?.saveData) || /\bsave-data\b/.test(String(self.name || ""));
async function snapshotIfFast(snapshot) {
  if (!snapshot?.file || typeof DecompressionStream !== "function") return null;
  if (saveData) {
    mark("no-snapshot");
    return null;
  }
  for (;;) {
    const rate = arrival.rate(PROBE_BYTES);
    if (rate !== null) {
      if (rate < FAST_BYTES_PER_MS) break;
      mark("snapshot");
      const url = RUNTIME + String(snapshot.file).replace(/[^\w.-]/g, "");
      // Not counted in the progress: its total is what every reader downloads.
      const data = nativeFetch(url, { integrity: String(snapshot.integrity || "") }).then(
        (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const gunzipped = response.body.pipeThrough(new DecompressionStream("gzip"));
          return new Response(gunzipped).arrayBuffer();
        },
      );
      data.catch(() => {}); // a failure is Pyodide's to report, and then booted around
      return { data };
    }
    if (performance.now() - probeStart >= PROBE_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  mark("no-snapshot");
  return null;
}

/** The last line of a Python traceback is the part a reader can act on. */
function shortMessage(error) {
  const text = String((error && error.message) || error || "unknown error").trim();
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length ? lines[lines.length - 1].trim() : text;
}

async function fetchOk(url, what) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch (error) {
    throw new Error(`${what} could not be downloaded (${shortMessage(error)})`);
  }
  if (!response.ok) {
    throw new Error(`${what} could not be downloaded (HTTP ${response.status})`);
  }
  return response;
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function boot() {
  const started = performance.now();
  // The config and Pyodide's module are fetched side by side: a round trip saved on every boot.
  const configured = fetchOk(RUNTIME + "config.json", "runtime/config.json").then((r) => r.json());
  const imported = import(RUNTIME + "pyodide.mjs");
  imported.catch(() => {}); // reported below, once the config has been read
  const config = await configured;
  mark("config");
  // The checker's zip, while Pyodide boots; the browser checks its integrity (config.json's).
  const coreFile = String(config.core?.file || "");
  const coreData = nativeFetch(RUNTIME + coreFile, { integrity: config.core?.integrity || "" })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      countBody(response);
      return response.arrayBuffer();
    })
    .catch((error) => {
      throw new Error(`runtime/${coreFile} could not be downloaded (${shortMessage(error)})`);
    });
  coreData.catch(() => {}); // reported below, once Pyodide has booted
  progress.total = config.rubric ? 3 : 2;
  postProgress(true);

  let loadPyodide;
  try {
    ({ loadPyodide } = await imported);
  } catch (error) {
    throw new Error(`the Python runtime could not be loaded (${shortMessage(error)})`);
  }
  mark("pyodide-module");
  const problems = [];
  const options = {
    indexURL: RUNTIME,
    packageBaseUrl: RUNTIME,
    stdout: () => {},
    stderr: (line) => problems.push(line),
  };
  const snapshot = await snapshotIfFast(config.snapshot);
  let pyodide = null;
  if (snapshot) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot.data });
    } catch (error) {
      // A snapshot that cannot be fetched, fails its integrity or does not start: boot instead.
      console.info("connecteur: booting without the snapshot:", shortMessage(error));
      mark("snapshot-failed");
      problems.length = 0;
    }
  }
  pyodide ??= await loadPyodide(options);

  const runtimeReady = performance.now();
  mark("runtime");
  Object.assign(progress, { stage: "checker", done: 1 });
  postProgress(true);
  // Nothing to install: zipimport reads the checker from its zip (bytecode, data, catalogues).
  const corePath = "/lib/" + coreFile.replace(/[^\w.-]/g, "");
  pyodide.FS.writeFile(corePath, new Uint8Array(await coreData));
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, corePath);
  sys.destroy();
  mark("core");
  try {
    bridge = pyodide.pyimport(BRIDGE);
    mark("import");
    // The sentence-role model, which every grading reads: counted in the time to "ready".
    bridge.prepare();
    mark("model");
  } catch (error) {
    const detail = problems.length ? problems[problems.length - 1] : shortMessage(error);
    throw new Error(`the checker could not be loaded (${detail})`);
  }

  // The rubric's name, for the page to say which one took too long (the grading time budget).
  let rubricName = "default";
  if (config.rubric) {
    Object.assign(progress, { stage: "rubric", done: 2 });
    postProgress(true);
    const url = new URL(config.rubric, RUNTIME).href;
    const text = await (await fetchOk(url, `runtime/${config.rubric}`)).text();
    if (config.rubric_sha256 && (await sha256Hex(text)) !== config.rubric_sha256) {
      throw new Error(`runtime/${config.rubric} does not match its sha256 in config.json`);
    }
    try {
      rubricName = bridge.set_rubric(text, config.rubric) || config.rubric;
    } catch (error) {
      throw new Error(shortMessage(error));
    }
  }

  gradeFn = bridge.grade;
  mark("ready");
  const origin = performance.timeOrigin;
  const marks = performance
    .getEntriesByType("mark")
    .filter((m) => m.name.startsWith("connecteur:"))
    .map((m) => ({ name: m.name, at: origin + m.startTime }));
  // Each runtime file: when its download started and ended, and its size.
  const files = performance
    .getEntriesByType("resource")
    .filter((r) => r.name.startsWith(RUNTIME))
    .map((r) => ({
      name: r.name.slice(RUNTIME.length),
      start: origin + r.startTime,
      end: origin + r.responseEnd,
      bytes: r.decodedBodySize,
    }));
  post({
    type: "ready",
    checker: bridge.version() || String(config.checker || ""),
    pyodide: pyodide.version,
    rubric: rubricName,
    // Where the boot went: Pyodide itself (the checker's wheel downloads meanwhile), then ours.
    timings: {
      runtime_ms: Math.round(runtimeReady - started),
      checker_ms: Math.round(performance.now() - runtimeReady),
      marks,
      files,
    },
  });
}

// Some failures never settle loadPyodide's promise: a wasm file that is missing or corrupt makes
// Emscripten log "wasm instantiation failed" and abort asynchronously. Catch those too, keeping
// the last thing logged as the reason, so the page can say what went wrong instead of spinning.
let lastLogged = "";
let wasmFailed = false;
for (const level of ["error", "warn"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    const text = args.map(String).join(" ");
    original(...args);
    if (wasmFailed) {
      finish(false, `the Python runtime could not start (pyodide.asm.wasm: ${text})`);
    } else if (text.includes("wasm instantiation failed")) {
      // Pyodide logs this, then the error itself, and never settles: fail on the next line.
      wasmFailed = true;
      setTimeout(() => finish(false, "the Python runtime could not start (pyodide.asm.wasm)"), 50);
    }
    lastLogged = text;
  };
}

const WARM_DRAFTS = [
  {
    text: "Hi Ana, I'm moving into procurement and read your post on supplier audits. Could we talk for 15 minutes next week, whenever suits you? No worries if not. Thanks, Sam",
    kind: "request",
    lang: "en",
    ui: null,
  },
  {
    text: "Bonjour Claire, je prépare une reconversion vers les achats et j’ai lu votre article. Auriez-vous 15 minutes pour en parler, quand cela vous arrange ? Merci, Sam",
    kind: "ask",
    lang: "fr",
    ui: null,
  },
];

let settle;
const booted = new Promise((resolve) => {
  settle = resolve;
});
let settled = false;
function finish(ok, error) {
  if (settled) return;
  settled = true;
  if (!ok) post({ type: "failed", message: shortMessage(error) });
  settle(ok);
}
self.addEventListener("unhandledrejection", (event) => {
  if (settled) return;
  event.preventDefault();
  const reason = shortMessage(event.reason);
  finish(false, lastLogged && !reason.includes(lastLogged) ? `${lastLogged} (${reason})` : reason);
});
self.addEventListener("error", (event) => {
  if (settled) return;
  event.preventDefault();
  finish(false, lastLogged || event.message || "the runtime stopped while starting");
});
boot().then(
  () => {
    finish(true);
    // Macrotasks: a grade already waiting for "booted" (a pre-filled draft) runs first, and any
    // grade that arrives later runs between two slices of the warm-up.
    // "warm" once it is done: the page may then start what it held back (search-later.js).
    const warmStep = bridge?.warm_step;
    const samples = [...WARM_DRAFTS];
    const warmUp = () => {
      try {
        if (warmStep()) {
          setTimeout(warmUp, 0);
          return;
        }
        // Then one short draft per language, graded and dropped: a worker started from the
        // snapshot has run none of the grading code yet, and the engine compiles it on first use.
        const sample = samples.shift();
        if (sample) {
          gradeFn(JSON.stringify(sample));
          setTimeout(warmUp, 0);
          return;
        }
      } catch (error) {
        console.warn("connecteur: warm-up failed:", shortMessage(error));
      }
      warmStep.destroy();
      post({ type: "warm" });
    };
    if (warmStep) setTimeout(warmUp, 0);
    else post({ type: "warm" });
  },
  (error) => finish(false, error),
);

self.onmessage = async (event) => {
  const message = event.data || {};
  if (message.type !== "grade") return;
  const { id } = message;
  if (!(await booted)) {
    post({ type: "error", id, message: "the checker is not running" });
    return;
  }
  try {
    const args = JSON.stringify({
      text: String(message.text ?? ""),
      kind: String(message.kind ?? "request"),
      lang: message.lang ?? null,
      ui: message.ui ?? null,
    });
    const started = performance.now();
    const report = gradeFn(args);
    const ms = performance.now() - started;
    post({ type: "graded", id, report, ms });
  } catch (error) {
    post({ type: "error", id, message: shortMessage(error) });
  }
};
