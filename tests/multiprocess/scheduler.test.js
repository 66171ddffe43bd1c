// Three Strapi processes on one PostgreSQL database drain 500 schedules due at the same second;
// one is killed with SIGKILL while it works. Every document must be published exactly once
// (counting publish operations in the audit trail, not rows) and nothing may stay pending.
const { ITEM, makeDepartment, itemData } = require('../helpers/fixtures');
const { actors, approve } = require('../helpers/workflow');
const { multiprocessSuite } = require('../helpers/instances');

const N = Number(process.env.MULTIPROCESS_DOCS || 500);
const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const AUDIT = 'plugin::disclosure-workflow.audit-event';
const suite = multiprocessSuite();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The deadlines below bound each phase; preparing 500 approved documents takes minutes on a busy machine.
it(`publishes ${N} documents exactly once with 3 instances, one of them killed`, async () => {
  const a = await actors();
  const department = await makeDepartment();
  const docs = [];
  for (let i = 0; i < N; i++) {
    const doc = await strapi.documents(ITEM).create({ data: itemData(department, { title: `多实例定时发布 ${i}` }) });
    await approve(ITEM, doc.documentId);
    docs.push(doc.documentId);
  }
  const due = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000); // all at the same second
  const ids = [];
  for (const documentId of docs) ids.push((await strapi.plugin('disclosure-workflow').service('schedule').schedule({ uid: ITEM, documentId, action: 'publish', at: due.toISOString(), actor: a['gov-publisher'].id })).id);

  const env = { SCHEDULER_POLL_MS: '500', SCHEDULER_LEASE_MS: '5000', SCHEDULER_BATCH: '10' };
  const instances = await Promise.all([suite.start(env), suite.start(env), suite.start(env)]);
  const victim = instances[0];
  const firedBy = async (instance) => {
    const events = await strapi.db.query(AUDIT).findMany({ where: { event: 'schedule.fired' }, select: ['data'] });
    return events.filter((e) => e.data.instance === instance && ids.includes(e.data.schedule)).length;
  };

  // Kill the first instance once it is busy firing. What it fired is counted only once it is dead:
  // counted before the kill, a schedule it fired in between went missing from the sum below.
  const killDeadline = Date.now() + 90_000;
  while ((await firedBy(victim.instance)) < 20 && Date.now() < killDeadline) await sleep(100);
  const dead = new Promise((resolve) => victim.child.once('exit', resolve));
  victim.child.kill('SIGKILL');
  await dead;
  const firedBeforeKill = await firedBy(victim.instance);
  expect(firedBeforeKill).toBeGreaterThan(0);

  const deadline = Date.now() + 180_000;
  let open = N;
  while (open > 0 && Date.now() < deadline) {
    open = await strapi.db.query(SCHEDULE).count({ where: { id: { $in: ids }, state: { $in: ['pending', 'running'] } } });
    if (open) await sleep(500);
  }
  expect(open).toBe(0);
  expect(await strapi.db.query(SCHEDULE).count({ where: { id: { $in: ids }, state: 'done' } })).toBe(N);

  const publishes = await strapi.db.query(AUDIT).findMany({ where: { event: 'publish', targetDocumentId: { $in: docs } }, select: ['targetDocumentId'] });
  const perDoc = new Map();
  for (const e of publishes) perDoc.set(e.targetDocumentId, (perDoc.get(e.targetDocumentId) ?? 0) + 1);
  expect(perDoc.size).toBe(N);
  expect([...perDoc.values()].every((n) => n === 1)).toBe(true);
  expect(await strapi.db.query(ITEM).count({ where: { documentId: { $in: docs }, publishedAt: { $notNull: true } } })).toBe(N);

  const survivors = await Promise.all(instances.slice(1).map((i) => firedBy(i.instance)));
  expect(firedBeforeKill + survivors.reduce((x, y) => x + y, 0)).toBe(N);
  expect(survivors.every((n) => n > 0)).toBe(true);
  expect((await strapi.plugin('disclosure-workflow').service('audit').verify()).ok).toBe(true);
}, 900_000);
