// On a page that holds a checker, Material's search index (search/search_index.json, 0.65 MB,
// parsed on the page and built into a search index in Material's worker) is downloaded once the
// checker is ready and has warmed up (its first drafts' patterns compiled), not while Pyodide
// boots: on a two-core machine that work slowed the checker's boot by about a third of a second
// (docs/reference/performance.md, "Ready sooner").
// Searching still works at once: focusing the search field, clicking its icon or pressing one of
// Material's search keys (/ s f) releases the index immediately.
// A classic script, placed by the plugin right before Material's bundle (runtime/hints.py), so it
// runs before the bundle asks for the index. It holds back that one request (Material asks with
// XMLHttpRequest) and nothing else; after it is released, XMLHttpRequest is as the browser made it.
(() => {
  const proto = XMLHttpRequest.prototype;
  const { open, send } = proto;
  const held = new WeakSet();
  const waiting = [];
  let released = false;

  const isIndex = (url) => {
    try {
      return new URL(String(url), document.baseURI).pathname.endsWith("/search/search_index.json");
    } catch {
      return false;
    }
  };
  proto.open = function (method, url, ...rest) {
    if (!released && isIndex(url)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  proto.send = function (body) {
    if (!released && held.has(this)) {
      waiting.push(() => send.call(this, body));
      return undefined;
    }
    return send.call(this, body);
  };

  function release() {
    if (released) return;
    released = true;
    proto.open = open;
    proto.send = send;
    document.removeEventListener("connecteur:runtime", onRuntime);
    document.removeEventListener("connecteur:warm", release);
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("click", onClick, true);
    clearTimeout(timer);
    for (const go of waiting.splice(0)) go();
  }
  // runtime.js says when the checker has warmed up after "ready", or has failed.
  function onRuntime(event) {
    if (event.detail && event.detail.phase === "failed") release();
  }
  const inSearch = (target) => target instanceof Element && target.closest("form[name=search]");
  function onFocus(event) {
    if (inSearch(event.target)) release();
  }
  function onClick(event) {
    const target = event.target;
    if (inSearch(target) || (target instanceof Element && target.closest("label[for=__search]"))) {
      release();
    }
  }
  function onKey(event) {
    const target = event.target;
    const typing =
      target instanceof Element && target.closest("input, textarea, select, [contenteditable]");
    if (!typing && ["/", "s", "S", "f", "F"].includes(event.key)) release();
  }
  document.addEventListener("connecteur:runtime", onRuntime);
  document.addEventListener("connecteur:warm", release);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onClick, true);
  // Should the checker never say anything (its script blocked, say), search is not held forever.
  const timer = setTimeout(release, 30000);
})();
