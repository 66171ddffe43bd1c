// HTTP for the soak's actors. Every request through the proxy carries an `x-soak-id` (the proxy logs
// it with the server that answered) and is recorded: endpoint label, start, end, latency, status or
// network error. Direct requests to one instance (the stale-read probes) are not recorded.
const { performance } = require('perf_hooks');

function client(proxyUrl) {
  const records = [];
  let next = 0;

  async function call(base, method, path, { endpoint, body, token, record } = {}) {
    const id = `r${++next}`;
    const headers = { 'x-soak-id': id, ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const start = Date.now();
    const t0 = performance.now();
    const entry = { id, endpoint, method, start };
    try {
      const res = await fetch(`${base}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      Object.assign(entry, { status: res.status, servedBy: res.headers.get('x-served-by') });
      entry.json = () => (text ? JSON.parse(text) : null);
    } catch (error) {
      entry.error = error.cause?.code ?? error.name ?? String(error);
      entry.json = () => null;
    }
    entry.end = Date.now();
    entry.ms = performance.now() - t0;
    if (record) records.push(entry);
    return entry;
  }

  return {
    records,
    /** Through the proxy, recorded under `endpoint`. */
    request: (method, path, options = {}) => call(proxyUrl, method, path, { ...options, record: true }),
    /** Straight to one instance (`base` = its URL), not recorded. */
    direct: (base, method, path, options = {}) => call(base, method, path, { ...options, record: false }),
  };
}

module.exports = { client };
