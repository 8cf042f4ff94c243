// The single shared runtime of a tab. This module is evaluated once per tab (Material's instant
// navigation swaps page content but keeps scripts), so the Worker it creates serves every checker
// on every page: a second visit to a checker is ready at once instead of booting Pyodide again.

/** Longest a grading may take before the worker is replaced (a trainer's rubric that hangs). */
export const GRADE_BUDGET_MS = 3000;

const listeners = new Set();
const pending = new Map();
let worker = null;
let nextId = 1;
let state = {
  phase: "idle",
  stage: "runtime",
  done: 0,
  total: 3,
  received: 0, // bytes of the runtime received by the worker so far
  message: "",
  restarts: 0,
};

function publish(patch) {
  const before = state.phase;
  state = { ...state, ...patch };
  // The page hears it too (search-later.js lets Material's search index download then).
  if (state.phase !== before && (state.phase === "ready" || state.phase === "failed")) {
    document.dispatchEvent(new CustomEvent("connecteur:runtime", { detail: { phase: state.phase } }));
  }
  for (const listener of [...listeners]) {
    try {
      listener(state);
    } catch (error) {
      console.error("connecteur:", error);
    }
  }
}

function fail(message) {
  if (state.phase === "failed") return;
  publish({ phase: "failed", message: message || "unknown error" });
  for (const { reject, timer } of pending.values()) {
    clearTimeout(timer);
    reject(new Error(state.message));
  }
  pending.clear();
}

function onMessage(event) {
  const message = event.data || {};
  switch (message.type) {
    case "progress":
      // A download can finish after the worker failed or got ready: that says nothing new.
      if (state.phase === "failed" || state.phase === "ready") break;
      publish({
        phase: "loading",
        stage: message.stage,
        done: message.done,
        total: message.total,
        received: message.received ?? state.received,
      });
      break;
    case "ready":
      publish({
        phase: "ready",
        done: state.total,
        checker: message.checker,
        pyodide: message.pyodide,
        rubric: message.rubric || "default",
        timings: message.timings || null,
        readyAt: performance.now(),
      });
      break;
    case "failed":
      fail(message.message);
      break;
    case "warm":
      // The worker has compiled what the first drafts need: the page may use the cores now.
      document.dispatchEvent(new CustomEvent("connecteur:warm"));
      break;
    case "graded":
    case "error": {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      clearTimeout(entry.timer);
      if (message.type === "graded") entry.resolve({ report: message.report, ms: message.ms });
      else entry.reject(new Error(message.message));
      break;
    }
    default:
      break;
  }
}

// The worker starts from a blob: URL whose only line imports worker.js. A worker loaded from a
// URL gets only the Content-Security-Policy its HTTP response carries (none on a static host); a
// blob: worker inherits this page's, so no request the checker makes can leave the origin
// (mkdocs_connecteur/site/csp.py). Where Trusted Types are enforced (the embed page), the one policy
// "connecteur" accepts only that blob: URL.
let scriptPolicy = null;
let workerURL = null; // the current blob: URL (a worker replaced after the time budget gets a new one)
function workerScriptURL() {
  // The worker's one dependency is named here too, so that it is fetched beside worker.js rather
  // than after it (a round trip before the worker starts its downloads).
  const imports = ["./link-meter.js", "./worker.js"];
  const source = imports
    .map((name) => `import ${JSON.stringify(new URL(name, import.meta.url).href)};\n`)
    .join("");
  workerURL = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  if (!globalThis.trustedTypes) return workerURL;
  scriptPolicy ??= trustedTypes.createPolicy("connecteur", {
    createScriptURL: (value) => {
      if (value !== workerURL) throw new TypeError(`connecteur: not the checker's worker: ${value}`);
      return value;
    },
  });
  return scriptPolicy.createScriptURL(workerURL);
}

/** Start the worker if it is not running yet; safe to call from every checker. */
export function start() {
  if (worker || state.phase === "failed") return;
  performance.mark("connecteur:worker-created");
  publish({ phase: "loading", received: 0, startedAt: performance.now() });
  try {
    // The reader's data-saver setting, which a worker does not see in every browser, travels in
    // the worker's name: read synchronously when the worker starts, so it is known before the
    // worker decides on the 6 MB memory snapshot (a message could arrive after that decision:
    // Chromium holds messages to a module worker until the page's thread has heard that the
    // worker's script ran, and a busy page hears it late). With it on, the worker never fetches
    // the snapshot, however fast the link (worker.js).
    const name = navigator.connection?.saveData ? "connecteur save-data" : "connecteur";
    worker = new Worker(workerScriptURL(), { type: "module", name });
  } catch (error) {
    fail(String((error && error.message) || error));
    return;
  }
  worker.addEventListener("message", onMessage);
  // A worker script that cannot be fetched or parsed reports only an "error" event, without text.
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(event.message || "the checker's worker script could not be loaded");
  });
  worker.addEventListener("messageerror", () => fail("a message from the worker was unreadable"));
}

/** Current runtime state: {phase: idle|loading|ready|failed, stage, done, total, message}. */
export function current() {
  return state;
}

/** Call `listener(state)` now and on every change; returns a function that unsubscribes. */
export function subscribe(listener) {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

/** An error that says which rubric took too long; the page words it (strings.too_slow). */
export class GradeTimeout extends Error {
  constructor(rubric, seconds) {
    super(`the rubric "${rubric}" took more than ${seconds} s to grade this draft`);
    this.name = "TimeoutError";
    this.rubric = rubric;
    this.seconds = seconds;
  }
}

/**
 * Past the budget the worker is stuck in Python (a pattern that backtracks without end): it is
 * terminated and a fresh one boots; every pending grade is rejected with a GradeTimeout.
 */
function replaceStuckWorker(budgetMs) {
  const error = new GradeTimeout(state.rubric || "default", Math.round(budgetMs / 100) / 10);
  worker?.terminate();
  worker = null;
  for (const entry of pending.values()) {
    clearTimeout(entry.timer);
    entry.reject(error);
  }
  pending.clear();
  publish({ phase: "idle", stage: "runtime", done: 0, restarts: (state.restarts || 0) + 1 });
  start();
}

/** Grade in the worker (`ui`: the report's words' language, null: the draft's); resolves to
 * {report: JSON string, ms: grading time in the worker}. */
export function grade({ text, kind, lang, ui = null }, budgetMs = GRADE_BUDGET_MS) {
  if (state.phase === "failed") return Promise.reject(new Error(state.message));
  start();
  if (!worker) return Promise.reject(new Error(state.message || "the checker is not running"));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => replaceStuckWorker(budgetMs), budgetMs);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ type: "grade", id, text, kind, lang: lang === "auto" ? null : lang, ui });
  });
}
