// Text helpers shared by the widget's modules: placeholders, code-point spans to UTF-16 offsets,
// the one-line summary and the plain-text report for "copy report". The coach view (coach.js)
// renders the report; nothing here writes markup.

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
