// The embed page (overrides/embed.html, URL embed/ and fr/embed/): one checker in an iframe.
// It reads the URL parameters (kind, lang, example, compact, autoload, theme, parent_origin),
// configures the server-rendered form BEFORE the widget binds, then imports main.js itself: at
// once, or only when the reader presses "Load the checker" (autoload=0), so that a page embedding
// several checkers does not boot several runtimes. It tells the parent page its height (so the
// iframe never scrolls) and forwards every "connecteur:graded" report.
//
// Height messages go to any parent ("*"): they hold nothing the reader typed. Graded reports hold
// the draft: they go only to the origin the embedder names with parent_origin=https://their.site,
// and to no page at all without it (the snippet the trainers' page builds fills it in).

import { choose, optionsOf, sanitize, storageKey } from "./storage.js";
import { readFragment, copyText } from "./share.js";

const THEMES = ["auto", "light", "dark"];
const YES = ["1", "true", "yes", "on"];
const NO = ["0", "false", "no", "off"];

const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));

/**
 * The embed's settings from a query string; every problem becomes a message, never an error. The
 * kinds and languages allowed are those the server-rendered form offers.
 */
export function readSettings(search, { kinds, langs }) {
  const params = new URLSearchParams(search);
  const problems = [];
  const choice = (name, allowed, fallback) => {
    if (!params.has(name)) return fallback;
    const value = params.get(name).trim().toLowerCase();
    if (allowed.includes(value)) return value;
    problems.push({ key: "bad", name, value: params.get(name), choices: allowed.join(", ") });
    return fallback;
  };
  const flag = (name, fallback) => {
    if (!params.has(name)) return fallback;
    const value = params.get(name).trim().toLowerCase();
    if (YES.includes(value) || value === "") return true;
    if (NO.includes(value)) return false;
    problems.push({ key: "bad", name, value: params.get(name), choices: "1, 0" });
    return fallback;
  };
  let target = null; // where graded reports go: nowhere unless parent_origin names an origin
  if (params.has("parent_origin")) {
    const raw = params.get("parent_origin").trim();
    target = null;
    try {
      const url = new URL(raw);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === raw.replace(/\/$/, "").toLowerCase()) {
        target = url.origin;
      }
    } catch {
      // Reported below.
    }
    if (target === null) problems.push({ key: "badOrigin", value: raw });
  }
  return {
    kind: choice("kind", kinds, null),
    lang: choice("lang", langs, null),
    example: params.has("example") ? params.get("example") : null,
    compact: flag("compact", false),
    autoload: flag("autoload", true),
    theme: choice("theme", THEMES, "auto"),
    target,
    problems,
  };
}

/** Where this embed keeps its draft: one key per configuration, so embeds on a page don't mix. */
function embedKey(settings) {
  const config = new URLSearchParams();
  for (const name of ["kind", "lang", "example", "compact"]) {
    if (settings[name] !== null && settings[name] !== false) config.set(name, String(settings[name]));
  }
  return `connecteur:v1:embed:${location.pathname}?${config}:0`;
}

function readSaved(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : sanitize(JSON.parse(raw));
  } catch {
    return null;
  }
}

function writeSaved(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the draft is simply not kept.
  }
}

function forgetWidgetKey() {
  // All embeds share the path embed/, hence the widget's own key: the embed keeps its own instead.
  try {
    localStorage.removeItem(storageKey(0));
  } catch {
    // Nothing to forget.
  }
}

function applyTheme(theme) {
  const query = matchMedia("(prefers-color-scheme: dark)");
  const set = () => {
    const dark = theme === "dark" || (theme === "auto" && query.matches);
    document.body.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
  };
  set();
  if (theme === "auto") query.addEventListener("change", set);
}

