// <connecteur-checker>: one checker, as a custom element defined once per tab.
// The browser calls connectedCallback when a checker arrives in the document (first load, an
// instant navigation of Material that swaps the page's content, the embed importing main.js
// late) and disconnectedCallback when it leaves: no registry of bound roots, no theme hook.
// Contract (ARCHITECTURE.md "Widget contract"): the element carries data-connecteur-checker and
// data-state=loading|ready|error; it dispatches bubbling "connecteur:state" and
// "connecteur:graded" CustomEvents.

import * as runtime from "./runtime.js";
import { fmt, plainText, summary, codePointOffsets, toUtf16 } from "./render.js";
import { renderCoach, focusCard } from "./coach.js";
import { DraftMarks } from "./marks.js";
import { LoadingProgress } from "./progress.js";
import { save, clear } from "./storage.js";
import { buildLink, forgetFragment, showInAddressBar, copyText } from "./share.js";
import { applyState, defaultsOf, formState, indexOf, offer, readStrings, restoreOnce } from "./restore.js";

/** Longer drafts get a message instead of a grade: grading stays instant and the page responsive. */
export const MAX_CHARS = 50000;
/** Pause after the last keystroke before grading; grading itself takes a few milliseconds. */
export const DEBOUNCE_MS = 60;
export const TAG = "connecteur-checker";

/** Root URL of the site in the reader's language (the page's), found from this module's URL. */
function languageRoot(uiLang) {
  const siteRoot = new URL("../../../", import.meta.url);
  const rest = location.pathname.startsWith(siteRoot.pathname)
    ? location.pathname.slice(siteRoot.pathname.length)
    : "";
  return rest.startsWith(`${uiLang}/`) ? new URL(`${uiLang}/`, siteRoot) : siteRoot;
}

