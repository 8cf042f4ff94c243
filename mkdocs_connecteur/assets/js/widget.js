// One checker widget: wires the server-rendered form (widget.py) to the shared runtime.
// Contract (ARCHITECTURE.md): root[data-connecteur-checker][data-state=loading|ready|error],
// a bubbling "connecteur:graded" CustomEvent whose detail is exactly Report.to_dict().

import * as runtime from "./runtime.js";
import { fmt, plainText, renderReport, summary, codePointOffsets, toUtf16 } from "./render.js";
import { load, loadFromTranslation, save, clear, KINDS, LANGS } from "./storage.js";
import { readFragment, buildLink, forgetFragment, showInAddressBar, copyText } from "./share.js";

/** Longer drafts get a message instead of a grade: grading stays instant and the page responsive. */
export const MAX_CHARS = 50000;
/** Pause after the last keystroke before grading; grading itself takes a few milliseconds. */
export const DEBOUNCE_MS = 60;

const bound = new WeakSet();

/** Root URL of the site in the reader's language (the page's), found from this module's URL. */
function languageRoot(uiLang) {
  const siteRoot = new URL("../../../", import.meta.url);
  const rest = location.pathname.startsWith(siteRoot.pathname)
    ? location.pathname.slice(siteRoot.pathname.length)
    : "";
  return rest.startsWith(`${uiLang}/`) ? new URL(`${uiLang}/`, siteRoot) : siteRoot;
}

function readStrings(root) {
  try {
    return JSON.parse(root.dataset.strings || "{}");
  } catch {
    return {};
  }
}

