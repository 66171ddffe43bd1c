// Throughput and p95 per endpoint per time window of the soak, and the table printed at the end.
// Pure: records in, rows out (tested in tests/unit/bench-soak.test.js).
const { percentile } = require('../lib');

/**
 * `records`: `{ endpoint, start, ms }` (start in epoch ms). Windows of `width` ms from `start`
 * up to `end`; a request counts in the window it started in; the last window may be shorter, and
 * its throughput is over its own length.
 * → `{ windows: [{ from, to }], rows: [{ endpoint, cells: [{ count, rps, p95 } | null] }] }`
 */
function perWindow(records, { start, end, width }) {
  const count = Math.max(1, Math.ceil((end - start) / width));
  const windows = Array.from({ length: count }, (_, i) => ({ from: start + i * width, to: Math.min(end, start + (i + 1) * width) }));
  const times = new Map();
  for (const r of records) {
    if (r.start < start || r.start >= end) continue;
    const i = Math.floor((r.start - start) / width);
    if (!times.has(r.endpoint)) times.set(r.endpoint, windows.map(() => []));
    times.get(r.endpoint)[i].push(r.ms);
  }
  const rows = [...times.keys()].sort().map((endpoint) => ({
    endpoint,
    cells: times.get(endpoint).map((ms, i) => (ms.length ? { count: ms.length, rps: ms.length / ((windows[i].to - windows[i].from) / 1000), p95: percentile(ms, 95) } : null)),
  }));
  return { windows, rows };
}

/** Plain-text table: one row per endpoint, one column per window, "req/s · p95 ms" in each cell (two decimals below 1 req/s). */
function formatTable({ windows, rows }, start) {
  const head = ['endpoint', ...windows.map((w) => `${Math.round((w.from - start) / 1000)}–${Math.round((w.to - start) / 1000)} s`)];
  const body = rows.map((r) => [r.endpoint, ...r.cells.map((c) => (c ? `${c.rps.toFixed(c.rps < 1 ? 2 : 1)}/s · ${Math.round(c.p95)} ms` : '–'))]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((line) => line[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

module.exports = { perWindow, formatTable };
