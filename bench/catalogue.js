// npm run bench:catalogue — core REST list (department + category populated) vs the catalogue
// endpoint, same page of the same data, interleaved rounds in one run on PostgreSQL.
const { database, startServer, load, median } = require('./lib');

const ITEMS = Number(process.env.BENCH_ITEMS || 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const DURATION = Number(process.env.BENCH_DURATION || 10);
const log = (m) => console.log(`[bench] ${m}`);

(async () => {
  const db = await database(log);
  let server;
  try {
    log(`seeding ${ITEMS} published items on ${db.url.replace(/:[^:@/]*@/, ':***@')}`);
    server = await startServer({ port: 1399, env: { DATABASE_URL: db.url, BENCH_SEED_ITEMS: String(ITEMS) }, log });
    const targets = {
      core: `${server.url}/api/disclosure-items?populate[0]=department&populate[1]=category&sort=publishedDate:desc&pagination[page]=3&pagination[pageSize]=20`,
      catalogue: `${server.url}/api/catalogue?page=3&pageSize=20`,
    };
    for (const url of Object.values(targets)) await load(url, { duration: 2 }); // warm-up
    const results = { core: [], catalogue: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const r = await load(url, { duration: DURATION });
        results[name].push(r);
        log(`round ${round}/${ROUNDS} ${name.padEnd(9)} ${r.rps.toFixed(0)} req/s  p95 ${r.p95.toFixed(1)} ms  (${r.total} requests, ${r.errors} errors)`);
      }
    }
    const summary = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, { rps: median(rs.map((r) => r.rps)), p95: median(rs.map((r) => r.p95)) }]));
    console.log('');
    log(`items: ${ITEMS}, rounds: ${ROUNDS} × ${DURATION} s, 10 connections, medians:`);
    log(`  core REST list (populate department, category): ${summary.core.rps.toFixed(0)} req/s, p95 ${summary.core.p95.toFixed(1)} ms`);
    log(`  catalogue endpoint:                            ${summary.catalogue.rps.toFixed(0)} req/s, p95 ${summary.catalogue.p95.toFixed(1)} ms`);
    log(`  ratio catalogue / core: throughput ×${(summary.catalogue.rps / summary.core.rps).toFixed(2)}, p95 ×${(summary.catalogue.p95 / summary.core.p95).toFixed(2)}`);
  } finally {
    if (server) server.stop();
    await new Promise((r) => setTimeout(r, 500));
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
