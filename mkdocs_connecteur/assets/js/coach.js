// The coach view of a report (Report.to_dict()): a score chip, then the recipient's five-second
// read, then one card per finding (one line until opened, biggest gain first), then the
// checklist. Text nodes only: the draft and the report never go through innerHTML. Interface
// words (bands, verdicts, severities, slot questions) are the page's, and so are the report's
// sentences (messages, suggestions, criterion labels): the worker grades in the page's language.

import { fmt, codePointOffsets, toUtf16 } from "./render.js";
import { slotsOf } from "./slots.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A link only for a plain site-relative path, so a rubric can never inject javascript: URLs. */
function siteLink(root, path, label) {
  if (typeof path !== "string" || !/^[A-Za-z0-9._~\-/]+(#[A-Za-z0-9._~-]*)?$/.test(path)) return null;
  if (path.startsWith("/") || path.includes("..")) return null;
  return el("a", { href: new URL(path, root).href, class: "connecteur__link", text: label });
}

/**
 * Finding indices in the order of their cards: what fixing them earns first (report/2 `gain`),
 * then severity, then what their criterion still misses; `focusRule` (a rule page) first of all.
 */
export function cardOrder(report, focusRule = null) {
  const missing = new Map(report.criteria.map((c) => [c.id, (c.weight || 0) - (c.earned || 0)]));
  const key = (f) => [
    focusRule && f.rule === focusRule ? 0 : 1,
    -(Number.isInteger(f.gain) ? f.gain : -1),
    SEVERITY_ORDER[f.severity] ?? 3,
    -(missing.get(f.criterion) || 0),
  ];
  return report.findings
    .map((finding, index) => ({ index, key: key(finding) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return a.index - b.index;
    })
    .map((entry) => entry.index);
}

function chip(box, report, strings, count, compact, fold) {
  const band = String(report.band);
  const score = Math.max(0, Math.min(100, Number(report.score) || 0));
  const parts = [
    el(
      "p",
      { class: "connecteur__score" },
      el("span", { class: "connecteur__score-label", text: strings.score }),
      " ",
      el("span", { class: "connecteur__score-value", "data-role": "score", text: report.score }),
      el("span", { class: "connecteur__score-max", text: "/100" }),
      " ",
      el("span", { class: "connecteur__band", "data-role": "band", text: strings[`band_${band}`] || band }),
    ),
    el(
      "div",
      { class: "connecteur__bar", "aria-hidden": "true" },
      el("span", { style: `width: ${score}%` }),
    ),
  ];
  if (fold) {
    // An example on a page of examples: its result opens on demand (the element words it).
    parts.push(
      el("button", {
        type: "button",
        class: "connecteur__fold md-button",
        "data-action": "fold",
        "aria-expanded": "false",
      }),
    );
  } else if (!compact && count) {
    // On phones the results are a bottom sheet that this button opens (CSS decides).
    parts.push(
      el("button", {
        type: "button",
        class: "connecteur__sheet-toggle md-button",
        "data-action": "sheet",
        "aria-expanded": "false",
        text: fmt(strings.sheet_open, { count }),
      }),
    );
  }
  box.dataset.band = band;
  box.className = `connecteur__chip connecteur__chip--${band}`;
  box.replaceChildren(...parts);
  box.hidden = false;
}

function capNote(report, strings) {
  const cap = report.cap;
  if (!cap || typeof cap !== "object" || !Number.isInteger(cap.score)) return null;
  // The reason is "capped at 39: <the rule's message>" in the report's language: the page says
  // "capped at" in its own, followed by the rule's message (the checker's sentence).
  const finding = report.findings.find((f) => f.rule === cap.rule);
  const why = finding ? finding.message : cap.reason || cap.rule || "";
  return el(
    "p",
    { class: "connecteur__cap", "data-role": "cap", "data-rule": cap.rule },
    el("strong", { text: fmt(strings.cap, { score: cap.score }) }),
    " ",
    el("span", { text: why }), // the report's words are the page's (interface_language)
  );
}

function slotList(report, text, strings, ctx) {
  const offsets = codePointOffsets(text);
  const slots = slotsOf(report);
  if (!slots.length) return null;
  const list = el("ul", { class: "connecteur__slots", "data-role": "slots" });
  for (const slot of slots) {
    const label = strings[`slot_${report.kind}_${slot.id}`] || slot.label;
    const quotes = slot.spans
      .map((span) => text.slice(...toUtf16(offsets, span)).trim())
      .filter(Boolean)
      .slice(0, 2);
    const state = slot.filled ? "filled" : slot.partial ? "partial" : "empty";
    const body = quotes.length
      ? el("span", { class: "connecteur__slot-quote" }, ...quotes.flatMap((q, i) => [i ? " … " : "", el("q", { text: q })]))
      : el("span", { class: "connecteur__slot-none", text: strings[`slot_${state}`] });
    list.append(
      el(
        "li",
        { class: `connecteur__slot connecteur__slot--${state}`, "data-slot": slot.id, "data-filled": String(slot.filled) },
        el("span", { class: "connecteur__slot-icon", "aria-hidden": "true" }),
        el("span", { class: "connecteur__slot-label", text: label }),
        " ",
        el("span", { class: "connecteur__visually-hidden", text: strings[`slot_${state}_sr`] }),
        body,
      ),
    );
  }
  return [el(ctx.heading, { class: "connecteur__heading", text: strings.slots_title }), list];
}

function card(report, finding, index, number, ctx, open) {
  const { strings, langRoot, onShow } = ctx;
  const severity = String(finding.severity);
  const gain = Number.isInteger(finding.gain) ? finding.gain : null;
  const after = finding.band_after && finding.band_after !== report.band ? finding.band_after : null;
  const summary = el(
    "summary",
    { class: "connecteur__card-line", id: `${ctx.uid}-card-${index}` },
    el("span", { class: `connecteur__number connecteur__number--${severity}`, text: number }),
    el("span", { class: "connecteur__severity", text: strings[`severity_${severity}`] || severity }),
    el("span", { class: "connecteur__message", text: finding.message }),
    gain
      ? el("span", {
          class: "connecteur__gain",
          text: after
            ? fmt(strings.gain_band, { gain, band: strings[`band_${after}`] || after })
            : fmt(strings.gain, { gain }),
        })
      : null,
  );
  const body = el("div", { class: "connecteur__card-body" });
  if (finding.spans && finding.spans.length) {
    const quotes = el("p", { class: "connecteur__quotes" });
    for (const span of finding.spans.slice(0, 5)) quotes.append(el("q", { class: "connecteur__quote", text: span.text }), " ");
    body.append(quotes);
  }
  if (finding.suggestion) {
    body.append(
      el(
        "p",
        { class: "connecteur__suggestion" },
        el("strong", { text: strings.suggestion }),
        " ",
        el("span", { text: finding.suggestion }),
      ),
    );
  }
  const insert = finding.insert;
  if (insert && typeof insert.text === "string" && ctx.onInsert) {
    // A missing element: the text the core placed, inserted where it goes (report/3 `insert`).
    const button = el("button", {
      type: "button",
      class: "connecteur__insert",
      "data-action": "insert",
      text: strings.insert,
    });
    button.addEventListener("click", () => ctx.onInsert(index));
    // A compact checker (a narrow column) shows the button only: the text appears in the draft.
    const quote = ctx.compact
      ? null
      : el("q", { class: "connecteur__insert-text", lang: report.lang, text: insert.text.trim() });
    body.append(el("p", { class: "connecteur__insertion" }, button, quote ? " " : null, quote));
  }
  const links = el("p", { class: "connecteur__links" });
  const rule = siteLink(langRoot, finding.rule_page, strings.rule_page);
  const guide = siteLink(langRoot, finding.guide, strings.guide);
  if (rule) links.append(rule);
  if (guide) links.append(rule ? " · " : "", guide);
  if (finding.spans && finding.spans.length && onShow) {
    const button = el("button", { type: "button", class: "connecteur__show", "data-action": "show", text: strings.show_in_draft });
    button.addEventListener("click", () => onShow(index));
    // The separator travels with the button so that print, which hides it, leaves no " · ".
    links.append(el("span", { class: "connecteur__show-wrap" }, rule || guide ? " · " : "", button));
  }
  if (links.childNodes.length) body.append(links);
  const details = el("details", { class: "connecteur__card", open }, summary, body);
  // Escape inside a card goes back to its mark in the draft.
  details.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && finding.spans?.length && onShow) {
      event.preventDefault();
      onShow(index);
    }
  });
  return el(
    "li",
    { class: `connecteur__finding connecteur__finding--${severity}`, "data-rule": finding.rule, "data-index": index },
    details,
  );
}