function setUp() {
  const page = document.querySelector("[data-connecteur-embed]");
  const root = page?.querySelector("[data-connecteur-checker]");
  if (!page || !root || page.dataset.embedBound) return;
  page.dataset.embedBound = "true";

  // The embed's own words come with the widget's, in the page's language (the plugin writes them
  // from the catalogue into data-strings: mkdocs_connecteur/content/labels.py, EMBED).
  const strings = JSON.parse(root.dataset.strings || "{}");
  const t = {
    bad: strings.embed_bad,
    badOrigin: strings.embed_bad_origin,
    idle: strings.embed_idle,
    failed: strings.embed_failed,
  };
  const draftBox = root.querySelector("textarea[name=draft]");
  const kindBox = root.querySelector("select[name=kind]");
  const langBox = root.querySelector("select[name=lang]");
  const settings = readSettings(location.search, { kinds: optionsOf(kindBox), langs: optionsOf(langBox) });
  const status = root.querySelector("[data-role=status]");
  const progressBox = root.querySelector("[data-role=progress-box]");

  applyTheme(settings.theme);
  // Material's instant-navigation progress bar has nothing to show in an iframe (no navigation),
  // and an unnamed progressbar is noise for screen readers.
  document.querySelector(".md-progress")?.remove();

  // Parent messages: the height to any parent; reports (they hold the draft) to parent_origin only.
  const post = (message) => {
    const target = message.type === "connecteur:height" ? "*" : settings.target;
    if (window.parent !== window && target) window.parent.postMessage(message, target);
  };
  let lastHeight = -1;
  const reportHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "connecteur:height", height });
    }
  };
  const observer = new ResizeObserver(reportHeight);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  window.addEventListener("load", reportHeight);
  document.addEventListener("connecteur:graded", (event) => {
    post({ type: "connecteur:graded", report: event.detail });
  });

  // Links (rule pages, guide) open in a new tab: the iframe is too small to read a page in.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link && !link.getAttribute("href").startsWith("#")) {
        link.target = "_blank";
        link.rel = "noopener";
      }
    },
    true,
  );

  // Problems with the parameters: said in the embed, where the embedder sees them while testing.
  if (settings.problems.length) {
    const note = document.createElement("div");
    note.className = "connecteur-embed__problems admonition warning";
    note.setAttribute("role", "note");
    const list = document.createElement("ul");
    for (const problem of settings.problems) {
      const item = document.createElement("li");
      item.textContent = fill(t[problem.key], problem);
      list.append(item);
      console.warn(`Connecteur embed: ${item.textContent}`);
    }
    note.append(list);
    page.querySelector("article")?.prepend(note);
  }

  // Configure the form before the widget reads it: it takes its defaults from these attributes.
  if (settings.kind) {
    root.dataset.defaultKind = settings.kind;
    if (kindBox) kindBox.value = settings.kind;
  }
  if (settings.lang) {
    root.dataset.defaultLang = settings.lang;
    if (langBox) langBox.value = settings.lang;
  }
  if (settings.example !== null && draftBox) {
    draftBox.dataset.default = settings.example;
    draftBox.value = settings.example;
  }
  if (settings.compact) {
    root.classList.add("connecteur--compact");
    root.dataset.compact = "";
    page.dataset.compact = "";
    if (draftBox) draftBox.rows = 4;
  }

  // What this reader typed here last time, then a shared link (the widget applies it too).
  const key = embedKey(settings);
  forgetWidgetKey();
  const apply = (state) => {
    if (!state) return;
    if (typeof state.draft === "string" && draftBox) draftBox.value = state.draft;
    choose(kindBox, state.kind);
    choose(langBox, state.lang);
  };
  apply(readSaved(key));
  const shared = readFragment(location.hash);
  if (shared && shared.checker === 0) apply(shared);
  const keep = () => {
    if (draftBox && kindBox && langBox) {
      writeSaved(key, { draft: draftBox.value, kind: kindBox.value, lang: langBox.value });
    }
  };
  // Bubbling listeners on the document run after the widget's own: the state is final by then.
  document.addEventListener("input", keep);
  document.addEventListener("change", keep);
  document.addEventListener("connecteur:graded", keep);

  const load = async () => {
    try {
      await import("./main.js");
    } catch (error) {
      root.dataset.state = "error";
      if (status) status.textContent = fill(t.failed, { message: String(error?.message || error) });
    }
  };

  const gate = page.querySelector("[data-connecteur-gate]");
  if (settings.autoload || !gate) {
    if (gate) gate.hidden = true;
    load();
    return;
  }
  gate.hidden = false;
  if (progressBox) progressBox.hidden = true;
  if (status) status.textContent = t.idle;
  const button = gate.querySelector("[data-action=load]");
  button?.addEventListener(
    "click",
    async () => {
      gate.hidden = true;
      draftBox?.focus();
      if (progressBox) progressBox.hidden = false;
      await load();
    },
    { once: true },
  );
}

// --- The trainers' page: a form that writes the iframe snippet, and its "copy" button. ---------

const SNIPPET_TITLE = {
  en: "Connecteur: check a draft request",
  fr: "Connecteur : vérifier un brouillon de demande",
};

/** The embed page's address for these settings (the iframe's src). */
export function embedAddress({ siteRoot, ui, kind, lang, example, compact, autoload, parentOrigin }) {
  const src = new URL(ui === "fr" ? "fr/embed/" : "embed/", new URL(siteRoot));
  if (kind && kind !== "request") src.searchParams.set("kind", kind);
  if (lang && lang !== "auto") src.searchParams.set("lang", lang);
  if (example) src.searchParams.set("example", example);
  if (compact) src.searchParams.set("compact", "1");
  if (!autoload) src.searchParams.set("autoload", "0");
  if (parentOrigin) src.searchParams.set("parent_origin", parentOrigin);
  return src;
}

/**
 * The embed code for these settings: the iframe, and the script that sizes it from its messages.
 * Reports (they hold the draft) go only to the origin named by parent_origin: the trainer's own,
 * when given, else the script names the origin of the page it runs on before the iframe loads
 * (the iframe's address is then in data-connecteur-src, and the script sets src).
 */
