// The recipient's five-second read: the questions a busy reader wants answered at a glance,
// each filled with the draft's sentences that answer it, or visibly empty.
// connecteur.report/2 carries them (`slots`, `sentences`); a report/1 has none, so they are
// derived from its criteria (filled = the criterion is met), without sentences.

export const SLOT_IDS = ["who", "want", "why", "time", "out"];

// report/1 fallback: the criterion that answers each question, per kind of message.
const CRITERIA = {
  intro: { who: ["vouching"], want: ["objective", "vouching"], why: ["vouching"], time: ["small-ask"], out: ["consent"] },
  default: { who: ["who-you-are"], want: ["objective"], why: ["why-them"], time: ["small-ask"], out: ["easy-out"] },
};

/** [{id, label, filled, partial, spans: [{start, end}] (code points)}] in the fixed order. */
export function slotsOf(report) {
  if (Array.isArray(report.slots)) {
    const sentences = Array.isArray(report.sentences) ? report.sentences : [];
    return report.slots
      .filter((slot) => slot && SLOT_IDS.includes(slot.id))
      .map((slot) => ({
        id: slot.id,
        label: String(slot.label || slot.id),
        filled: slot.filled === true,
        partial: false,
        spans: (Array.isArray(slot.sentences) ? slot.sentences : [])
          .map((i) => sentences[i])
          .filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end)),
      }));
  }
  const byId = new Map(report.criteria.map((c) => [c.id, c]));
  const table = CRITERIA[report.kind] || CRITERIA.default;
  const out = [];
  for (const id of SLOT_IDS) {
    const found = (table[id] || []).map((c) => byId.get(c)).filter(Boolean);
    if (!found.length) continue;
    const filled = found.some((c) => c.verdict === "met");
    const partial = !filled && found.some((c) => c.verdict === "partial");
    out.push({ id, label: id, filled, partial, spans: [] });
  }
  return out;
}
