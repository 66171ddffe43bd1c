// npm run bench:gate — median latency of publish() over N documents with the publish gate vs
// with the workflow disabled by config, interleaved one by one in the same process and database.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { database, median, percentile, root } = require('./lib');

const N = Number(process.env.BENCH_DOCS || 500);
const log = (m) => console.log(`[bench] ${m}`);
const ITEM = 'api::disclosure-item.disclosure-item';

(async () => {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const wf = app.plugin('disclosure-workflow').service('workflow');
    const users = {};
    for (const code of ['gov-author', 'gov-section-head', 'gov-leader', 'gov-secrecy-reviewer']) {
      const role = await app.db.query('admin::role').findOne({ where: { code } });
      users[code] = (await app.service('admin::user').create({ email: `bench-${code}-${Date.now()}@example.gov.cn`, firstname: 'bench', isActive: false, roles: [role.id] })).id;
    }
    const department = await app.documents('api::department.department').create({ data: { name: `基准部门${Date.now()}`, code: `B${Date.now()}` } });
    const data = (i) => ({ title: `基准测试事项 ${i}`, department: department.documentId, formedAt: '2025-06-01', genre: 'notice', summary: '基准', body: '正文'.repeat(100) });

    log(`preparing ${N} approved documents (through the chain) and ${N} plain drafts`);
    const gated = [];
    const plain = [];
    for (let i = 0; i < N; i++) {
      const doc = await app.documents(ITEM).create({ data: data(i) });
      const target = { uid: ITEM, documentId: doc.documentId };
      await wf.submit({ ...target, actor: users['gov-author'] });
      await wf.decide({ ...target, actor: users['gov-section-head'], decision: 'approve' });
      await wf.decide({ ...target, actor: users['gov-leader'], decision: 'approve' });
      await wf.signOff({ ...target, actor: users['gov-secrecy-reviewer'], conclusion: 'public' });
      gated.push(doc.documentId);
      plain.push((await app.documents(ITEM).create({ data: data(`p${i}`) })).documentId);
      if ((i + 1) % 100 === 0) log(`  prepared ${i + 1}/${N}`);
    }

    const time = async (documentId) => {
      const started = process.hrtime.bigint();
      await app.documents(ITEM).publish({ documentId });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const withGate = [];
    const withoutGate = [];
    log(`publishing, interleaved: gate on / workflow disabled by config`);
    for (let i = 0; i < N; i++) {
      app.config.set('plugin::disclosure-workflow.enabled', true);
      withGate.push(await time(gated[i]));
      app.config.set('plugin::disclosure-workflow.enabled', false);
      withoutGate.push(await time(plain[i]));
    }
    app.config.set('plugin::disclosure-workflow.enabled', true);
    const published = await app.db.query(ITEM).count({ where: { publishedAt: { $notNull: true } } });
    if (published !== 2 * N) throw new Error(`expected ${2 * N} published rows, found ${published}`);

    const fmt = (v) => `${v.toFixed(2)} ms`;
    console.log('');
    log(`${N} publishes each on PostgreSQL, medians (p95):`);
    log(`  with the publish gate:      ${fmt(median(withGate))} (p95 ${fmt(percentile(withGate, 95))})`);
    log(`  workflow disabled (config): ${fmt(median(withoutGate))} (p95 ${fmt(percentile(withoutGate, 95))})`);
    log(`  ratio gate / no gate: ×${(median(withGate) / median(withoutGate)).toFixed(2)} (target ≤ 1.25)`);
  } finally {
    await app.destroy();
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
