// The soak's data, prepared in this process on the throwaway database before the instances start:
// the demo county (DEMO_DATA) with its staff accounts under a bench password, bulk catalogue items,
// and the approved documents the scheduler will publish.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { root, approvedDocuments } = require('../lib');
const { seedItems } = require('../seed-items');

const PASSWORD = 'Soak-Bench-2026';
const ITEM = 'api::disclosure-item.disclosure-item';
// The departments whose demo staff act as editors (src/bootstrap/demo-staff.ts).
const EDITOR_DEPARTMENTS = ['00419803-6', '00419804-4', '00419816-8'];

/** Loads Strapi here (no scheduler, no cron) with the demo county; returns the app. */
async function loadApp(dbUrl) {
  Object.assign(process.env, { DATABASE_URL: dbUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'true', SERVE_ADMIN: 'false', SCHEDULER_ENABLED: 'false', CRON_ENABLED: 'false' });
  return createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
}

async function prepare(app, { items, schedules, log }) {
  await seedItems(app, items, log);
  const { createDemoStaff, DEMO_STAFF } = require(path.join(root, 'dist/src/bootstrap/demo-staff'));
  await createDemoStaff(app, PASSWORD);
  log(`demo staff: ${DEMO_STAFF.length} accounts`);
  log(`preparing ${schedules} approved documents for the scheduler`);
  const scheduled = await approvedDocuments(app, schedules, log, '定时发布压力测试');

  const knex = app.db.connection;
  const departments = await knex('departments').select('code', 'document_id as documentId');
  const categories = (await knex('disclosure_categories').select('code')).map((c) => c.code).filter(Boolean);
  const indexNumbers = (await app.db.query(ITEM).findMany({ where: { publishedAt: { $notNull: true }, disclosure: 'proactive', classified: false }, select: ['indexNumber'], limit: 500, orderBy: { id: 'desc' } })).map((r) => r.indexNumber);
  const editors = EDITOR_DEPARTMENTS.map((code) => ({ code, documentId: departments.find((d) => d.code === code).documentId, accounts: DEMO_STAFF.filter((a) => a.department === code) }));
  return { scheduled, site: { departments: departments.map((d) => d.code), categories, indexNumbers }, editors };
}

/** Signs every editor account in through the proxy: role code → admin JWT, per department. */
async function signIn(http, editors) {
  for (const dept of editors) {
    dept.tokens = {};
    for (const account of dept.accounts) {
      const res = await http.request('POST', '/admin/login', { endpoint: 'POST /admin/login', body: { email: account.email, password: PASSWORD } });
      if (res.status !== 200) throw new Error(`login of ${account.email} failed: ${res.error ?? res.status}`);
      dept.tokens[account.role] = res.json().data.token;
    }
  }
}

/** `docs` each scheduled for publishing, due evenly between `from` and `to` (epoch ms). */
async function schedulePublishes(app, { docs, users }, from, to) {
  const sched = app.plugin('disclosure-workflow').service('schedule');
  const ids = [];
  for (const [i, documentId] of docs.entries()) {
    const at = new Date(from + ((to - from) * i) / Math.max(1, docs.length - 1));
    ids.push((await sched.schedule({ uid: ITEM, documentId, action: 'publish', at, actor: users['gov-publisher'] })).id);
  }
  return ids;
}

module.exports = { loadApp, prepare, signIn, schedulePublishes };
