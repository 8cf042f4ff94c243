// Entry point (a module script added by the plugin). Binds every checker on the page, and again
// after each instant navigation: Material's document$ emits the new document each time while this
// module, and so the shared runtime, stays alive for the whole tab.

import { bindAll } from "./widget.js";
import { start } from "./runtime.js";

function bindPage() {
  if (document.querySelector("[data-connecteur-checker]")) {
    start(); // Boot Pyodide while the reader reads.
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
