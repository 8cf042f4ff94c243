// The loading line: the runtime's bytes received of the total the plugin wrote into the page
// (data-runtime-bytes: what a cold boot downloads, known at build time), with an estimate of the
// time left from the rate measured so far, never a fixed promise. Screen readers hear it politely
// at each stage and each quarter of the download, not at every tick (the caller puts `text` in a
// line hidden from them and `announce`, when set, in the status line).
import { fmt } from "./render.js";

/** Estimates start once this much of the download has been timed (ms). */
const SETTLE_MS = 500;

export class LoadingProgress {
  #total;
  #strings;
  #number;
  #first = null; // {at, received}: the first bytes seen, where the rate is measured from
  #phase = "";

  constructor(totalBytes, strings, lang) {
    this.#total = Number.isFinite(totalBytes) && totalBytes > 0 ? totalBytes : 0;
    this.#strings = strings;
    this.#number = new Intl.NumberFormat(lang || undefined, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
  }

  #mb(bytes) {
    return fmt(this.#strings.megabytes || "{n} MB", { n: this.#number.format(bytes / 1e6) });
  }

  /**
   * For a runtime state ({stage, done, total, received}): {value, max} for the bar (null: no
   * byte count, the bar shows the stages), the line to show, and the line to announce (or null).
   */
  update(state, now = performance.now()) {
    const s = this.#strings;
    const total = this.#total;
    const received = Math.min(Math.max(0, Number(state.received) || 0), total);
    if (total && received > 0 && this.#first === null) this.#first = { at: now, received };
    const downloading = Boolean(total) && state.stage === "runtime" && received < total;
    let text = s[`stage_${state.stage}`] || s.stage_runtime;
    let phase = state.stage || "runtime";
    if (downloading) {
      const parts = [fmt(s.progress_bytes, { received: this.#mb(received), total: this.#mb(total) })];
      const first = this.#first;
      if (first && now - first.at >= SETTLE_MS && received > first.received) {
        const perMs = (received - first.received) / (now - first.at);
        const seconds = Math.ceil((total - received) / perMs / 1000);
        if (seconds >= 2) parts.push(fmt(s.progress_left, { seconds }));
      }
      text = `${s.stage_download} ${parts.join(", ")}`;
      phase = `download-${Math.floor((4 * received) / total)}`;
    }
    const announce = phase !== this.#phase ? text : null;
    this.#phase = phase;
    const bar = total ? { value: state.stage === "runtime" ? received : total, max: total } : null;
    return { bar, text, announce };
  }
}
