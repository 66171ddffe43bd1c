// npm run bench:soak — three Strapi instances behind HAProxy (Debian's /usr/sbin/haproxy, started
// here with a generated configuration) on one throwaway PostgreSQL for SOAK_SECONDS (default 180):
// anonymous readers (catalogue, search, lookup), editors taking items through the approval chain
// and publishing (every second then unpublished and probed on every instance), the scheduler firing
// SOAK_SCHEDULES (default 200) publishes, the public intake receiving applications. Half-way one
// instance is SIGKILLed and restarted on its port. Then the checks; exit code 1 if any fails.
// Pieces under bench/soak/; the proxy's configuration and log are written to .tmp/soak/.
const fs = require('fs');
const path = require('path');
const { database, startServer, root } = require('./lib');
const { freePort } = require('../scripts/pg-throwaway');
const { startProxy, HAPROXY } = require('./soak/haproxy');
const { client } = require('./soak/client');
const { reader, applicant } = require('./soak/public-load');
const { editor, probe } = require('./soak/editors');
const { loadApp, prepare, signIn, schedulePublishes } = require('./soak/setup');
const { intakeCheck, publishCheck, scheduleCheck, auditCheck, schedulesSettled, SCHEDULE } = require('./soak/verify');
const { failureAttribution, staleReads, verdict, failed } = require('./soak/checks');
const { perWindow, formatTable } = require('./soak/stats');
const { percentile } = require('./lib');

