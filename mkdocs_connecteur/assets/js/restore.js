// A checker's initial state, applied once per checker as early as the page's scripts run:
// a shared link wins, then what this browser kept (for this page, else for its translation),
// then the page's example. main.js applies it before the rest of the widget is even fetched, so
// a reader who switches language finds their draft at once; the element does it too (a checker
// that arrives later), and the second call does nothing.

import { choose, load, loadFromTranslation, optionsOf, save } from "./storage.js";
import { readFragment, forgetFragment } from "./share.js";

export function readStrings(root) {
  try {
    return JSON.parse(root.dataset.strings || "{}");
  } catch {
    return {};
  }
}

const parts = (root) => ({
  draft: root.querySelector("textarea[name=draft]"),
  kind: root.querySelector("select[name=kind]"),
  lang: root.querySelector("select[name=lang]"),
});

export const indexOf = (root) => Number.parseInt(root.dataset.index || "0", 10) || 0;

/** What "reset" returns to: the page's example, kind and language. */
export function defaultsOf(root) {
  const { draft, kind, lang } = parts(root);
  return {
    draft: draft.dataset.default ?? draft.defaultValue,
    kind: optionsOf(kind).includes(root.dataset.defaultKind) ? root.dataset.defaultKind : kind.value,
    lang: optionsOf(lang).includes(root.dataset.defaultLang) ? root.dataset.defaultLang : lang.value,
  };
}

export function formState(root) {
  const { draft, kind, lang } = parts(root);
  return { draft: draft.value, kind: kind.value, lang: lang.value };
}

export function applyState(root, s) {
  const { draft, kind, lang } = parts(root);
  if (typeof s.draft === "string") draft.value = s.draft;
  choose(kind, s.kind);
  choose(lang, s.lang);
}

/** A message with one action button (undo, restore) in the extra line, replaced by the next. */
export function offer(root, message, label, action) {
  const extra = root.querySelector("[data-role=extra]");
  if (!extra) return;
  const text = document.createElement("span");
  text.textContent = message;
  const items = [text];
  if (label) {
    const act = document.createElement("button");
    act.type = "button";
    act.className = "connecteur__inline-button md-button";
    act.textContent = label;
    act.addEventListener("click", () => {
      extra.replaceChildren();
      action();
    });
    items.push(" ", act);
  }
  extra.replaceChildren(...items);
}

/** Apply the initial state to one checker, once. */
export function restoreOnce(root) {
  const { draft, kind, lang } = parts(root);
  if (!draft || !kind || !lang || root.hasAttribute("data-restored")) return;
  root.setAttribute("data-restored", "");
  const strings = readStrings(root);
  const index = indexOf(root);
  const defaults = defaultsOf(root);
  // Text typed before this script ran (a slow connection) is the reader's latest: keep it.
  const typedEarly = draft.value !== defaults.draft;
  // The embed page keeps drafts per configuration itself (embed.js): no cross-language guess.
  const embedded = root.closest("[data-connecteur-embed]") !== null;
  const saved = load(index) || (embedded ? null : loadFromTranslation(index));
  const shared = readFragment(location.hash);
  if (shared && shared.checker === index) {
    applyState(root, { ...defaults, ...shared });
    forgetFragment();
    const previous = saved && saved.draft !== shared.draft ? saved : null;
    save(index, formState(root));
    if (previous && previous.draft) {
      offer(root, strings.restored_link, strings.restore_mine, () => {
        applyState(root, previous);
        // The element saves and grades on input, as for any edit.
        draft.dispatchEvent(new Event("input", { bubbles: true }));
      });
    } else {
      offer(root, strings.restored_link);
    }
  } else if (typedEarly) {
    save(index, formState(root));
  } else if (saved) {
    applyState(root, saved);
  }
}

export function restoreAll(scope = document) {
  for (const root of scope.querySelectorAll("connecteur-checker, [data-connecteur-checker]")) {
    restoreOnce(root);
  }
}
