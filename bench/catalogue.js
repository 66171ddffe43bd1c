// npm run bench:catalogue — one run on PostgreSQL, interleaved rounds, medians, the same page of the
// same data: the core REST list (department + category populated) and the catalogue on an instance
// with PUBLIC_CACHE=false; the catalogue answered from the public cache on a second instance; and a
// bare Koa server (started here) returning the catalogue's exact JSON bytes, the ceiling.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { database, startServer, load, median } = require('./lib');
const { freePort } = require('../scripts/pg-throwaway');

const ITEMS = Number(process.env.BENCH_ITEMS || 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const DURATION = Number(process.env.BENCH_DURATION || 10);
/** Seconds of load per target before the rounds: the JIT and PostgreSQL's caches settle (2 s left the core list still speeding up in round 3). */
const WARMUP = Number(process.env.BENCH_WARMUP || 10);
const log = (m) => console.log(`[bench] ${m}`);
const PAGE = 'page=3&pageSize=20';

function startBareKoa(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'bare-koa.js'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      const ready = /READY (\d+)/.exec(String(chunk));
      if (ready) resolve({ url: `http://127.0.0.1:${ready[1]}`, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bare Koa exited with ${code}`)));
  });
}

(async () => {
  const db = await database(log);
  const servers = [];
  try {
    log(`seeding ${ITEMS} published items on ${db.url.replace(/:[^:@/]*@/, ':***@')}`);
    const cached = await startServer({ port: await freePort(), env: { DATABASE_URL: db.url, BENCH_SEED_ITEMS: String(ITEMS), PUBLIC_CACHE: 'true' }, log });
    servers.push(cached);
    const uncached = await startServer({ port: await freePort(), env: { DATABASE_URL: db.url, PUBLIC_CACHE: 'false' }, log });
    servers.push(uncached);
    const bytes = Buffer.from(await (await fetch(`${cached.url}/api/catalogue?${PAGE}`)).arrayBuffer());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-koa-')), 'catalogue.json');
    fs.writeFileSync(file, bytes);
    const koa = await startBareKoa(file);
    servers.push(koa);
    const targets = {
      'core REST list (populate department, category)': `${uncached.url}/api/disclosure-items?populate[0]=department&populate[1]=category&sort=publishedDate:desc&pagination[page]=3&pagination[pageSize]=20`,
      'catalogue, uncached (PUBLIC_CACHE=false)': `${uncached.url}/api/catalogue?${PAGE}`,
      'catalogue, cached': `${cached.url}/api/catalogue?${PAGE}`,
      'bare Koa, same JSON bytes': `${koa.url}/`,
    };
    for (const url of Object.values(targets)) await load(url, { duration: WARMUP });
    const results = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const r = await load(url, { duration: DURATION });
        results[name].push(r);
        log(`round ${round}/${ROUNDS} ${name.padEnd(48)} ${r.rps.toFixed(0)} req/s  p95 ${r.p95.toFixed(1)} ms  (${r.total} requests, ${r.errors} errors)`);
      }
    }
    const s = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, { rps: median(rs.map((r) => r.rps)), p95: median(rs.map((r) => r.p95)) }]));
    const [core, unc, hit, bare] = Object.values(s);
    console.log('');
    log(`items: ${ITEMS}, rounds: ${ROUNDS} × ${DURATION} s, 10 connections, ${bytes.length} bytes per answer, medians:`);
    console.log('| target | req/s | p95 ms |');
    console.log('|---|---:|---:|');
    for (const [name, v] of Object.entries(s)) console.log(`| ${name} | ${v.rps.toFixed(0)} | ${v.p95.toFixed(1)} |`);
    console.log('');
    console.log(`| ratio | measured | target |`);
    console.log('|---|---:|---:|');
    console.log(`| catalogue uncached / core REST | ×${(unc.rps / core.rps).toFixed(2)} | ≥ ×5 |`);
    const names = Object.keys(results);
    const perRound = results[names[1]].map((r, i) => r.rps / results[names[0]][i].rps).sort((a, b) => a - b);
    log(`uncached / core REST per round: ×${perRound[0].toFixed(2)}–×${perRound[perRound.length - 1].toFixed(2)}`);
    console.log(`| catalogue cached / bare Koa | ×${(hit.rps / bare.rps).toFixed(2)} | ≥ ×0.3 |`);
  } finally {
    for (const server of servers) server.stop();
    await new Promise((r) => setTimeout(r, 500));
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