function checklist(report, strings, ctx) {
  const uid = ctx.uid;
  if (!report.criteria.length) return null;
  const met = report.criteria.filter((c) => c.verdict === "met").length;
  const list = el("ul", { class: "connecteur__criteria", id: `${uid}-criteria`, hidden: true });
  for (const criterion of report.criteria) {
    const verdict = String(criterion.verdict);
    list.append(
      el(
        "li",
        { class: `connecteur__criterion connecteur__criterion--${verdict}`, "data-verdict": verdict },
        el("span", { class: "connecteur__verdict", text: strings[`verdict_${verdict}`] || verdict }),
        " ",
        el("span", { class: "connecteur__criterion-label", text: criterion.label }),
        " ",
        el("span", {
          class: "connecteur__points",
          text: fmt(strings.points, { earned: criterion.earned, weight: criterion.weight }),
        }),
      ),
    );
  }
  const toggle = el("button", {
    type: "button",
    class: "connecteur__disclose",
    "aria-expanded": "false",
    "aria-controls": list.id,
    text: fmt(strings.checklist_count, { met, total: report.criteria.length }),
  });
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  });
  return [el(ctx.heading, { class: "connecteur__heading" }, toggle), list];
}

/** The graded draft with its marks, for print (first on paper); hidden on screen. */
function printCopy(report, text, strings, order, ctx) {
  const offsets = codePointOffsets(text);
  const number = new Map(order.map((index, position) => [index, position + 1]));
  const marks = [];
  report.findings.forEach((finding, index) => {
    for (const span of finding.spans || []) {
      const [start, end] = toUtf16(offsets, span);
      if (end > start) marks.push({ start, end, index, severity: finding.severity });
    }
  });
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const box = el("div", { class: "connecteur__annotated", "data-role": "annotated" });
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    const piece = text.slice(from, to);
    if (!covering.length) {
      box.append(piece);
      continue;
    }
    const worst = covering.reduce((a, b) => ((SEVERITY_ORDER[b.severity] ?? 3) < (SEVERITY_ORDER[a.severity] ?? 3) ? b : a));
    const numbers = [...new Set(covering.map((m) => number.get(m.index)))].sort((a, b) => a - b);
    box.append(
      el("mark", { class: `connecteur__mark connecteur__mark--${worst.severity}`, "data-numbers": numbers.join(","), text: piece }),
    );
  }
  return el("div", { class: "connecteur__draft-copy" }, el(ctx.heading, { class: "connecteur__heading", text: strings.annotated }), box);
}

