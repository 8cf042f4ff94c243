// Renders a report (Report.to_dict()) into the results region, as text nodes only: the draft and
// anything derived from it never go through innerHTML. Report text (labels, messages) is in the
// report's language and marked so with a lang attribute; the interface strings are the page's.

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Fill "{name}" placeholders. */
export function fmt(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** offsets[i] = UTF-16 index of the i-th code point (Python str index); offsets[n] = length. */
export function codePointOffsets(text) {
  const offsets = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return offsets;
}

/** A span {start, end} in code points, as a UTF-16 [start, end) clamped to the text. */
export function toUtf16(offsets, span) {
  const last = offsets.length - 1;
  const clamp = (n) => Math.max(0, Math.min(last, Number.isInteger(n) ? n : 0));
  const start = clamp(span.start);
  const end = Math.max(start, clamp(span.end));
  return [offsets[start], offsets[end]];
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A link only for a plain site-relative path, so a rubric can never inject javascript: URLs. */
function siteLink(root, path, label, lang) {
  if (typeof path !== "string" || !/^[A-Za-z0-9._~\-/]+(#[A-Za-z0-9._~-]*)?$/.test(path)) return null;
  if (path.startsWith("/") || path.includes("..")) return null;
  return el("a", { href: new URL(path, root).href, class: "connecteur__link", lang, text: label });
}

/** The one-line summary announced to screen readers and shown in the status line. */
export function summary(report, strings) {
  if (report.status === "empty") return strings.band_empty;
  const count = report.findings.length;
  const findings =
    count === 0
      ? strings.findings_none
      : count === 1
        ? strings.findings_one
        : fmt(strings.findings_many, { count });
  const band = strings[`band_${report.band}`] || report.band_label;
  return fmt(strings.summary, { score: report.score, band, findings });
}

/** The draft with the findings' spans highlighted, merged where they overlap. */
function annotated(text, report, offsets) {
  const marks = [];
  report.findings.forEach((finding, index) => {
    for (const span of finding.spans || []) {
      const [start, end] = toUtf16(offsets, span);
      if (end > start) marks.push({ start, end, index, severity: finding.severity });
    }
  });
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "connecteur__annotated", "data-role": "annotated" });
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    if (!covering.length) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const worst = covering.reduce((a, b) =>
      (SEVERITY_ORDER[b.severity] ?? 3) < (SEVERITY_ORDER[a.severity] ?? 3) ? b : a,
    );
    box.append(
      el("mark", {
        class: `connecteur__mark connecteur__mark--${worst.severity}`,
        "data-findings": [...new Set(covering.map((m) => m.index))].join(" "),
        text: piece,
      }),
    );
  }
  return box;
}

/**
 * Replace the content of `section` with the report.
 * ctx: {strings, langRoot: URL of the site's root in the reader's language, onShow(finding)}.
 */
export function renderReport(section, report, text, ctx) {
  const { strings, langRoot, onShow } = ctx;
  const rlang = report.lang;
  const offsets = codePointOffsets(text);
  const content = [];

  const band = String(report.band);
  const score = el(
    "div",
    { class: `connecteur__score connecteur__score--${band}`, "data-band": band },
    el("span", { class: "connecteur__score-label", text: strings.score }),
    " ",
    el("span", { class: "connecteur__score-value", "data-role": "score", text: report.score }),
    el("span", { class: "connecteur__score-max", text: "/100" }),
    " ",
    el("span", { class: "connecteur__band", "data-role": "band", lang: rlang, text: report.band_label }),
  );
  const bar = el(
    "div",
    { class: "connecteur__bar", "aria-hidden": "true" },
    el("span", { style: `width: ${Math.max(0, Math.min(100, Number(report.score) || 0))}%` }),
  );
  content.push(score, bar);
  content.push(el("p", { class: "connecteur__summary", lang: rlang, text: report.summary }));
  if (report.status !== "empty") {
    const source = strings[`source_${report.lang_source}`] || report.lang_source;
    const language = strings[`lang_${report.lang}`] || report.lang;
    content.push(
      el("p", { class: "connecteur__meta", text: fmt(strings.report_lang, { lang: language, source }) }),
    );
  }

  if (report.criteria.length) {
    const list = el("ul", { class: "connecteur__criteria" });
    for (const criterion of report.criteria) {
      const verdict = String(criterion.verdict);
      list.append(
        el(
          "li",
          { class: `connecteur__criterion connecteur__criterion--${verdict}`, "data-verdict": verdict },
          el("span", { class: "connecteur__verdict", text: strings[`verdict_${verdict}`] || verdict }),
          " ",
          el("span", { class: "connecteur__criterion-label", lang: rlang, text: criterion.label }),
          " ",
          el("span", {
            class: "connecteur__points",
            text: fmt(strings.points, { earned: criterion.earned, weight: criterion.weight }),
          }),
        ),
      );
    }
    content.push(el("h3", { class: "connecteur__heading", text: strings.checklist }), list);
  }

  if (report.findings.length) {
    const list = el("ol", { class: "connecteur__findings" });
    report.findings.forEach((finding, index) => {
      const severity = String(finding.severity);
      const item = el(
        "li",
        {
          class: `connecteur__finding connecteur__finding--${severity}`,
          "data-rule": finding.rule,
          "data-index": index,
        },
        el("span", { class: "connecteur__severity", text: strings[`severity_${severity}`] || severity }),
        " ",
        el("span", { class: "connecteur__message", lang: rlang, text: finding.message }),
      );
      if (finding.spans && finding.spans.length) {
        const quotes = el("span", { class: "connecteur__quotes" });
        for (const span of finding.spans.slice(0, 5)) {
          quotes.append(" ", el("q", { class: "connecteur__quote", text: span.text }));
        }
        item.append(quotes);
      }
      if (finding.suggestion) {
        item.append(
          el(
            "p",
            { class: "connecteur__suggestion" },
            el("strong", { text: strings.suggestion }),
            " ",
            el("span", { lang: rlang, text: finding.suggestion }),
          ),
        );
      }
      const links = el("p", { class: "connecteur__links" });
      const rule = siteLink(langRoot, finding.rule_page, strings.rule_page);
      const guide = siteLink(langRoot, finding.guide, strings.guide);
      if (rule) links.append(rule);
      if (guide) links.append(rule ? " · " : "", guide);
      if (finding.spans && finding.spans.length && onShow) {
        const button = el("button", {
          type: "button",
          class: "connecteur__show",
          text: strings.show_in_draft,
        });
        button.addEventListener("click", () => onShow(finding));
        // The separator travels with the button so that print, which hides it, leaves no " · ".
        const wrap = el("span", { class: "connecteur__show-wrap" }, rule || guide ? " · " : "", button);
        links.append(wrap);
      }
      if (links.childNodes.length) item.append(links);
      list.append(item);
    });
    content.push(el("h3", { class: "connecteur__heading", text: strings.findings }), list);
  }

  if (report.status !== "empty") {
    // Always rendered so that print shows the draft; on screen only when something is highlighted.
    const marked = report.findings.some((f) => f.spans && f.spans.length);
    content.push(
      el(
        "div",
        { class: "connecteur__draft-copy", "data-marks": marked ? "1" : "0" },
        el("h3", { class: "connecteur__heading", text: strings.annotated }),
        annotated(text, report, offsets),
      ),
    );
  }

  section.replaceChildren(...content);
  section.hidden = false;
}

/** The plain-text report for "copy report". */
export function plainText(report, text, strings, kindLabel) {
  const lines = [strings.report_title, "", summary(report, strings)];
  if (report.summary) lines.push(report.summary);
  lines.push(fmt(strings.report_kind, { kind: kindLabel || report.kind }));
  if (report.criteria.length) {
    lines.push("", `${strings.checklist}:`);
    for (const c of report.criteria) {
      const verdict = strings[`verdict_${c.verdict}`] || c.verdict;
      lines.push(`- ${c.label}: ${verdict} (${fmt(strings.points, c)})`);
    }
  }
  if (report.findings.length) {
    lines.push("", `${strings.findings}:`);
    report.findings.forEach((f, i) => {
      const severity = strings[`severity_${f.severity}`] || f.severity;
      const quoted = (f.spans || []).map((s) => `« ${s.text} »`).join(", ");
      lines.push(`${i + 1}. [${severity}] ${f.message}${quoted ? ` ${quoted}` : ""}`);
      if (f.suggestion) lines.push(`   ${strings.suggestion} ${f.suggestion}`);
    });
  }
  lines.push("", strings.report_draft, text);
  return lines.join("\n");
}