const SECONDS = Number(process.env.SOAK_SECONDS || 180);
const READERS = Number(process.env.SOAK_READERS || 6);
const ITEMS = Number(process.env.SOAK_ITEMS || 5000);
const SCHEDULES = Number(process.env.SOAK_SCHEDULES || 200);
const INTAKE_PAUSE_MS = Number(process.env.SOAK_INTAKE_PAUSE_MS || 100);
const UNPUBLISH_EVERY = 2;
const WINDOW_MS = 30_000;
const LEASE_MS = 20_000; // a schedule claimed by the killed instance is taken over after this
const log = (m) => console.log(`[soak] ${m}`);
const quiet = () => {}; // an instance's stdout is Strapi's banner; its warnings and errors go to stderr
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  if (!fs.existsSync(HAPROXY)) {
    console.error(`[soak] ${HAPROXY} is missing: install Debian's HAProxy first (apt-get install -y haproxy)`);
    return 1;
  }
  const dir = path.join(root, '.tmp', 'soak');
  fs.mkdirSync(dir, { recursive: true });
  const db = await database(log);
  let app;
  let proxy;
  const instances = [];
  try {
    app = await loadApp(db.url);
    log(`seeding: demo county, ${ITEMS} catalogue items, demo staff`);
    const prep = await prepare(app, { items: ITEMS, schedules: SCHEDULES, log });

    const env = { DATABASE_URL: db.url, DEMO_DATA: 'false', SCHEDULER_ENABLED: 'true', CRON_ENABLED: 'true', SCHEDULER_LEASE_MS: String(LEASE_MS), INTAKE_RATE_LIMIT: '1000000', IS_PROXIED: 'true' };
    for (const name of ['s1', 's2', 's3']) instances.push({ name, port: await freePort() });
    log(`starting 3 instances on ports ${instances.map((i) => i.port).join(', ')}`);
    await Promise.all(instances.map(async (i) => Object.assign(i, { server: await startServer({ port: i.port, env, log: quiet }), url: `http://127.0.0.1:${i.port}` })));
    proxy = await startProxy({ port: await freePort(), servers: instances, dir, log });
    log(`haproxy ${proxy.url} → ${instances.map((i) => `${i.name}:${i.port}`).join(' ')} (config and log in ${path.relative(root, dir)})`);
    const http = client(proxy.url);
    await signIn(http, prep.editors);

    const scheduleIds = await schedulePublishes(app, prep.scheduled, Date.now() + 15_000, Date.now() + SECONDS * 1000 - 15_000);
    const start = Date.now();
    const end = start + SECONDS * 1000;
    const running = () => Date.now() < end;
    log(`load for ${SECONDS} s: ${READERS} readers, 1 applicant, ${prep.editors.length} editor teams, ${scheduleIds.length} schedules due from +15 s to ${SECONDS - 15} s`);

    const targets = [{ name: 'proxy', url: proxy.url }, ...instances];
    const out = { items: [], probes: [], warm: [] };
    const tag = `S${start}`;
    const intake = applicant(http, running, { pauseMs: INTAKE_PAUSE_MS, tag });
    const loops = [
      ...Array.from({ length: READERS }, () => reader(http, prep.site, running)),
      ...prep.editors.map((dept) => editor(http, dept, targets, running, out, { unpublishEvery: UNPUBLISH_EVERY })),
      intake,
    ];

    const victim = instances[1];
    const kill = (async () => {
      await sleep(SECONDS * 500);
      const exited = new Promise((r) => victim.server.child.once('exit', r));
      const at = Date.now();
      victim.server.child.kill('SIGKILL');
      await exited;
      const diedAt = Date.now();
      log(`${seconds(at - start)}: SIGKILL ${victim.name} (port ${victim.port}), gone ${diedAt - at} ms later; restarting it`);
      victim.server = await startServer({ port: victim.port, env, log: quiet });
      const readyAt = Date.now();
      log(`${seconds(readyAt - start)}: ${victim.name} listens again (${seconds(readyAt - at)} after the kill)`);
      return { at, diedAt, readyAt };
    })();

    let last = 0;
    const progress = setInterval(async () => {
      const n = http.records.length;
      const done = await app.db.query(SCHEDULE).count({ where: { id: { $in: scheduleIds }, state: 'done' } });
      const perServer = {};
      for (const e of proxy.requests.values()) perServer[e.server] = (perServer[e.server] ?? 0) + 1;
      const published = out.items.filter((i) => i.published).length;
      log(`${seconds(Date.now() - start)}: ${n} requests (${((n - last) / 10).toFixed(0)}/s), failed ${http.records.filter(failed).length}; ` +
        `editors published ${published}, unpublished ${out.items.filter((i) => i.unpublished).length}; schedules done ${done}/${scheduleIds.length}; ` +
        `by server ${Object.entries(perServer).sort().map(([s, c]) => `${s} ${c}`).join(', ')}`);
      last = n;
    }, 10_000);
    await Promise.all(loops);
    const killed = await kill;
    clearInterval(progress);

    log('load over; waiting for the remaining schedules');
    const open = await schedulesSettled(app, scheduleIds, LEASE_MS + 90_000);
    if (open) log(`${open} schedules still open`);
    await sleep(2000); // the proxy's last log lines

    for (const r of http.records) Object.assign(r, proxy.requests.get(r.id) ? { server: proxy.requests.get(r.id).server, retries: proxy.requests.get(r.id).retries } : {});
    const { answered, tokens } = await intake;
    const attribution = failureAttribution(http.records, { victim: victim.name, killAt: killed.at, diedAt: killed.diedAt });
    // Again once every instance is up: the restarted one could not be probed while it was down.
    const afterRun = [];
    for (const item of out.items.filter((i) => i.unpublished)) afterRun.push(...(await probe(http, targets, item, 'after the run')));
    const stale = staleReads([...out.probes, ...afterRun]);
    const checks = [
      await intakeCheck(app, { answered, tokens }, tag),
      await publishCheck(app, out.items),
      await scheduleCheck(app, scheduleIds, prep.scheduled.docs),
      await auditCheck(app),
      {
        name: 'no stale public read 1 s after an unpublish',
        ok: stale.ok,
        detail: `${out.items.filter((i) => i.unpublished).length} unpublishes, ${stale.probes} probes (lookup, REST findOne, department list × proxy and each instance; ${out.probes.length} at +1 s, ${afterRun.length} after the run), ` +
          `${stale.answered} answered, ${stale.unreachable} unreachable, stale ${stale.stale.length}` +
          (stale.stale.length ? ` ${JSON.stringify(stale.stale.slice(0, 3))}` : '') + `; visible before the unpublish: ${out.warm.filter((w) => w.present).length}/${out.warm.filter((w) => !w.unreachable).length} reads`,
      },
      {
        name: 'failed requests only those in flight on the killed instance',
        ok: attribution.ok,
        detail: `${attribution.inFlightAtKill} requests in flight through the proxy at the kill, ${attribution.inFlightOnVictim} of them on ${victim.name} ` +
          `(answered by it, moved elsewhere by the proxy, or cut off without a proxy log line); ${attribution.failedInFlight} of those failed; other failures ${attribution.unexplained.length}` +
          (attribution.unexplained.length ? ` ${JSON.stringify(attribution.unexplained.slice(0, 3).map(({ json, ...r }) => r))}` : ''),
      },
    ];
    const result = verdict(checks);
    const summary = report({ http, proxy, instances, victim, killed, start, end, attribution, result, out, answered, scheduleIds });
    fs.writeFileSync(path.join(dir, 'summary.txt'), `${summary}\n`);
    fs.writeFileSync(path.join(dir, 'details.json'), JSON.stringify({ killed, items: out.items, warm: out.warm, probes: out.probes, afterRun, failed: http.records.filter(failed).map(({ json, ...r }) => r) }, null, 1));
    console.log(`\n${summary}`);
    return result.ok ? 0 : 1;
  } finally {
    if (proxy) await proxy.stop();
    for (const i of instances) if (i.server?.child.exitCode === null) i.server.stop();
    if (app) await app.destroy();
    await sleep(1000);
    db.stop();
  }
}

