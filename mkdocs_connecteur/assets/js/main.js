// Entry point (a module script added by the plugin). Binds every checker on the page, and again
// after each instant navigation: Material's document$ emits the new document each time while this
// module, and so the shared runtime, stays alive for the whole tab.
// The runtime starts before the widget's own modules are even fetched: Pyodide's boot is the long
// pole, so it begins as early as this script can run.

import { start } from "./runtime.js";

const hasChecker = () => document.querySelector("[data-connecteur-checker]") !== null;
if (hasChecker()) start();

const { bindAll } = await import("./widget.js");

function bindPage() {
  if (hasChecker()) {
    start();
    bindAll(document);
  }
}

const material = globalThis.document$;
if (material && typeof material.subscribe === "function") {
  material.subscribe(bindPage);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", bindPage, { once: true });
} else {
  bindPage();
}
