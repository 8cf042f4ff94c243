// The one Web Worker of a tab: boots the bundled Pyodide, loads the checker wheel by name from
// the site's own pyodide-lock.json, applies a trainer's rubric when the site has one, and grades.
// Protocol (ARCHITECTURE.md): progress / ready / failed, then grade -> graded | error.
// Nothing here fetches anything outside ../runtime/ : packageBaseUrl pins package downloads to the
// site so a missing package fails instead of falling back to a CDN.

const RUNTIME = new URL("../runtime/", import.meta.url).href;

// The Python side (JSON in, JSON out) is a module of the checker package: checker/bridge.py.
const BRIDGE = "checker.bridge";

let gradeFn = null;
let bridge = null;

function post(message) {
  self.postMessage(message);
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
  const total = config.rubric ? 3 : 2;
  post({ type: "progress", stage: "runtime", done: 0, total });

  let loadPyodide;
  try {
    ({ loadPyodide } = await imported);
  } catch (error) {
    throw new Error(`the Python runtime could not be loaded (${shortMessage(error)})`);
  }
  const problems = [];
  const pyodide = await loadPyodide({
    indexURL: RUNTIME,
    packageBaseUrl: RUNTIME,
    // Named here, the checker's wheel downloads and installs while the interpreter finishes
    // booting, instead of after it (by name, from the site's lockfile, its sha256 checked).
    packages: ["connecteur"],
    stdout: () => {},
    stderr: (line) => problems.push(line),
  });

  const runtimeReady = performance.now();
  post({ type: "progress", stage: "checker", done: 1, total });
  await pyodide.loadPackage("connecteur", {
    messageCallback: () => {},
    errorCallback: (line) => problems.push(line),
  });
  try {
    bridge = pyodide.pyimport(BRIDGE);
  } catch (error) {
    const detail = problems.length ? problems[problems.length - 1] : shortMessage(error);
    throw new Error(`the checker could not be loaded (${detail})`);
  }

  // The rubric's name, for the page to say which one took too long (the grading time budget).
  let rubricName = "default";
  if (config.rubric) {
    post({ type: "progress", stage: "rubric", done: 2, total });
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
  post({
    type: "ready",
    checker: bridge.version() || String(config.checker || ""),
    pyodide: pyodide.version,
    rubric: rubricName,
    // Where the boot went: Pyodide itself (the checker's wheel downloads meanwhile), then ours.
    timings: {
      runtime_ms: Math.round(runtimeReady - started),
      checker_ms: Math.round(performance.now() - runtimeReady),
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
    const warmStep = bridge?.warm_step;
    const warmUp = () => {
      try {
        if (warmStep()) {
          setTimeout(warmUp, 0);
          return;
        }
      } catch (error) {
        console.warn("connecteur: warm-up failed:", shortMessage(error));
      }
      warmStep.destroy();
    };
    if (warmStep) setTimeout(warmUp, 0);
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
    });
    const started = performance.now();
    const report = gradeFn(args);
    const ms = performance.now() - started;
    post({ type: "graded", id, report, ms });
  } catch (error) {
    post({ type: "error", id, message: shortMessage(error) });
  }
};
