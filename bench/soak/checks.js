// What the soak decides from what it recorded: pure functions over plain data (the database reads
// are in verify.js), tested in tests/unit/bench-soak.test.js.

/**
 * Each key of `expected` must occur exactly once in `found`; any other key of `found` at most once
 * (an outcome the client did not learn, e.g. a request cut off by the kill, may or may not have
 * been stored, but never twice).
 */
function exactlyOnce(expected, found) {
  const counts = new Map();
  for (const key of found) counts.set(key, (counts.get(key) ?? 0) + 1);
  const missing = expected.filter((key) => !counts.has(key));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
  return { ok: missing.length === 0 && duplicated.length === 0, expected: expected.length, found: found.length, missing, duplicated };
}

const failed = (r) => Boolean(r.error) || r.status >= 500;

/**
 * 5xx and failed requests through the proxy, per instance (the proxy's log names the server that
 * answered; `<NOSRV>`: none could take it; `?`: no log line, e.g. a connection the proxy closed
 * when the server under it died). The only failures allowed: requests in flight at the kill
 * (started before the process was gone, `diedAt`, and ended after the signal, `killAt`) that the
 * killed instance was serving, or that have no log line. `inFlightOnVictim` also counts those the
 * proxy moved to another server (logged with retries).
 */
function failureAttribution(records, { victim, killAt, diedAt = killAt }) {
  const perServer = {};
  const unexplained = [];
  let inFlightAtKill = 0;
  let inFlightOnVictim = 0;
  let failedInFlight = 0;
  for (const r of records) {
    const server = r.server ?? '?';
    const row = (perServer[server] ??= { requests: 0, failed: 0, status5xx: 0 });
    row.requests++;
    const inFlight = r.start <= diedAt && r.end >= killAt;
    const onVictim = server === victim || server === '?' || r.retries > 0;
    if (inFlight) inFlightAtKill++;
    if (inFlight && onVictim) inFlightOnVictim++;
    if (!failed(r)) continue;
    row.failed++;
    if (r.status >= 500) row.status5xx++;
    if (inFlight && (server === victim || server === '?')) failedInFlight++;
    else unexplained.push(r);
  }
  return { ok: unexplained.length === 0, perServer, inFlightAtKill, inFlightOnVictim, failedInFlight, unexplained };
}

/** Probes after an unpublish (+1 s): the item must be absent wherever an instance answered. */
function staleReads(probes) {
  const answered = probes.filter((p) => !p.unreachable);
  const stale = answered.filter((p) => p.present);
  return { ok: stale.length === 0, probes: probes.length, answered: answered.length, unreachable: probes.length - answered.length, stale };
}

/** `[{ name, ok, detail }]` → the lines printed and whether all passed. */
function verdict(checks) {
  const lines = checks.map((c) => `${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  return { ok: checks.every((c) => c.ok), lines };
}

module.exports = { exactlyOnce, failureAttribution, staleReads, verdict, failed };
