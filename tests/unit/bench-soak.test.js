// The soak's pure pieces (bench/soak/): windows, checks, the proxy's configuration and log lines.
const { perWindow, formatTable } = require('../../bench/soak/stats');
const { exactlyOnce, failureAttribution, staleReads, verdict } = require('../../bench/soak/checks');
const { haproxyConfig, parseLogLine } = require('../../bench/soak/haproxy');

describe('perWindow', () => {
  it('counts each request in the window it started in, p95 and throughput per window, the last window over its own length', () => {
    const start = 1_000_000;
    const records = [
      ...Array.from({ length: 20 }, (_, i) => ({ endpoint: 'a', start: start + i * 100, ms: i + 1 })),
      { endpoint: 'a', start: start + 31_000, ms: 7 },
      { endpoint: 'b', start: start + 40_000, ms: 3 },
      { endpoint: 'b', start: start - 1, ms: 99 }, // before the run: left out
    ];
    const { windows, rows } = perWindow(records, { start, end: start + 45_000, width: 30_000 });
    expect(windows).toEqual([{ from: start, to: start + 30_000 }, { from: start + 30_000, to: start + 45_000 }]);
    expect(rows.map((r) => r.endpoint)).toEqual(['a', 'b']);
    expect(rows[0].cells[0]).toEqual({ count: 20, rps: 20 / 30, p95: 19 });
    expect(rows[0].cells[1]).toEqual({ count: 1, rps: 1 / 15, p95: 7 });
    expect(rows[1].cells).toEqual([null, { count: 1, rps: 1 / 15, p95: 3 }]);
    expect(formatTable({ windows, rows }, start).split('\n')[0]).toMatch(/\| endpoint \| 0–30 s +\| 30–45 s +\|/);
  });
});

describe('checks', () => {
  it('exactlyOnce: expected keys once, others at most once', () => {
    expect(exactlyOnce(['a', 'b'], ['a', 'b', 'c'])).toMatchObject({ ok: true, missing: [], duplicated: [] });
    expect(exactlyOnce(['a', 'b'], ['a', 'a'])).toMatchObject({ ok: false, missing: ['b'], duplicated: ['a'] });
    expect(exactlyOnce(['a'], ['a', 'c', 'c'])).toMatchObject({ ok: false, duplicated: ['c'] });
  });

  it('failureAttribution allows only failures in flight on the killed instance at the kill', () => {
    const killAt = 100;
    const records = [
      { server: 's1', start: 0, end: 10, status: 200 },
      { server: 's2', start: 90, end: 110, status: 502 }, // in flight on the victim: allowed
      { start: 95, end: 101, error: 'UND_ERR_SOCKET' }, // no proxy log line, in flight: allowed
      { server: 's3', start: 95, end: 120, status: 200, retries: 1 }, // moved off the victim by the proxy
      { server: 's2', start: 120, end: 130, status: 502 }, // after the kill: not allowed
      { server: 's1', start: 90, end: 110, status: 500 }, // another instance: not allowed
    ];
    const result = failureAttribution(records, { victim: 's2', killAt });
    expect(result).toMatchObject({ ok: false, inFlightAtKill: 4, inFlightOnVictim: 3, failedInFlight: 2 });
    expect(result.unexplained).toEqual([records[4], records[5]]);
    expect(result.perServer).toEqual({ s1: { requests: 2, failed: 1, status5xx: 1 }, s2: { requests: 2, failed: 2, status5xx: 2 }, s3: { requests: 1, failed: 0, status5xx: 0 }, '?': { requests: 1, failed: 1, status5xx: 0 } });
    expect(failureAttribution(records.slice(0, 4), { victim: 's2', killAt }).ok).toBe(true);
    // Sent while the killed process was still exiting: in flight too.
    const late = { start: 105, end: 115, error: 'UND_ERR_SOCKET' };
    expect(failureAttribution([late], { victim: 's2', killAt }).ok).toBe(false);
    expect(failureAttribution([late], { victim: 's2', killAt, diedAt: 106 }).ok).toBe(true);
  });

  it('staleReads: present where an instance answered is stale; unreachable is not', () => {
    expect(staleReads([{ present: false }, { present: false, unreachable: true }])).toMatchObject({ ok: true, answered: 1, unreachable: 1 });
    expect(staleReads([{ present: true, target: 's1' }]).ok).toBe(false);
  });

  it('verdict', () => {
    expect(verdict([{ name: 'x', ok: true, detail: 'd' }, { name: 'y', ok: false, detail: 'e' }])).toEqual({ ok: false, lines: ['PASS  x: d', 'FAIL  y: e'] });
  });
});

describe('haproxy', () => {
  it('retries a sent request only when it is a GET or HEAD, and logs the server per request id', () => {
    const config = haproxyConfig({ port: 9000, servers: [{ name: 's1', port: 9001 }, { name: 's2', port: 9002 }] });
    expect(config).toContain('balance roundrobin');
    expect(config).toContain('http-request disable-l7-retry if !METH_GET !METH_HEAD');
    expect(config).toContain('server s2 127.0.0.1:9002 check');
    expect(parseLogLine('SOAK r12 s2 502 907 0 SH-- POST /x')).toEqual({ id: 'r12', server: 's2', status: 502, ms: 907, retries: 0, termination: 'SH--' });
    expect(parseLogLine('SOAK r13 <NOSRV> 503 2767 +3 SC-- GET /x')).toMatchObject({ server: '<NOSRV>', retries: 3 });
    expect(parseLogLine('Server strapi/s2 is DOWN, reason: …')).toBeNull();
  });
});
