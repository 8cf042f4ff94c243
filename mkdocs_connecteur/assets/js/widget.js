// Kept for embedders that imported it (ARCHITECTURE.md, widget contract v1): the checker is now
// the <connecteur-checker> element (element.js), which binds itself. bind() and bindAll() make
// sure it is defined and turn a v1 <div data-connecteur-checker> into the element.

import { define, upgradeLegacy, MAX_CHARS, DEBOUNCE_MS } from "./element.js";

export { MAX_CHARS, DEBOUNCE_MS };

/** Enhance one checker root (an element, or a v1 div that becomes one). */
export function bind(root) {
  define();
  if (root instanceof HTMLDivElement && root.parentNode) {
    const holder = document.createElement("div");
    root.replaceWith(holder);
    holder.append(root);
    upgradeLegacy(holder);
    holder.replaceWith(...holder.childNodes);
  }
}

/** Bind every checker under `scope` (a document or an element). */
export function bindAll(scope = document) {
  define();
  upgradeLegacy(scope);
}
