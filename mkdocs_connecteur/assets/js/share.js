// Share links and the clipboard. A draft travels in the URL fragment (#draft=…&kind=…&lang=…),
// which browsers never send to a server. Everything read from a fragment is untrusted: it is
// sanitized here and only ever rendered as text.

import { sanitize } from "./storage.js";

/** The shared state in a fragment, or null: {draft, kind, lang, checker} (checker = index). */
export function readFragment(hash) {
  if (typeof hash !== "string" || !hash.startsWith("#") || !hash.includes("draft=")) return null;
  let params;
  try {
    params = new URLSearchParams(hash.slice(1));
  } catch {
    return null;
  }
  if (!params.has("draft")) return null;
  const state = sanitize({
    draft: params.get("draft"),
    kind: params.get("kind"),
    lang: params.get("lang"),
  });
  if (!state) return null;
  const checker = Number.parseInt(params.get("checker") || "0", 10);
  state.checker = Number.isSafeInteger(checker) && checker >= 0 ? checker : 0;
  return state;
}

/** The page's address with the state in its fragment. */
export function buildLink({ draft, kind, lang }, index) {
  const params = new URLSearchParams({ draft, kind, lang });
  if (index) params.set("checker", String(index));
  const url = new URL(location.href);
  url.hash = params.toString();
  return url.href;
}

/** Drop a share fragment from the address bar without navigating (it would override later edits). */
export function forgetFragment() {
  if (!location.hash.includes("draft=")) return;
  try {
    history.replaceState(history.state, "", location.pathname + location.search);
  } catch {
    // Some sandboxed frames refuse replaceState: the fragment merely stays.
  }
}

/** Put the state in the address bar too, so the current URL is the share link. */
export function showInAddressBar(link) {
  try {
    history.replaceState(history.state, "", link);
  } catch {
    // As above.
  }
}

/** Copy text; true on success. Falls back to a hidden textarea where the async API is refused. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or document not focused: try the old way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
