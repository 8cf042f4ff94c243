// Keeps each checker's draft, kind and language in localStorage (ARCHITECTURE.md):
// key "connecteur:v1:<pathname>:<index>", value {"draft", "kind", "lang"}. Storage can be full,
// disabled or hold junk from another version: every failure degrades to "nothing saved".

// The allowed kinds and languages are the options of the server-rendered form (the plugin writes
// them from the core's vocabulary): stored values are checked against the form they go back into.
const CHOICE = /^[a-z][a-z-]{0,31}$/;

/** The values a form's <select> offers (empty when there is no such select). */
export function optionsOf(select) {
  return select ? [...select.options].map((option) => option.value) : [];
}

/** Set a <select> to `value` if it offers it; say whether it did. */
export function choose(select, value) {
  if (!select || !optionsOf(select).includes(value)) return false;
  select.value = value;
  return true;
}

export function storageKey(index, pathname = location.pathname) {
  return `connecteur:v1:${pathname}:${index}`;
}

/**
 * A clean {draft, kind, lang} from untrusted input, or null; bad fields become undefined. The kind
 * and language are only shape-checked here: `choose` applies them if the form offers them.
 */
export function sanitize(value) {
  if (!value || typeof value !== "object") return null;
  const out = {};
  if (typeof value.draft === "string") out.draft = value.draft;
  if (typeof value.kind === "string" && CHOICE.test(value.kind)) out.kind = value.kind;
  if (typeof value.lang === "string" && CHOICE.test(value.lang)) out.lang = value.lang;
  return out.draft === undefined && out.kind === undefined && out.lang === undefined ? null : out;
}

export function load(index, pathname = location.pathname) {
  try {
    const raw = localStorage.getItem(storageKey(index, pathname));
    return raw === null ? null : sanitize(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * The draft kept for this page in another language (the head's rel=connecteur-alternate links,
 * written by mkdocs_connecteur/site/alternates.py), so that a
 * reader who switches the interface language finds the draft they were writing.
 */
export function loadFromTranslation(index) {
  for (const link of document.head.querySelectorAll('link[rel="connecteur-alternate"][hreflang]')) {
    let pathname;
    try {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      pathname = url.pathname;
    } catch {
      continue;
    }
    if (pathname === location.pathname) continue;
    const found = load(index, pathname);
    if (found) return found;
  }
  return null;
}

export function save(index, { draft, kind, lang }) {
  try {
    localStorage.setItem(storageKey(index), JSON.stringify({ draft, kind, lang }));
    return true;
  } catch {
    return false;
  }
}

export function clear(index) {
  try {
    localStorage.removeItem(storageKey(index));
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}
