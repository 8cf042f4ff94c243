// The recipient's five-second read (connecteur.report/2 `slots`): the questions a busy reader
// wants answered at a glance, each with the draft's sentences that answer it, or visibly empty.

export const SLOT_IDS = ["who", "want", "why", "time", "out"];

/** [{id, label, filled, spans: [{start, end}] (code points)}] in the report's fixed order. */
export function slotsOf(report) {
  if (!Array.isArray(report.slots)) return [];
  const sentences = Array.isArray(report.sentences) ? report.sentences : [];
  return report.slots
    .filter((slot) => slot && SLOT_IDS.includes(slot.id))
    .map((slot) => ({
      id: slot.id,
      label: String(slot.label || slot.id),
      filled: slot.filled === true,
      spans: (Array.isArray(slot.sentences) ? slot.sentences : [])
        .map((i) => sentences[i])
        .filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end)),
    }));
}
