// Entry point (a module script added by the plugin; the embed imports it itself). It defines
// <connecteur-checker> once per tab; the browser then connects every checker on its own, on this
// page and on every page that Material's instant navigation swaps in, while this module and the
// shared runtime stay alive for the whole tab.
// The runtime starts before the widget's own modules are even fetched: Pyodide's boot is the long
// pole, so it begins as soon as this script runs (its imports are preloaded from the page's head:
// mkdocs_connecteur/runtime/hints.py, which also says why it does not start any earlier).

import { start } from "./runtime.js";
import { restoreAll } from "./restore.js";

performance.mark("connecteur:main"); // after Material's bundle ran (benchmarks/browser.py)

const SELECTOR = "connecteur-checker, [data-connecteur-checker]";
if (document.querySelector(SELECTOR)) {
  start();
  // The reader's draft (a shared link, a saved or translated draft) before anything else.
  restoreAll(document);
}

const { define, upgradeLegacy } = await import("./element.js");
define();

// Pages rendered by an older plugin have <div data-connecteur-checker>: made elements on arrival.
const legacy = () => {
  if (document.querySelector("div[data-connecteur-checker]")) upgradeLegacy(document);
};
legacy();
new MutationObserver(legacy).observe(document.documentElement, { childList: true, subtree: true });