/** Enhance one checker root; calling it again on the same element does nothing. */
export function bind(root) {
  if (bound.has(root)) return;
  bound.add(root);

  const strings = readStrings(root);
  const index = Number.parseInt(root.dataset.index || "0", 10) || 0;
  const uiLang = root.dataset.uiLang || document.documentElement.lang || "en";
  const draftBox = root.querySelector("textarea[name=draft]");
  const kindBox = root.querySelector("select[name=kind]");
  const langBox = root.querySelector("select[name=lang]");
  const status = root.querySelector("[data-role=status]");
  const progress = root.querySelector("[data-role=progress]");
  const progressBox = root.querySelector("[data-role=progress-box]");
  const results = root.querySelector("[data-role=results]");
  const extra = root.querySelector("[data-role=extra]");
  const form = root.querySelector("form");
  const button = (name) => root.querySelector(`[data-action=${name}]`);
  if (!draftBox || !kindBox || !langBox || !status || !results) return;

  const defaults = {
    draft: draftBox.dataset.default ?? draftBox.defaultValue,
    kind: KINDS.includes(root.dataset.defaultKind) ? root.dataset.defaultKind : kindBox.value,
    lang: LANGS.includes(root.dataset.defaultLang) ? root.dataset.defaultLang : langBox.value,
  };
  const stateNow = () => ({ draft: draftBox.value, kind: kindBox.value, lang: langBox.value });
  const apply = (s) => {
    if (typeof s.draft === "string") draftBox.value = s.draft;
    if (KINDS.includes(s.kind)) kindBox.value = s.kind;
    if (LANGS.includes(s.lang)) langBox.value = s.lang;
  };

  let lastReport = null;
  let lastText = "";
  let lastSummary = "";
  let timer = 0;
  let inflight = false;
  let dirty = false;
  let unsubscribe = () => {};

  const setStatus = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };

  /** A message with one action button (undo, restore) in the extra line, replaced by the next. */
  const offer = (message, label, action) => {
    const text = document.createElement("span");
    text.textContent = message;
    const parts = [text];
    if (label) {
      const act = document.createElement("button");
      act.type = "button";
      act.className = "connecteur__inline-button";
      act.textContent = label;
      act.addEventListener("click", () => {
        extra.replaceChildren();
        action();
      });
      parts.push(" ", act);
    }
    extra.replaceChildren(...parts);
  };

  // Text typed before this script ran (a slow connection) is the reader's latest: keep it.
  const typedEarly = draftBox.value !== defaults.draft;

  // Initial state: a shared link wins, then what this browser kept, then the page's example.
  // The embed page keeps drafts per configuration itself (embed.js): no cross-language guess there.
  const embedded = root.closest("[data-connecteur-embed]") !== null;
  const saved = load(index) || (embedded ? null : loadFromTranslation(index));
  const shared = readFragment(location.hash);
  if (shared && shared.checker === index) {
    apply({ ...defaults, ...shared });
    forgetFragment();
    const previous = saved && saved.draft !== shared.draft ? saved : null;
    save(index, stateNow());
    if (previous && previous.draft) {
      offer(strings.restored_link, strings.restore_mine, () => {
        apply(previous);
        persistAndGrade(0);
      });
    } else {
      offer(strings.restored_link);
    }
  } else if (typedEarly) {
    save(index, stateNow());
  } else if (saved) {
    apply(saved);
  }

  function persistAndGrade(delay = DEBOUNCE_MS) {
    save(index, stateNow());
    schedule(delay);
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  async function run() {
    if (!root.isConnected) return;
    if (runtime.current().phase !== "ready") return;
    if (inflight) {
      dirty = true;
      return;
    }
    const text = draftBox.value;
    const kind = kindBox.value;
    const lang = langBox.value;
    if (text.length > MAX_CHARS) {
      lastReport = null;
      results.hidden = true;
      button("copy")?.setAttribute("disabled", "");
      root.dataset.graded = "too-long";
      lastSummary = "";
      setStatus(fmt(strings.too_long, { count: text.length, max: MAX_CHARS }));
      return;
    }
    inflight = true;
    try {
      const { report: json, ms } = await runtime.grade({ text, kind, lang });
      if (dirty || !root.isConnected) return;
      const report = JSON.parse(json);
      lastReport = report;
      lastText = text;
      renderReport(results, report, text, {
        strings,
        langRoot: languageRoot(uiLang),
        onShow: showInDraft,
      });
      button("copy")?.removeAttribute("disabled");
      root.dataset.graded = report.band;
      root.dataset.gradeMs = String(Math.round(ms * 10) / 10);
      const line = summary(report, strings);
      if (line !== lastSummary) {
        lastSummary = line;
        setStatus(line);
      }
      root.dispatchEvent(new CustomEvent("connecteur:graded", { bubbles: true, detail: report }));
    } catch (error) {
      if (root.isConnected && runtime.current().phase === "ready") {
        lastSummary = "";
        setStatus(fmt(strings.grade_error, { message: error.message }));
      }
    } finally {
      inflight = false;
      if (dirty) {
        dirty = false;
        run();
      }
    }
  }

  function showInDraft(finding) {
    const span = finding.spans[0];
    let start;
    let end;
    if (draftBox.value === lastText) {
      [start, end] = toUtf16(codePointOffsets(lastText), span);
    } else {
      start = draftBox.value.indexOf(span.text);
      end = start + span.text.length;
    }
    draftBox.focus();
    if (start >= 0) draftBox.setSelectionRange(start, end);
  }

  function onRuntime(state) {
    if (!root.isConnected) {
      unsubscribe();
      return;
    }
    if (state.phase === "ready") {
      if (root.dataset.state !== "ready") {
        root.dataset.state = "ready";
          if (progressBox) progressBox.hidden = true;
        setStatus(strings.ready);
        schedule(0);
      }
    } else if (state.phase === "failed") {
      root.dataset.state = "error";
      if (progressBox) progressBox.hidden = true;
      setStatus(fmt(strings.failed, { message: state.message }));
    } else {
      root.dataset.state = "loading";
      if (progress) {
        // The interpreter's boot gives no finer progress: an animated (indeterminate) bar says
        // "working" better than one stuck at zero; later stages fill it.
        progress.max = state.total || 3;
        if (state.done) progress.value = state.done;
        else progress.removeAttribute("value");
      }
      const stage = strings[`stage_${state.stage}`] || strings.stage_runtime;
      const step = fmt(strings.progress, { done: (state.done || 0) + 1, total: state.total || 3 });
      setStatus(`${stage} ${step}`);
    }
  }

  draftBox.addEventListener("input", () => {
    forgetFragment();
    persistAndGrade();
  });
  kindBox.addEventListener("change", () => persistAndGrade(0));
  langBox.addEventListener("change", () => persistAndGrade(0));
  form?.addEventListener("submit", (event) => event.preventDefault());

  button("share")?.addEventListener("click", async () => {
    const link = buildLink(stateNow(), index);
    showInAddressBar(link);
    if (await copyText(link)) {
      offer(strings.shared);
    } else {
      const field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.value = link;
      field.className = "connecteur__manual";
      field.setAttribute("aria-label", strings.share_manual);
      const note = document.createElement("span");
      note.textContent = strings.share_manual;
      extra.replaceChildren(note, " ", field);
      field.focus();
      field.select();
    }
  });

  button("copy")?.addEventListener("click", async () => {
    if (!lastReport) return;
    const kindLabel = kindBox.selectedOptions[0]?.textContent || lastReport.kind;
    const text = plainText(lastReport, lastText, strings, kindLabel);
    if (await copyText(text)) {
      offer(strings.copied);
    } else {
      const area = document.createElement("textarea");
      area.readOnly = true;
      area.value = text;
      area.rows = 8;
      area.className = "connecteur__manual";
      area.setAttribute("aria-label", strings.copy_manual);
      const note = document.createElement("span");
      note.textContent = strings.copy_manual;
      extra.replaceChildren(note, area);
      area.focus();
      area.select();
    }
  });

  button("reset")?.addEventListener("click", () => {
    const before = stateNow();
    apply(defaults);
    clear(index);
    forgetFragment();
    schedule(0);
    if (before.draft !== defaults.draft || before.kind !== defaults.kind || before.lang !== defaults.lang) {
      offer(strings.reset_done, strings.undo, () => {
        apply(before);
        persistAndGrade(0);
      });
    }
  });

  runtime.start();
  unsubscribe = runtime.subscribe(onRuntime);
}

/** Bind every checker under `scope` (a document or an element). */
export function bindAll(scope = document) {
  for (const root of scope.querySelectorAll("[data-connecteur-checker]")) bind(root);
}