/**
 * Replace the results and the chip with the coach view of `report` for `text`.
 * ctx: {strings, langRoot, compact, focusRule, onShow(findingIndex), onInsert(findingIndex), uid}. Returns the cards'
 * order (finding indices), which numbers the marks in the draft.
 */
export function renderCoach(results, chipBox, report, text, ctx) {
  ctx = { heading: "h3", ...ctx };
  const { strings, compact } = ctx;
  const order = cardOrder(report, ctx.focusRule);
  const content = [];
  if (chipBox) {
    chip(chipBox, report, strings, report.findings.length, compact, ctx.fold);
  } else {
    // A checker rendered by an older plugin has no chip of its own: the score leads the results.
    const box = el("div");
    chip(box, report, strings, 0, true);
    content.push(box);
  }

  if (report.status !== "empty") content.push(printCopy(report, text, strings, order, ctx));
  // Compact: the cap's rule is the top fix's (it has the biggest gain); no separate note.
  const cap = compact ? null : capNote(report, strings);
  if (cap) content.push(cap);
  const slots = report.status === "empty" ? null : slotList(report, text, strings, ctx);
  if (slots) content.push(...slots);

  const shown = compact ? order.slice(0, 1) : order;
  if (shown.length) {
    const list = el("ol", { class: "connecteur__findings", "data-role": "cards" });
    shown.forEach((index, position) => {
      const open = compact || (ctx.focusRule && report.findings[index].rule === ctx.focusRule);
      list.append(card(report, report.findings[index], index, position + 1, ctx, Boolean(open)));
    });
    const title = compact
      ? fmt(order.length > 1 ? strings.top_fix_of : strings.top_fix, { count: order.length })
      : strings.fixes_title;
    content.push(el(ctx.heading, { class: "connecteur__heading", text: title }), list);
  } else if (report.status !== "empty") {
    content.push(el("p", { class: "connecteur__clean", text: strings.findings_none }));
  }
  if (!compact) {
    const list = checklist(report, strings, ctx);
    if (list) content.push(...list);
    if (report.status !== "empty") {
      const source = strings[`source_${report.lang_source}`] || report.lang_source;
      const language = strings[`lang_${report.lang}`] || report.lang;
      content.push(el("p", { class: "connecteur__meta", text: fmt(strings.report_lang, { lang: language, source }) }));
    }
  }
  results.replaceChildren(...content);
  results.hidden = false;
  return order;
}

/** Open a finding's card and move focus to it (from its mark in the draft). */
export function focusCard(results, index) {
  const item = results.querySelector(`.connecteur__finding[data-index="${index}"]`);
  const details = item?.querySelector("details");
  if (!details) return false;
  details.open = true;
  const line = details.querySelector("summary");
  line.focus({ preventScroll: true });
  // The scorecard is sticky and scrolls inside: scrolling the page moves it, so check again.
  for (let pass = 0; pass < 3; pass++) {
    const r = line.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight) break;
    line.scrollIntoView({ block: pass ? "center" : "nearest" });
  }
  return true;
}