export function embedSnippet({ siteRoot, ui, kind, lang, example, compact, autoload, parentOrigin }) {
  const root = new URL(siteRoot);
  const src = embedAddress({ siteRoot, ui, kind, lang, example, compact, autoload, parentOrigin });
  const attr = (value) =>
    value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const height = compact ? 420 : 640;
  const address = parentOrigin ? `src="${attr(src.href)}"` : `data-connecteur-src="${attr(src.href)}"`;
  return [
    `<iframe ${address} title="${attr(SNIPPET_TITLE[ui === "fr" ? "fr" : "en"])}"`,
    `  data-connecteur-embed width="100%" height="${height}" style="border:0;width:100%"`,
    `  allow="clipboard-write" loading="lazy"></iframe>`,
    "<script>",
    `// Graded reports hold the draft: the checker sends them only to the origin parent_origin names.`,
    `for (const frame of document.querySelectorAll("iframe[data-connecteur-src]:not([src])")) {`,
    `  const src = new URL(frame.dataset.connecteurSrc);`,
    `  src.searchParams.set("parent_origin", location.origin);`,
    `  frame.src = src.href;`,
    "}",
    `addEventListener("message", (event) => {`,
    `  if (event.origin !== ${JSON.stringify(root.origin)}) return;`,
    `  for (const frame of document.querySelectorAll("iframe[data-connecteur-embed]")) {`,
    `    if (frame.contentWindow !== event.source) continue;`,
    `    if (event.data?.type === "connecteur:height") frame.style.height = event.data.height + "px";`,
    `    // event.data.type "connecteur:graded": event.data.report is the report (it holds the draft).`,
    "  }",
    "});",
    "</script>",
  ].join("\n");
}

function setUpBuilder() {
  const builder = document.querySelector("[data-connecteur-embed-builder]");
  if (!builder || builder.dataset.bound) return;
  builder.dataset.bound = "true";
  const output = builder.querySelector("[data-role=snippet]");
  const copyButton = builder.querySelector("[data-action=copy-embed]");
  const copyStatus = builder.querySelector("[data-role=copy-status]");
  const field = (name) => builder.querySelector(`[name=${name}]`);
  const siteRoot = new URL("../../../", import.meta.url);
  const preview = setUpPreview(builder, siteRoot);

  const update = () => {
    const settings = {
      siteRoot,
      ui: field("ui")?.value || "en",
      kind: field("kind")?.value || "request",
      lang: field("lang")?.value || "auto",
      example: field("example")?.value.trim() || "",
      compact: Boolean(field("compact")?.checked),
      autoload: Boolean(field("autoload")?.checked),
      parentOrigin: field("parent_origin")?.value.trim() || "",
    };
    output.textContent = embedSnippet(settings);
    preview?.show(settings);
    if (copyStatus) copyStatus.textContent = "";
  };
  builder.addEventListener("input", update);
  builder.addEventListener("change", update);
  builder.addEventListener("submit", (event) => event.preventDefault());
  copyButton?.addEventListener("click", async () => {
    const ok = await copyText(output.textContent);
    if (copyStatus) copyStatus.textContent = ok ? copyButton.dataset.done : copyButton.dataset.failed;
    if (!ok) {
      const range = document.createRange();
      range.selectNodeContents(output);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  });
  update();
}

/**
 * The builder's live preview: the embed page (same origin) in an iframe beside the settings,
 * sized by the height messages it sends, reloaded when the settings change (typing in the
 * example waits for a pause). The preview downloads the checker only after a click on its own
 * "Load the checker" button; once the checker has run in it (a graded report came back), the
 * preview follows the "Load at once" setting, the runtime being in the browser's cache.
 */
function setUpPreview(builder, siteRoot) {
  const frame = builder.querySelector("iframe[data-role=preview]");
  if (!frame) return null;
  let loaded = false;
  let timer = 0;
  let settings = null;
  const address = () =>
    embedAddress({
      ...settings,
      autoload: settings.autoload && loaded,
      // Its reports come back here: the sign that the checker has run in the preview.
      parentOrigin: location.origin,
    }).href;
  const apply = () => {
    timer = 0;
    const href = address();
    if (frame.dataset.src !== href) {
      frame.dataset.src = href;
      frame.src = href;
    }
  };
  addEventListener("message", (event) => {
    if (!frame.isConnected || event.source !== frame.contentWindow) return;
    if (event.origin !== location.origin) return;
    const data = event.data || {};
    if (data.type === "connecteur:height" && Number.isFinite(data.height) && data.height > 0) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    } else if (data.type === "connecteur:graded") {
      loaded = true;
    }
  });
  return {
    show(next) {
      const first = settings === null;
      settings = next;
      clearTimeout(timer);
      if (first) apply();
      else timer = setTimeout(apply, 400);
    },
  };
}

function setUpAll() {
  setUp();
  setUpBuilder();
}

// The trainers' page loads this module from its content; with instant navigation a module runs
// once per tab, so a builder that arrives later (a page swapped in) is set up when it appears:
// an observer of the document, not the theme's global document$ (setUp and setUpBuilder each
// mark what they bound, so a second call does nothing).
setUpAll();
new MutationObserver(() => {
  if (document.querySelector("[data-connecteur-embed-builder]:not([data-bound])")) setUpBuilder();
}).observe(document.documentElement, { childList: true, subtree: true });
