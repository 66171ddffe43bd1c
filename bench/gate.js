// npm run bench:gate — median latency of publish() over N documents with the publish gate vs
// without it (the bench takes the item type out of the plugin's governed types for the baseline
// publishes), interleaved one by one in the same process and database.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { database, median, percentile, root, approvedDocuments } = require('./lib');

const N = Number(process.env.BENCH_DOCS || 500);
const log = (m) => console.log(`[bench] ${m}`);
const ITEM = 'api::disclosure-item.disclosure-item';

(async () => {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    log(`preparing ${N} approved documents (through the chain) and ${N} plain drafts`);
    const { docs: gated, department } = await approvedDocuments(app, N, log);
    const plain = [];
    for (let i = 0; i < N; i++) {
      const draft = await app.documents(ITEM).create({ data: { title: `未送审事项 ${i}`, department: department.documentId, formedAt: '2025-06-01', genre: 'notice', summary: '基准', body: '正文'.repeat(100) } });
      plain.push(draft.documentId);
    }

    const time = async (documentId) => {
      const started = process.hrtime.bigint();
      await app.documents(ITEM).publish({ documentId });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const withGate = [];
    const withoutGate = [];
    const KEY = 'plugin::disclosure-workflow.contentTypes';
    const governed = app.config.get(KEY);
    const { [ITEM]: _item, ...ungoverned } = governed;
    log(`publishing, interleaved: gate on / item type not governed`);
    for (let i = 0; i < N; i++) {
      app.config.set(KEY, governed);
      withGate.push(await time(gated[i]));
      app.config.set(KEY, ungoverned);
      withoutGate.push(await time(plain[i]));
    }
    app.config.set(KEY, governed);
    const published = await app.db.query(ITEM).count({ where: { publishedAt: { $notNull: true } } });
    if (published !== 2 * N) throw new Error(`expected ${2 * N} published rows, found ${published}`);

    const fmt = (v) => `${v.toFixed(2)} ms`;
    console.log('');
    log(`${N} publishes each on PostgreSQL, medians (p95):`);
    log(`  with the publish gate:      ${fmt(median(withGate))} (p95 ${fmt(percentile(withGate, 95))})`);
    log(`  without the gate:           ${fmt(median(withoutGate))} (p95 ${fmt(percentile(withoutGate, 95))})`);
    log(`  ratio gate / no gate: ×${(median(withGate) / median(withoutGate)).toFixed(2)} (target ≤ 1.25)`);
  } finally {
    await app.destroy();
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
