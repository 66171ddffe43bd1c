// npm run bench:schedule — 1,000 due publishes: called directly in a loop, drained by one
// scheduler instance, and by three, on the same PostgreSQL data in one run; plus lateness.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { database, percentile, root, approvedDocuments } = require('./lib');
const { startInstance } = require('../scripts/spawn-instance');

const N = Number(process.env.BENCH_SCHEDULES || 1000);
const POLL_MS = Number(process.env.BENCH_POLL_MS || 5000);
const ITEM = 'api::disclosure-item.disclosure-item';
const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const log = (m) => console.log(`[bench] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false', SCHEDULER_ENABLED: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  const children = [];
  try {
    const sched = app.plugin('disclosure-workflow').service('schedule');
    log(`preparing ${N} approved documents through the chain`);
    const { docs, users } = await approvedDocuments(app, N, log, '定时发布基准');
    // Unpublishing leaves the approved drafts as they were, so every scenario publishes the same documents.
    const unpublishAll = async () => {
      for (const documentId of docs) await app.documents(ITEM).unpublish({ documentId });
    };

    log('direct loop: publish() one after the other');
    let started = Date.now();
    for (const documentId of docs) await app.documents(ITEM).publish({ documentId });
    const direct = (Date.now() - started) / 1000;
    log(`  ${direct.toFixed(1)} s`);
    await unpublishAll();

    /** Schedules `documents`, the i-th due at `dueOf(i)`, and waits until `count` instances fired them all. */
    const drain = async (count, documents = docs, dueOf = () => new Date(Date.now() + 20_000)) => {
      const ids = [];
      const dues = [];
      for (const [i, documentId] of documents.entries()) {
        dues.push(dueOf(i));
        ids.push((await sched.schedule({ uid: ITEM, documentId, action: 'publish', at: dues[i], actor: users['gov-publisher'] })).id);
      }
      const env = { SCHEDULER_POLL_MS: String(POLL_MS), SCHEDULER_LEASE_MS: '60000', SCHEDULER_BATCH: '50' };
      const started = await Promise.all(Array.from({ length: count }, () => startInstance(env)));
      children.push(...started);
      while ((await app.db.query(SCHEDULE).count({ where: { id: { $in: ids }, state: { $ne: 'done' } } })) > 0) await sleep(200);
      const rows = await app.db.query(SCHEDULE).findMany({ where: { id: { $in: ids } }, select: ['dueAt', 'firedAt'] });
      for (const { child } of started) child.kill('SIGTERM');
      const late = rows.map((r) => new Date(r.firedAt).getTime() - new Date(r.dueAt).getTime());
      const fired = rows.map((r) => new Date(r.firedAt).getTime());
      return { seconds: (Math.max(...fired) - Math.min(...fired)) / 1000, p50: percentile(late, 50) / 1000, p99: percentile(late, 99) / 1000, first: Math.min(...late) / 1000 };
    };

    log('1 scheduler instance');
    const one = await drain(1);
    log(`  drained in ${one.seconds.toFixed(1)} s after the first firing; lateness p50 ${one.p50.toFixed(1)} s, p99 ${one.p99.toFixed(1)} s`);
    await sleep(2000);
    await unpublishAll();
    log('3 scheduler instances');
    const three = await drain(3);
    log(`  drained in ${three.seconds.toFixed(1)} s after the first firing; lateness p50 ${three.p50.toFixed(1)} s, p99 ${three.p99.toFixed(1)} s`);

    await sleep(2000);
    await unpublishAll();
    const STEADY = Math.min(N, Number(process.env.BENCH_STEADY || 60));
    log(`steady load: ${STEADY} schedules due one per second, 1 instance`);
    const base = Date.now() + 20_000;
    const steady = await drain(1, docs.slice(0, STEADY), (i) => new Date(base + i * 1000));
    log(`  lateness p50 ${steady.p50.toFixed(1)} s, p99 ${steady.p99.toFixed(1)} s`);

    console.log('');
    log(`${N} publishes on PostgreSQL (poll interval ${POLL_MS / 1000} s):`);
    log(`  direct loop:  ${direct.toFixed(1)} s`);
    log(`  1 instance:   ${one.seconds.toFixed(1)} s  (×${(one.seconds / direct).toFixed(2)} of the loop; target ≤ 1.25)  lateness p50 ${one.p50.toFixed(1)} s, p99 ${one.p99.toFixed(1)} s, first ${one.first.toFixed(1)} s`);
    log(`  3 instances:  ${three.seconds.toFixed(1)} s  (×${(three.seconds / direct).toFixed(2)} of the loop)  lateness p50 ${three.p50.toFixed(1)} s, p99 ${three.p99.toFixed(1)} s, first ${three.first.toFixed(1)} s`);
    log(`  steady (${STEADY} due one per second), 1 instance: lateness p50 ${steady.p50.toFixed(1)} s, p99 ${steady.p99.toFixed(1)} s`);
    log(`  lateness target: p99 ≤ poll interval + 2 s = ${(POLL_MS / 1000 + 2).toFixed(0)} s`);
  } finally {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
    await app.destroy();
    await sleep(1000);
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