/** The level for the widget's own headings: one below the page's heading before it (≤ 6). */
function headingLevel(element) {
  let level = 1;
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    if (heading.closest("connecteur-checker")) continue;
    if (!(heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    level = Number(heading.tagName[1]);
  }
  return Math.min(6, level + 1);
}

export class ConnecteurChecker extends HTMLElement {
  #ui = null; // the form's parts, found once per connection
  #strings = {};
  #defaults = null;
  #lastReport = null;
  #lastText = "";
  #lastSummary = "";
  #timer = 0;
  #inflight = false;
  #dirty = false;
  #unsubscribe = null;
  #loading = null;
  #abort = null; // removes every listener this element added when it leaves the document
  #marks = null;
  #started = false; // the initial state (link, saved draft) is applied once per element

  connectedCallback() {
    if (this.#abort) return;
    const ui = this.#find();
    if (!ui) return;
    this.#ui = ui;
    this.#strings = readStrings(this);
    this.#abort = new AbortController();
    if (!this.#started) {
      this.#started = true;
      restoreOnce(this); // main.js usually did it already: then nothing happens
      this.#defaults = defaultsOf(this);
      // Typed between main.js's restore and this element's arrival: the reader's latest, kept.
      const now = formState(this);
      const d = this.#defaults;
      if (now.draft !== d.draft || now.kind !== d.kind || now.lang !== d.lang) save(this.index, now);
      // An example (a claimed band, no target to reach): a compact result that opens on demand.
      const example = this.hasAttribute("data-expect") && !this.hasAttribute("data-target");
      if (example && !this.hasAttribute("data-compact")) this.dataset.fold = "closed";
    }
    this.#marks = new DraftMarks(ui.draft, ui.backdrop, {
      onOpen: (index) => this.#openCard(index),
      signal: this.#abort.signal,
      strings: this.#strings,
      caretNote: ui.caret,
    });
    this.#listen(this.#abort.signal);
    runtime.start();
    this.#unsubscribe = runtime.subscribe((state) => this.#onRuntime(state));
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#abort?.abort();
    this.#abort = null;
  }

  /** The last report shown (Report.to_dict()), or null. */
  get report() {
    return this.#lastReport;
  }

  /** Grade now (after a change made by script, for instance). */
  grade() {
    this.#schedule(0);
  }

  get index() {
    return indexOf(this);
  }

  #find() {
    const q = (selector) => this.querySelector(selector);
    const ui = {
      draft: q("textarea[name=draft]"),
      kind: q("select[name=kind]"),
      lang: q("select[name=lang]"),
      status: q("[data-role=status]"),
      progress: q("[data-role=progress]"),
      progressBox: q("[data-role=progress-box]"),
      progressText: q("[data-role=progress-text]"),
      results: q("[data-role=results]"),
      chip: q("[data-role=chip]"),
      backdrop: q("[data-role=backdrop]"),
      target: q("[data-role=target]"),
      caret: q("[data-role=caret]"),
      extra: q("[data-role=extra]"),
      form: q("form"),
    };
    if (!ui.draft || !ui.kind || !ui.lang || !ui.status || !ui.results) return null;
    return ui;
  }

  #button(name) {
    return this.querySelector(`[data-action=${name}]`);
  }

  #stateNow() {
    return formState(this);
  }

  #apply(s) {
    applyState(this, s);
    this.#marks?.sync();
    this.#grow();
  }

  /** A box that the draft outgrows gets taller, up to 18 lines (then it scrolls). */
  #grow() {
    const box = this.#ui.draft;
    while (box.scrollHeight > box.clientHeight + 2 && box.rows < 18) box.rows += 1;
  }

  #setStatus(text) {
    if (this.#ui.status.textContent !== text) this.#ui.status.textContent = text;
  }

  #emitState(state, detail = {}) {
    if (this.dataset.state === state) return;
    this.dataset.state = state;
    this.dispatchEvent(
      new CustomEvent("connecteur:state", { bubbles: true, detail: { state, ...detail } }),
    );
  }

  #offer(message, label, action) {
    offer(this, message, label, action);
  }

  #persistAndGrade(delay = DEBOUNCE_MS) {
    save(this.index, this.#stateNow());
    this.#schedule(delay);
  }

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(), delay);
  }

  async #run() {
    if (!this.isConnected || !this.#ui) return;
    if (runtime.current().phase !== "ready") return;
    if (this.#inflight) {
      this.#dirty = true;
      return;
    }
    const ui = this.#ui;
    const strings = this.#strings;
    const text = ui.draft.value;
    const kind = ui.kind.value;
    const lang = ui.lang.value;
    if (text.length > MAX_CHARS) {
      this.#lastReport = null;
      ui.results.hidden = true;
      if (ui.chip) ui.chip.hidden = true;
      this.#marks?.clear();
      this.#button("copy")?.setAttribute("disabled", "");
      this.dataset.graded = "too-long";
      this.#lastSummary = "";
      this.#setStatus(fmt(strings.too_long, { count: text.length, max: MAX_CHARS }));
      return;
    }
    this.#inflight = true;
    try {
      const ui = this.dataset.uiLang || null; // the report's words in the page's language
      const { report: json, ms } = await runtime.grade({ text, kind, lang, ui });
      if (this.#dirty || !this.isConnected) return;
      const report = JSON.parse(json);
      this.#show(report, text);
      this.dataset.gradeMs = String(Math.round(ms * 10) / 10);
      this.dispatchEvent(new CustomEvent("connecteur:graded", { bubbles: true, detail: report }));
    } catch (error) {
      if (!this.isConnected) return;
      if (error?.name === "TimeoutError") {
        // The worker was replaced; say which rubric took too long until the draft changes.
        this.#lastSummary = "";
        this.dataset.graded = "too-slow";
        this.#setStatus(fmt(strings.too_slow, { rubric: error.rubric, seconds: error.seconds }));
      } else if (runtime.current().phase === "ready") {
        this.#lastSummary = "";
        this.#setStatus(fmt(strings.grade_error, { message: error.message }));
      }
    } finally {
      this.#inflight = false;
      if (this.#dirty) {
        this.#dirty = false;
        this.#run();
      }
    }
  }

  #show(report, text) {
    const ui = this.#ui;
    const strings = this.#strings;
    this.#lastReport = report;
    this.#lastText = text;
    const order = renderCoach(ui.results, ui.chip, report, text, {
      strings,
      langRoot: languageRoot(this.dataset.uiLang || document.documentElement.lang || "en"),
      compact: this.hasAttribute("data-compact"),
      focusRule: this.dataset.focusRule || null,
      onShow: (index) => this.#showInDraft(index),
      onInsert: (index) => this.#insert(index),
      uid: ui.draft.id ? ui.draft.id.replace(/-draft$/, "") : `connecteur-${this.index}`,
      heading: `h${headingLevel(this)}`,
      fold: Boolean(this.dataset.fold),
    });
    this.#syncSheet();
    this.#syncFold();
    this.#marks?.render(report, text, order);
    this.#button("copy")?.removeAttribute("disabled");
    this.dataset.graded = report.band;
    // The example's claimed band ("should grade: not ready") is about the example, not a rewrite.
    this.toggleAttribute("data-edited", text !== this.#defaults?.draft);
    this.#updateTarget(report);
    const line = summary(report, strings);
    if (line !== this.#lastSummary) {
      this.#lastSummary = line;
      this.#setStatus(line);
    }
  }

  /** An exercise's target band: say when the draft reaches it. */
  #updateTarget(report) {
    const target = this.#ui.target;
    const wanted = this.dataset.target;
    if (!target || !wanted) return;
    const rank = { empty: -1, "not-ready": 0, "needs-work": 1, ready: 2 };
    const reached = (rank[report.band] ?? -1) >= (rank[wanted] ?? 3);
    const strings = this.#strings;
    const band = strings[`band_${wanted}`] || wanted;
    target.dataset.reached = reached ? "true" : "false";
    target.textContent = fmt(reached ? strings.target_reached : strings.target_pending, { band });
  }

  /** From a mark to its card (the sheet opens first on phones, a folded example unfolds). */
  #openCard(index) {
    if (this.#sheetMode()) this.#setSheet(true);
    if (this.dataset.fold === "closed") {
      this.dataset.fold = "open";
      this.#syncFold();
    }
    focusCard(this.#ui.results, index);
  }

  /** Phones: the results are a bottom sheet, opened and closed from the score chip. */
  #sheetMode() {
    const toggle = this.#ui.chip?.querySelector("[data-action=sheet]");
    return Boolean(toggle && getComputedStyle(toggle).display !== "none");
  }

  #setSheet(open) {
    this.dataset.sheet = open ? "open" : "closed";
    this.#syncSheet();
  }

  #syncSheet() {
    const count = this.#lastReport?.findings.length || 0;
    this.#syncToggle("sheet", (open) =>
      fmt(open ? this.#strings.sheet_close : this.#strings.sheet_open, { count }),
    );
  }

  #syncFold() {
    this.#syncToggle("fold", (open) => (open ? this.#strings.fold_close : this.#strings.fold_open));
  }

  /** The chip's toggle for the results (`sheet` on phones, `fold` in a compact box): its state. */
  #syncToggle(action, label) {
    const toggle = this.#ui.chip?.querySelector(`[data-action=${action}]`);
    if (!toggle) return;
    const open = this.dataset[action] === "open";
    toggle.setAttribute("aria-expanded", String(open));
    toggle.setAttribute("aria-controls", this.#ui.results.id || "");
    toggle.textContent = label(open);
  }

  /** Back from a card to its mark: focus the draft and select the finding's first span. */
  #showInDraft(index) {
    const finding = this.#lastReport?.findings[index];
    const span = finding?.spans?.[0];
    const box = this.#ui.draft;
    if (!span) return;
    let start;
    let end;
    if (box.value === this.#lastText) {
      [start, end] = toUtf16(codePointOffsets(this.#lastText), span);
    } else {
      start = box.value.indexOf(span.text);
      end = start + span.text.length;
    }
    if (this.dataset.sheet === "open") this.#setSheet(false);
    box.focus();
    if (start >= 0) {
      box.setSelectionRange(start, end);
      this.#marks?.reveal(start);
    }
  }

  /**
   * Insert a missing element (the finding's `insert`, report/3) where the core says, through the
   * editing command so that Ctrl+Z undoes it, then select its first placeholder to type over.
   * The input event that the insertion fires grades the draft again.
   */
  #insert(index) {
    const insert = this.#lastReport?.findings[index]?.insert;
    const box = this.#ui.draft;
    if (!insert || typeof insert.text !== "string" || box.value !== this.#lastText) return false;
    const text = this.#lastText;
    const [at] = toUtf16(codePointOffsets(text), { start: insert.at, end: insert.at });
    const expected = text.slice(0, at) + insert.text + text.slice(at);
    if (this.dataset.sheet === "open") this.#setSheet(false);
    box.focus();
    box.setSelectionRange(at, at);
    let done = false;
    try {
      done = document.execCommand("insertText", false, insert.text) && box.value === expected;
    } catch {
      done = false;
    }
    if (!done) {
      // No editing command (or it did something else): set the text, without undo.
      box.value = expected;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: insert.text }));
    }
    if (insert.select) {
      const [start, end] = toUtf16(codePointOffsets(box.value), insert.select);
      box.setSelectionRange(start, end);
      this.#marks?.reveal(start);
    } else {
      const end = at + insert.text.length;
      box.setSelectionRange(end, end);
    }
    return true;
  }

  #onRuntime(state) {
    const ui = this.#ui;
    const strings = this.#strings;
    if (!this.isConnected || !ui) return;
    if (state.phase === "ready") {
      if (this.dataset.state !== "ready") {
        this.#emitState("ready");
        if (ui.progressBox) ui.progressBox.hidden = true;
        // After a restart (a rubric that took too long), say so until the next grade.
        if (this.dataset.graded !== "too-slow") this.#setStatus(strings.ready);
        if (state.restarts && this.dataset.graded === "too-slow") return;
        this.#schedule(0);
      }
    } else if (state.phase === "failed") {
      this.#emitState("error", { message: state.message });
      if (ui.progressBox) ui.progressBox.hidden = true;
      this.#setStatus(fmt(strings.failed, { message: state.message }));
    } else {
      const restarting = this.dataset.graded === "too-slow";
      this.#emitState("loading");
      if (restarting) return; // the "took too long" message stays while the worker restarts
      // Bytes received of the runtime's total (progress.js), announced at each quarter.
      this.#loading ??= new LoadingProgress(
        Number(this.dataset.runtimeBytes),
        strings,
        this.dataset.uiLang,
      );
      const { bar, text, announce } = this.#loading.update(state);
      if (ui.progress && bar) Object.assign(ui.progress, bar);
      else if (ui.progress) {
        // No byte count (a page from an older plugin): the stages fill the bar.
        ui.progress.max = state.total || 3;
        if (state.done) ui.progress.value = state.done;
        else ui.progress.removeAttribute("value");
      }
      if (ui.progressText && ui.progressText.textContent !== text) ui.progressText.textContent = text;
      if (announce) this.#setStatus(announce);
    }
  }

  #listen(signal) {
    const ui = this.#ui;
    const strings = this.#strings;
    const on = (target, type, handler) => target?.addEventListener(type, handler, { signal });
    on(ui.draft, "input", () => {
      this.#grow();
      forgetFragment();
      if (this.dataset.graded === "too-slow") delete this.dataset.graded;
      this.#persistAndGrade();
    });
    on(ui.kind, "change", () => this.#persistAndGrade(0));
    on(ui.lang, "change", () => this.#persistAndGrade(0));
    on(ui.form, "submit", (event) => event.preventDefault());
    on(ui.chip, "click", (event) => {
      if (!(event.target instanceof Element)) return;
      if (event.target.closest("[data-action=sheet]")) this.#setSheet(this.dataset.sheet !== "open");
      if (event.target.closest("[data-action=fold]")) {
        this.dataset.fold = this.dataset.fold === "open" ? "closed" : "open";
        this.#syncFold();
      }
    });
    on(this, "keydown", (event) => {
      if (event.key === "Escape" && this.dataset.sheet === "open") {
        this.#setSheet(false);
        this.#ui.chip?.querySelector("[data-action=sheet]")?.focus();
      }
    });

    on(this.#button("share"), "click", async () => {
      const link = buildLink(this.#stateNow(), this.index);
      showInAddressBar(link);
      if (await copyText(link)) {
        this.#offer(strings.shared);
      } else {
        const field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        field.value = link;
        field.className = "connecteur__manual";
        field.setAttribute("aria-label", strings.share_manual);
        const note = document.createElement("span");
        note.textContent = strings.share_manual;
        ui.extra.replaceChildren(note, " ", field);
        field.focus();
        field.select();
      }
    });

    on(this.#button("copy"), "click", async () => {
      const report = this.#lastReport;
      if (!report) return;
      const kindLabel = ui.kind.selectedOptions[0]?.textContent || report.kind;
      const text = plainText(report, this.#lastText, strings, kindLabel);
      if (await copyText(text)) {
        this.#offer(strings.copied);
      } else {
        const area = document.createElement("textarea");
        area.readOnly = true;
        area.value = text;
        area.rows = 8;
        area.className = "connecteur__manual";
        area.setAttribute("aria-label", strings.copy_manual);
        const note = document.createElement("span");
        note.textContent = strings.copy_manual;
        ui.extra.replaceChildren(note, area);
        area.focus();
        area.select();
      }
    });

    on(this.#button("reset"), "click", () => {
      const before = this.#stateNow();
      const defaults = this.#defaults;
      this.#apply(defaults);
      clear(this.index);
      forgetFragment();
      this.#schedule(0);
      if (
        before.draft !== defaults.draft ||
        before.kind !== defaults.kind ||
        before.lang !== defaults.lang
      ) {
        this.#offer(strings.reset_done, strings.undo, () => {
          this.#apply(before);
          this.#persistAndGrade(0);
        });
      }
    });
  }
}

/**
 * A checker rendered by an older plugin is a <div data-connecteur-checker>: it becomes a
 * <connecteur-checker> with the same attributes and children, so old pages keep working.
 */
export function upgradeLegacy(scope = document) {
  for (const old of scope.querySelectorAll(`div[data-connecteur-checker]`)) {
    const element = document.createElement(TAG);
    for (const { name, value } of old.attributes) element.setAttribute(name, value);
    element.append(...old.childNodes);
    old.replaceWith(element);
  }
}

/** Define the element once per tab (a second import of this module is the same module). */
export function define() {
  if (!customElements.get(TAG)) customElements.define(TAG, ConnecteurChecker);
}
