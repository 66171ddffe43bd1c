// npm run bench:tenancy — the cost of department scope (issue 12) on PostgreSQL:
//  1. the Content Manager list of disclosure items (page 1, 20 rows, the admin's own query) over
//     BENCH_ITEMS (default 20,000) items in 40 departments, as an author who is a member of one
//     department against the super admin, interleaved rounds on one server → ratio (target ≤ 1.3);
//  2. 待办 (GET /disclosure-workflow/tasks) for a county-wide section head with BENCH_ROUNDS_OPEN
//     (default 5,000) rounds waiting at the 一审 step → p95 (target ≤ 150 ms).
// Seeding runs in this process (knex batch inserts), the measurements against bench/server.js.
// Results are printed as a table and written to .tmp/bench-tenancy.json.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { createStrapi } = require('@strapi/strapi');
const { database, startServer, load, median, percentile, root } = require('./lib');
const { seedItems } = require('./seed-items');

const ITEMS = Number(process.env.BENCH_ITEMS || 20000);
const OPEN_ROUNDS = Number(process.env.BENCH_ROUNDS_OPEN || 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const DURATION = Number(process.env.BENCH_DURATION || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const PORT = Number(process.env.BENCH_PORT || 1399);
const TARGET_RATIO = 1.3;
const TARGET_TASKS_P95 = 150;
const log = (m) => console.log(`[bench] ${m}`);

const ITEM = 'api::disclosure-item.disclosure-item';
const DEPARTMENT = 'api::department.department';
const ROUND = 'plugin::disclosure-workflow.round';
const PASSWORD = 'Bench-Tenancy-2025';
// The admin list view asks for `page`, `pageSize` (chosen: 20) and the type's default sort
// (src/bootstrap/admin-labels.ts: formedAt DESC); disclosure items are not localized, so no locale.
const LIST_PATH = `/content-manager/collection-types/${ITEM}?page=1&pageSize=20&sort=formedAt:DESC`;
const TASKS_PATH = '/disclosure-workflow/tasks';
const FLOOR_PATH = '/disclosure-workflow/settings';

/** 40 units: the county government, 13 bureaus under it, two sections under each bureau. */
async function seedDepartments(app) {
  const made = [];
  const create = (data) => app.documents(DEPARTMENT).create({ data });
  const county = await create({ name: '基准县人民政府', code: 'TN', kind: 'government' });
  made.push(county);
  for (let b = 1; b <= 13; b++) {
    const bureau = await create({ name: `基准县第${b}局`, code: `TN-${b}`, kind: 'department', parent: county.documentId });
    made.push(bureau);
    for (let s = 1; s <= 2; s++) made.push(await create({ name: `基准县第${b}局第${s}科`, code: `TN-${b}-${s}`, kind: 'section', parent: bureau.documentId }));
  }
  return { county, all: made, leaf: made[made.length - 1] };
}

async function adminUser(app, code, email) {
  const role = await app.db.query('admin::role').findOne({ where: { code } });
  if (!role) throw new Error(`no admin role ${code}`);
  const user = await app.service('admin::user').create({ email, firstname: 'bench', lastname: code, password: PASSWORD, isActive: true, roles: [role.id] });
  return { id: user.id, email };
}

/**
 * OPEN_ROUNDS rounds waiting at the first step: one through workflow.submit (the template, so every
 * column and the round's JSON are what the plugin writes), the rest copied from it onto other draft
 * items, spread over every department, with batch inserts.
 */
async function seedRounds(app, author) {
  const knex = app.db.connection;
  const meta = app.db.metadata.get(ITEM);
  const link = meta.attributes.department.joinTable;
  const drafts = await knex(`${meta.tableName} as i`)
    .join(`${link.name} as l`, `l.${link.joinColumn.name}`, 'i.id')
    .join('departments as d', 'd.id', `l.${link.inverseJoinColumn.name}`)
    .whereNull('i.published_at')
    .orderBy('i.id')
    .select('i.document_id as documentId', 'd.document_id as department');
  // Items were dealt to the departments in turn, so the first OPEN_ROUNDS cover all 40 evenly.
  const targets = drafts.slice(0, OPEN_ROUNDS);
  if (targets.length < OPEN_ROUNDS) throw new Error(`only ${targets.length} draft items for ${OPEN_ROUNDS} rounds`);

  const wf = app.plugin('disclosure-workflow').service('workflow');
  await wf.submit({ uid: ITEM, documentId: targets[0].documentId, actor: author.id });
  const roundMeta = app.db.metadata.get(ROUND);
  const template = await knex(roundMeta.tableName).where({ target_document_id: targets[0].documentId }).first();
  const pending = typeof template.pending_roles === 'string' ? JSON.parse(template.pending_roles) : template.pending_roles;
  if (template.state !== 'in_review' || !pending.includes('gov-section-head')) throw new Error(`the submitted round waits at ${template.state} for ${pending}: expected in_review for gov-section-head`);
  const data = typeof template.data === 'string' ? JSON.parse(template.data) : template.data;

  const { id: _id, ...columns } = template;
  const started = Date.now();
  const base = Date.now() - 30 * 86400000;
  const batch = 500;
  for (let done = 1; done < targets.length; done += batch) {
    const rows = targets.slice(done, done + batch).map((t, i) => {
      // Submitted over the last 30 days, so 待办's oldest-first order and updatedAt index both matter.
      const at = new Date(base + (done + i) * Math.floor((30 * 86400000) / targets.length));
      return {
        ...columns,
        document_id: crypto.randomBytes(12).toString('hex'),
        target_document_id: t.documentId,
        department: t.department,
        pending_roles: JSON.stringify(pending),
        data: JSON.stringify({ ...data, submittedAt: at.toISOString() }),
        created_at: at,
        updated_at: at,
      };
    });
    await knex(roundMeta.tableName).insert(rows);
    const count = Math.min(done + batch, targets.length);
    if (count % 1000 < batch || count === targets.length) log(`  rounds ${count}/${targets.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

/**
 * Where the time goes, in this process without HTTP (medians of 9): the scope computation behind
 * every scoped request, and workflow.tasks() for the first page (the database selects the rows).
 */
async function serviceBreakdown(app, users) {
  const time = async (work, n = 9) => {
    const ms = [];
    for (let i = 0; i < n; i++) {
      const started = process.hrtime.bigint();
      await work();
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return median(ms);
  };
  const membership = app.plugin('disclosure-workflow').service('membership');
  const wf = app.plugin('disclosure-workflow').service('workflow');
  await wf.tasks(users.reviewer.id); // warm-up
  const result = {
    scopeOfAuthor: await time(() => membership.coverage({ user: users.author.id })),
    scopeOfReviewer: await time(() => membership.coverage({ user: users.reviewer.id })),
    tasksTotal: await time(() => wf.tasks(users.reviewer.id)),
  };
  const bytes = JSON.stringify(await wf.tasks(users.reviewer.id)).length;
  log(`in-process medians: scope of the author ${result.scopeOfAuthor.toFixed(1)} ms, of the section head ${result.scopeOfReviewer.toFixed(1)} ms; ` +
    `workflow.tasks() (first page) ${result.tasksTotal.toFixed(1)} ms; answer ${(bytes / 1024).toFixed(0)} KiB`);
  return { ...result, tasksBytes: bytes };
}

async function seed(db) {
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false', SCHEDULER_ENABLED: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const knex = app.db.connection;
    const departments = await seedDepartments(app);
    const total = await app.db.query(DEPARTMENT).count();
    if (total !== 40) throw new Error(`expected 40 departments, found ${total}`);
    log(`40 departments (county → 13 bureaus → 26 sections); seeding ${ITEMS} items (a draft and a published row each)`);
    await seedItems(app, ITEMS, log);

    const stamp = Date.now();
    const users = {
      super: await adminUser(app, 'strapi-super-admin', `bench-super-${stamp}@example.gov.cn`),
      author: await adminUser(app, 'gov-author', `bench-author-${stamp}@example.gov.cn`),
      reviewer: await adminUser(app, 'gov-section-head', `bench-reviewer-${stamp}@example.gov.cn`),
    };
    const membership = app.plugin('disclosure-workflow').service('membership');
    await membership.add({ user: users.author.id, department: departments.leaf.documentId, includeSubDepartments: false });
    await membership.add({ user: users.reviewer.id, department: departments.county.documentId, includeSubDepartments: true });
    log(`users: super admin, author (member of ${departments.leaf.name} only), section head (county with sub-departments)`);

    log(`seeding ${OPEN_ROUNDS} rounds in review at 一审 (gov-section-head)`);
    await seedRounds(app, users.author);
    await knex.raw('VACUUM ANALYZE');
    const open = await app.db.query(ROUND).count({ where: { state: 'in_review' } });
    const tasks = await app.plugin('disclosure-workflow').service('workflow').tasks(users.reviewer.id);
    log(`${open} rounds in review; workflow.tasks(section head): ${tasks.pagination.total} waiting, ${tasks.results.length} on the first page`);
    if (tasks.pagination.total !== open) throw new Error(`待办 counts ${tasks.pagination.total} of ${open} open rounds`);
    const breakdown = await serviceBreakdown(app, users);
    const ofLeaf = await app.db.query(ITEM).count({ where: { department: { documentId: departments.leaf.documentId }, publishedAt: null } });
    return { users, department: departments.leaf, ofLeaf, open, serviceTasks: tasks.pagination.total, breakdown };
  } finally {
    await app.destroy();
  }
}

async function login(url, user) {
  const res = await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`login of ${user.email}: ${res.status} ${JSON.stringify(body)}`);
  return { authorization: `Bearer ${body.data.token}` };
}

async function getJson(url, headers) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main() {
  const db = await database(log);
  let server;
  try {
    const seeded = await seed(db);
    server = await startServer({ port: PORT, env: { DATABASE_URL: db.url, SCHEDULER_ENABLED: 'false' }, log });
    const auth = {
      super: await login(server.url, seeded.users.super),
      author: await login(server.url, seeded.users.author),
      reviewer: await login(server.url, seeded.users.reviewer),
    };

    // What each one sees, or the comparison means nothing.
    const list = `${server.url}${LIST_PATH}`;
    const tasksUrl = `${server.url}${TASKS_PATH}`;
    const asSuper = await getJson(list, auth.super);
    const asAuthor = await getJson(list, auth.author);
    const foreign = asAuthor.results.filter((r) => r.department?.documentId !== seeded.department.documentId);
    log(`list as super admin: ${asSuper.results.length} rows of ${asSuper.pagination.total}; as the author: ${asAuthor.results.length} rows of ${asAuthor.pagination.total}, ${foreign.length} outside the author's department`);
    if (asSuper.pagination.total !== ITEMS || asAuthor.pagination.total !== seeded.ofLeaf || foreign.length) throw new Error('unexpected list totals or scope');
    const tasksBody = await getJson(tasksUrl, auth.reviewer);
    const taskRows = Array.isArray(tasksBody) ? tasksBody : tasksBody.data;
    log(`待办 as the section head: ${taskRows.length} rows on page 1 of ${tasksBody.meta.pagination.total} waiting (${seeded.open} rounds open), ${(JSON.stringify(tasksBody).length / 1024).toFixed(0)} KiB`);

    const targets = { scoped: auth.author, super: auth.super };
    for (const headers of Object.values(targets)) await load(list, { headers, connections: CONNECTIONS, duration: 2 }); // warm-up
    await load(tasksUrl, { headers: auth.reviewer, connections: 1, duration: 2 });

    // 1. The list: per round, one user at a time (1 connection: what a user waits) and under load
    //    (CONNECTIONS: throughput); which user goes first alternates by round.
    const single = { scoped: [], super: [] };
    const loaded = { scoped: [], super: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 ? ['scoped', 'super'] : ['super', 'scoped'];
      for (const name of order) {
        const one = await load(list, { headers: targets[name], connections: 1, duration: DURATION });
        const many = await load(list, { headers: targets[name], connections: CONNECTIONS, duration: DURATION });
        if (one.errors || many.errors) throw new Error(`${name}: ${one.errors + many.errors} failed requests`);
        single[name].push(one);
        loaded[name].push(many);
        log(`round ${round}/${ROUNDS} list ${name.padEnd(6)} 1 conn: median ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms | ${CONNECTIONS} conns: ${many.rps.toFixed(0)} req/s, p95 ${many.p95.toFixed(1)} ms`);
      }
    }
    // 2. 待办: one reviewer at a time, the latency of every request, in ROUNDS runs; beside it, as
    //    the floor every admin request of this user pays (JWT, session, user and RBAC ability with the
    //    department condition, routing), GET /disclosure-workflow/settings, a constant answer.
    const tasks = [];
    const floor = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await load(tasksUrl, { headers: auth.reviewer, connections: 1, duration: DURATION });
      const f = await load(`${server.url}${FLOOR_PATH}`, { headers: auth.reviewer, connections: 1, duration: Math.max(2, DURATION / 2) });
      if (r.errors || f.errors) throw new Error(`tasks: ${r.errors + f.errors} failed requests`);
      tasks.push(r);
      floor.push(f);
      log(`round ${round}/${ROUNDS} 待办 1 conn: median ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.rps.toFixed(1)} req/s | GET ${FLOOR_PATH}: median ${f.p50.toFixed(1)} ms`);
    }
    const tasksLoaded = await load(tasksUrl, { headers: auth.reviewer, connections: CONNECTIONS, duration: DURATION });
    log(`待办 ${CONNECTIONS} conns: ${tasksLoaded.rps.toFixed(1)} req/s, p95 ${tasksLoaded.p95.toFixed(1)} ms`);

    const m = (runs, key) => median(runs.map((r) => r[key]));
    const result = {
      at: new Date().toISOString(),
      items: ITEMS,
      departments: 40,
      openRounds: seeded.open,
      tasksReturned: taskRows.length,
      rounds: ROUNDS,
      durationS: DURATION,
      connections: CONNECTIONS,
      list: {
        path: LIST_PATH,
        scoped: { median: m(single.scoped, 'p50'), p95: m(single.scoped, 'p95'), rps: m(loaded.scoped, 'rps'), loadedP95: m(loaded.scoped, 'p95') },
        super: { median: m(single.super, 'p50'), p95: m(single.super, 'p95'), rps: m(loaded.super, 'rps'), loadedP95: m(loaded.super, 'p95') },
      },
      tasks: { path: TASKS_PATH, median: m(tasks, 'p50'), p95: m(tasks, 'p95'), rps: m(tasks, 'rps'), loadedRps: tasksLoaded.rps, loadedP95: tasksLoaded.p95 },
      floor: { path: FLOOR_PATH, median: m(floor, 'p50'), p95: m(floor, 'p95') },
      inProcess: seeded.breakdown,
    };
    result.list.ratio = result.list.scoped.median / result.list.super.median;
    result.list.throughputRatio = result.list.super.rps / result.list.scoped.rps;
    result.pass = { listRatio: result.list.ratio <= TARGET_RATIO, tasksP95: result.tasks.p95 <= TARGET_TASKS_P95 };

    const ms = (v) => `${v.toFixed(1)} ms`;
    const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
    const { scoped, super: sup } = result.list;
    const rows = [
      [`CM list, author of 1 of 40 departments (${seeded.ofLeaf} items)`, `${ms(scoped.median)} (p95 ${ms(scoped.p95)})`, `${scoped.rps.toFixed(0)} req/s`, '', ''],
      [`CM list, super admin (all ${ITEMS} items)`, `${ms(sup.median)} (p95 ${ms(sup.p95)})`, `${sup.rps.toFixed(0)} req/s`, '', ''],
      ['ratio scoped / super (median latency)', `×${result.list.ratio.toFixed(2)}`, `×${result.list.throughputRatio.toFixed(2)} (super / scoped req/s)`, `≤ ×${TARGET_RATIO}`, verdict(result.pass.listRatio)],
      [`待办, section head, county-wide (${seeded.open} open, page of ${taskRows.length})`, `${ms(result.tasks.median)} (p95 ${ms(result.tasks.p95)})`, `${result.tasks.loadedRps.toFixed(0)} req/s`, `p95 ≤ ${TARGET_TASKS_P95} ms`, verdict(result.pass.tasksP95)],
      [`floor: GET ${FLOOR_PATH}, same user`, `${ms(result.floor.median)} (p95 ${ms(result.floor.p95)})`, '', '', ''],
      ['in process: workflow.tasks(), first page', ms(seeded.breakdown.tasksTotal), '', '', ''],
    ];
    const table = [
      '| measurement | median latency, 1 connection | throughput, ' + CONNECTIONS + ' connections | target | result |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log('');
    log(`${ITEMS} items in 40 departments, ${seeded.open} open rounds, PostgreSQL, ${ROUNDS} interleaved rounds × ${DURATION} s, medians of the rounds:`);
    console.log(table);
    const out = path.join(root, '.tmp', 'bench-tenancy.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ ...result, table }, null, 2));
    log(`results written to ${path.relative(root, out)}`);
    if (!result.pass.listRatio || !result.pass.tasksP95) process.exitCode = 1;
  } finally {
    // Let the last requests autocannon left in flight finish before the server goes.
    await new Promise((r) => setTimeout(r, 3000));
    if (server) server.stop();
    await new Promise((r) => setTimeout(r, 1000));
    db.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { seed, login, PASSWORD, LIST_PATH, TASKS_PATH };
