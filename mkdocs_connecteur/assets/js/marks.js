// Problems marked inside the editable draft. The textarea stays the real editor (native editing,
// undo, spell-check, screen readers); behind it, a layer with the same box, font and wrapping
// holds the same text, invisible, with each finding's spans as coloured <mark>s. The textarea's
// background is transparent, so the marks show through; the layer scrolls with it.
// Each finding gets a numbered badge (its card's number) at its first span, above the textarea:
// a click opens the card. From the keyboard, Alt+↓ with the caret inside a mark opens its card;
// the card's "Show in the draft" (or Escape) comes back.

import { codePointOffsets, toUtf16 } from "./render.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class DraftMarks {
  #box;
  #layer;
  #text = null; // the layer's text element
  #ranges = []; // [{start, end, index, number, severity}] in UTF-16, for the caret
  #markedText = null; // the draft the marks belong to
  #onOpen;
  #caretNote;
  #strings;

  /** box: the textarea; layer: [data-role=backdrop] (or null: no marks, e.g. an older page). */
  constructor(box, layer, { onOpen, signal, strings = {}, caretNote = null }) {
    this.#box = box;
    this.#layer = layer;
    this.#onOpen = onOpen;
    this.#strings = strings;
    this.#caretNote = caretNote;
    if (!layer) return;
    this.#text = layer.querySelector(".connecteur__backdrop-text") || el("div", "connecteur__backdrop-text");
    if (!this.#text.isConnected) layer.append(this.#text);
    const on = (target, type, handler) => target.addEventListener(type, handler, { signal });
    on(box, "scroll", () => this.#follow());
    on(box, "input", () => this.sync());
    on(box, "keydown", (event) => this.#key(event));
    on(box, "keyup", () => this.#caret());
    on(box, "click", () => this.#caret());
    on(box, "blur", () => this.#showCaretNote(null));
    on(layer, "click", (event) => {
      const badge = event.target instanceof Element ? event.target.closest("[data-finding]") : null;
      if (badge) this.#onOpen(Number(badge.dataset.finding));
    });
    const resize = new ResizeObserver(() => this.#fit());
    resize.observe(box);
    signal.addEventListener("abort", () => resize.disconnect());
    this.sync();
  }

  /** Marks for `report` of `text`; `order` lists finding indices in their cards' order. */
  render(report, text, order) {
    if (!this.#layer) return;
    const offsets = codePointOffsets(text);
    const number = new Map(order.map((findingIndex, position) => [findingIndex, position + 1]));
    const marks = [];
    report.findings.forEach((finding, index) => {
      if (!number.has(index)) return;
      for (const span of finding.spans || []) {
        const [start, end] = toUtf16(offsets, span);
        if (end > start) marks.push({ start, end, index, number: number.get(index), severity: finding.severity });
      }
    });
    this.#ranges = marks;
    this.#markedText = text;
    this.#draw(text);
    this.#caret();
  }

  clear() {
    this.#ranges = [];
    this.#markedText = null;
    this.sync();
  }

  /** After an edit the old marks no longer fit the text: show the plain text until the grade. */
  sync() {
    if (!this.#layer) return;
    if (this.#box.value !== this.#markedText) {
      this.#ranges = [];
      this.#draw(this.#box.value);
    }
  }

  /** Keep the caret's mark visible after the card sent focus back. */
  reveal() {
    this.#follow();
    this.#caret();
  }

  #draw(text) {
    const cuts = new Set([0, text.length]);
    for (const mark of this.#ranges) {
      cuts.add(mark.start);
      cuts.add(mark.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    const badged = new Set();
    for (let i = 0; i < points.length - 1; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const covering = this.#ranges.filter((m) => m.start <= from && m.end >= to);
      if (!covering.length) {
        nodes.push(document.createTextNode(piece));
        continue;
      }
      const worst = covering.reduce((a, b) =>
        (SEVERITY_ORDER[b.severity] ?? 3) < (SEVERITY_ORDER[a.severity] ?? 3) ? b : a,
      );
      const mark = el("mark", `connecteur__mark connecteur__mark--${worst.severity}`);
      mark.dataset.findings = [...new Set(covering.map((m) => m.index))].join(" ");
      // A badge where a finding's first span starts: the card's number, a way to the card.
      const starting = covering.filter((m) => m.start === from && !badged.has(m.index));
      starting.forEach((m, k) => {
        badged.add(m.index);
        const badge = el("button", `connecteur__badge connecteur__badge--${m.severity}`, String(m.number));
        badge.type = "button";
        badge.tabIndex = -1; // reached from the draft with Alt+↓, not in the Tab order
        badge.dataset.finding = String(m.index);
        badge.style.setProperty("--cn-badge-shift", String(k));
        badge.setAttribute("aria-label", `${m.number}`);
        mark.append(badge);
      });
      mark.append(document.createTextNode(piece));
      nodes.push(mark);
    }
    // A final line break in a textarea still takes a line: give the layer one too.
    nodes.push(document.createTextNode("\u200b"));
    this.#text.replaceChildren(...nodes);
    this.#fit();
  }

  /** Same content width as the textarea (its scrollbar, if any, narrows it) and same scroll. */
  #fit() {
    if (!this.#layer) return;
    const style = getComputedStyle(this.#box);
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollbar = Math.max(0, this.#box.offsetWidth - this.#box.clientWidth - borders);
    this.#layer.style.setProperty("--cn-scrollbar", `${scrollbar}px`);
    this.#follow();
  }

  #follow() {
    if (!this.#layer) return;
    this.#layer.scrollTop = this.#box.scrollTop;
    this.#layer.scrollLeft = this.#box.scrollLeft;
  }

  /** The finding under the caret (the most severe when several overlap), or null. */
  #atCaret() {
    if (this.#box.value !== this.#markedText || document.activeElement !== this.#box) return null;
    const at = this.#box.selectionStart;
    const here = this.#ranges.filter((m) => m.start <= at && at <= m.end);
    if (!here.length) return null;
    return here.reduce((a, b) => (a.number <= b.number ? a : b));
  }

  #caret() {
    this.#showCaretNote(this.#atCaret());
  }

  #showCaretNote(mark) {
    const note = this.#caretNote;
    if (!note) return;
    const text = mark ? (this.#strings.caret_mark || "{number}").replace("{number}", String(mark.number)) : "";
    if (note.textContent !== text) note.textContent = text;
  }

  #key(event) {
    if (event.altKey && event.key === "ArrowDown") {
      const mark = this.#atCaret();
      if (mark) {
        event.preventDefault();
        this.#onOpen(mark.index);
      }
    }
  }
}