function report({ http, proxy, instances, victim, killed, start, end, attribution, result, out, answered, scheduleIds }) {
  const rel = (t) => seconds(t - start);
  const events = proxy.events.filter((e) => e.line.includes(`/${victim.name} is`)).map((e) => `${rel(e.at)} ${/Server \S+ is [A-Z]+/.exec(e.line)?.[0]}`);
  const endpoints = [...new Set(http.records.filter((r) => r.start >= start).map((r) => r.endpoint))].sort();
  const byEndpoint = endpoints.map((endpoint) => {
    const rs = http.records.filter((r) => r.endpoint === endpoint && r.start >= start);
    const count = (f) => rs.filter(f).length;
    return `| ${endpoint} | ${rs.length} | ${count((r) => r.status < 300)} | ${count((r) => r.status >= 400 && r.status < 500)} | ${count((r) => r.status >= 500)} | ${count((r) => r.error)} | ${rs.length ? Math.round(percentile(rs.map((r) => r.ms), 95)) : '–'} ms |`;
  });
  const perServer = Object.entries(attribution.perServer).sort().map(([s, v]) => `| ${s}${s === victim.name ? ' (killed)' : s === '?' ? ' (no proxy log line)' : ''} | ${v.requests} | ${v.status5xx} | ${v.failed - v.status5xx} |`);
  const retried = http.records.filter((r) => r.retries > 0).length;
  return [
    `Soak: ${seconds(end - start)} of load, 3 instances (${instances.map((i) => i.name).join(', ')}) behind HAProxy, one PostgreSQL; ${http.records.filter((r) => r.start >= start).length} requests through the proxy`,
    `Kill: ${victim.name} SIGKILLed at ${rel(killed.at)}, listening again at ${rel(killed.readyAt)}; proxy: ${events.join('; ') || 'no state change logged'}; requests the proxy retried elsewhere: ${retried}`,
    `Editors: ${out.items.length} items created, ${out.items.filter((i) => i.published).length} published, ${out.items.filter((i) => i.unpublished).length} unpublished; intake: ${answered.length} applications answered 201; schedules: ${scheduleIds.length}`,
    '',
    'Throughput and p95 per endpoint per 30 s window:',
    formatTable(perWindow(http.records, { start, end, width: WINDOW_MS }), start),
    '',
    '| endpoint | requests | 2xx | 4xx | 5xx | network errors | p95 |',
    '|---|---|---|---|---|---|---|',
    ...byEndpoint,
    '',
    '| instance (from the proxy log) | requests | 5xx | other failures |',
    '|---|---|---|---|',
    ...perServer,
    '',
    ...result.lines,
    '',
    `Soak: ${result.ok ? 'PASS' : 'FAIL'}`,
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
