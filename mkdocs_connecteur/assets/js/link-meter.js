// How fast the runtime's bytes come in, for the worker's snapshot decision (worker.js): bytes
// counted as the worker reads them, over the time between its reads.
//
// A response's first read returns whatever arrived before the worker got round to reading it:
// while the worker is busy (evaluating Pyodide's module, on a loaded machine) bytes wait in the
// buffer, and counting them as if they had arrived in the span after that read makes a slow link
// look fast. So a response's first read only starts the clock; the rate counts what came after.
// Dropping a later response's first read loses bytes that did arrive in the span: the rate can
// only come out lower than the link's, never higher.

export class LinkMeter {
  bytes = 0; // read after the clock started, first reads left out
  first = null; // when the clock started (ms, performance.now())
  last = null; // the last read counted

  /** A read of `length` bytes at `at` ms; `opening`: the response's first read. */
  record(length, at, opening) {
    this.first ??= at;
    if (opening) return;
    this.bytes += length;
    this.last = at;
  }

  /** Bytes per ms since the clock started, or null until `atLeast` bytes have been counted. */
  rate(atLeast) {
    if (this.bytes < atLeast || this.last === null) return null;
    return this.bytes / Math.max(this.last - this.first, 1);
  }
}
