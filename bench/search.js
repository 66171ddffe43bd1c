// npm run bench:search — GET /api/catalogue?q= on PostgreSQL (a throwaway cluster unless DATABASE_URL
// is set) with ITEMS public items (default 100,000) whose bodies are 1,000–3,000 characters of
// policy text (bench/search-corpus.js). Seeds straight into the tables, builds the index with the
// reindex service (timed), then times REQUESTS sequential requests (default 200) per kind of query
// against one server: common two-character words, rare topic terms, 文号 typed with other brackets,
// two-word queries. Target: p95 ≤ 50 ms. REINDEX=false (with DATABASE_URL) reuses an index built by
// an earlier run.
const path = require('path');
const { database, startServer, percentile, median, root } = require('./lib');
const { seedItems } = require('./seed-items');
const { document, THEMES, TOPICS } = require('./search-corpus');

const ITEMS = Number(process.env.ITEMS || 100_000);
const REQUESTS = Number(process.env.REQUESTS || 200);
const REINDEX = process.env.REINDEX !== 'false';
const log = (m) => console.log(`[bench] ${m}`);

const COMMON = ['工作', '管理', '服务', '建设', '发展', '安全', '资金', '群众', '考核', '政务'];
const BRACKETS = [['[', ']'], ['(', ')'], ['（', '）'], ['〔', '〕'], ['【', '】']];

function queries(kind, i) {
  if (kind === 'common') return COMMON[i % COMMON.length];
  if (kind === 'rare') return TOPICS[(i * 37) % TOPICS.length];
  if (kind === 'docNumber') {
    const [open, close] = BRACKETS[i % BRACKETS.length];
    return document((i * 7919) % ITEMS).documentNumber.replace('〔', open).replace('〕', close);
  }
  return `${THEMES[i % THEMES.length]} ${['资金', '宣传', '督查', '考核'][i % 4]}`;
}

async function seedAndIndex(url) {
  Object.assign(process.env, { DATABASE_URL: url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const { seedDemoData } = require('../dist/src/bootstrap/demo-data');
    await seedDemoData(app, { items: 0 });
    await seedItems(app, ITEMS, log, (n) => {
      const d = document(n);
      return { title: d.title, document_number: d.documentNumber, keywords: d.keywords, summary: d.summary, body: d.body };
    });
    const started = Date.now();
    let last = 0;
    if (REINDEX) await app.service('api::disclosure-item.search-index').reindex((done, total) => {
      if (done - last >= 10_000 || done === total) log(`[index] ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (done - last >= 10_000) last = done;
    });
    const seconds = (Date.now() - started) / 1000;
    await app.db.connection.raw('VACUUM ANALYZE search_items');
    const size = (await app.db.connection.raw(`SELECT pg_total_relation_size('search_items') AS total, pg_relation_size('search_items_vec_idx') AS gin,
      (SELECT avg(pg_column_size(vec))::int FROM search_items) AS vec, (SELECT avg(length(body))::int FROM disclosure_items WHERE published_at IS NOT NULL) AS body`)).rows[0];
    return { seconds, size };
  } finally {
    await app.destroy();
  }
}

(async () => {
  const db = await database(log);
  let server;
  try {
    log(`seeding ${ITEMS} published items`);
    const { seconds, size } = await seedAndIndex(db.url);
    // The search itself, not the response cache (totals per query are still kept, as in production).
    server = await startServer({ port: 1397, env: { DATABASE_URL: db.url, PUBLIC_CACHE: 'false' }, log });
    const ask = async (q) => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/catalogue?${new URLSearchParams({ q })}`);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${q}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      return { ms: performance.now() - started, total: body.meta.pagination.total };
    };
    for (let i = 0; i < 40; i++) await ask(queries(['common', 'rare', 'docNumber', 'multi'][i % 4], i)); // warm-up
    const rows = [];
    const all = [];
    for (const kind of ['common', 'rare', 'docNumber', 'multi']) {
      const results = [];
      for (let i = 0; i < REQUESTS; i++) results.push(await ask(queries(kind, i)));
      const ms = results.map((r) => r.ms);
      all.push(...ms);
      rows.push({ kind, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), hits: median(results.map((r) => r.total)) });
    }
    rows.push({ kind: 'all searches', p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all), hits: NaN });
    // For scale: the same endpoint without q (the catalogue's own indexed list) on the same server.
    const plain = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      await (await fetch(`${server.url}/api/catalogue?page=${1 + (i % 5)}`)).json();
      plain.push(performance.now() - started);
    }
    rows.push({ kind: 'no q (catalogue list)', p50: percentile(plain, 50), p95: percentile(plain, 95), max: Math.max(...plain), hits: NaN });
    console.log('');
    log(`items: ${ITEMS}, average body ${size.body} characters; ${REINDEX ? `index built in ${seconds.toFixed(0)} s (${(ITEMS / seconds).toFixed(0)} items/s)` : 'index of an earlier run reused (REINDEX=false)'}`);
    log(`index: search_items ${(size.total / 1048576).toFixed(0)} MB in all, GIN ${(size.gin / 1048576).toFixed(0)} MB, average tsvector ${size.vec} bytes`);
    log(`${REQUESTS} sequential requests per kind, one connection, page 1 of 20 with highlights:`);
    log('| query kind | p50 ms | p95 ms | max ms | median hits |');
    log('|---|---|---|---|---|');
    for (const r of rows) log(`| ${r.kind} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${Number.isNaN(r.hits) ? '' : r.hits} |`);
    const p95 = rows[rows.length - 2].p95;
    log(`load average during the run: ${require('os').loadavg().map((l) => l.toFixed(1)).join(' ')} on ${require('os').cpus().length} CPUs`);
    log(`target p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : `missed by ${(p95 - 50).toFixed(1)} ms`}`);
  } finally {
    if (server) server.stop();
    await new Promise((r) => setTimeout(r, 500));
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
