// Shared benchmark plumbing: a database, Strapi server processes, autocannon rounds, statistics.
const { spawn } = require('child_process');
const path = require('path');
const autocannon = require('autocannon');
const { startThrowawayPostgres } = require('../scripts/pg-throwaway');

const root = path.resolve(__dirname, '..');

async function database(log) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} };
  return startThrowawayPostgres({ database: 'disclosure_bench', log });
}

/** Starts bench/server.js as its own process and resolves once it listens. */
function startServer({ port, env = {}, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', SERVE_ADMIN: 'false', DEMO_DATA: 'false', PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (line.startsWith('READY')) resolve({ child, url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
        else log(`  ${line}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * One autocannon run; p50 and p95 come from every response time, which autocannon does not report
 * exactly. `headers`, e.g. an admin JWT: `{ authorization: 'Bearer …' }`.
 */
function load(url, { connections = 10, duration = 10, headers } = {}) {
  return new Promise((resolve, reject) => {
    const times = [];
    let errors = 0;
    const instance = autocannon({ url, connections, duration, ...(headers ? { headers } : {}) }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: result.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), errors: errors + result.errors + result.non2xx, total: result.requests.total });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status !== 200) errors++;
      times.push(responseTime);
    });
  });
}

/**
 * Inactive staff, one per post and members of one department, and `count` items of it taken through
 * the whole approval chain on an in-process Strapi; returns their documentIds and the staff ids.
 */
async function approvedDocuments(app, count, log, prefix = '基准测试事项') {
  const ITEM = 'api::disclosure-item.disclosure-item';
  const wf = app.plugin('disclosure-workflow').service('workflow');
  const users = {};
  for (const code of ['gov-author', 'gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-publisher']) {
    const role = await app.db.query('admin::role').findOne({ where: { code } });
    users[code] = (await app.service('admin::user').create({ email: `bench-${code}-${Date.now()}@example.gov.cn`, firstname: 'bench', isActive: false, roles: [role.id] })).id;
  }
  const department = await app.documents('api::department.department').create({ data: { name: `基准部门${Date.now()}`, code: `B${Date.now()}` } });
  const membership = app.plugin('disclosure-workflow').service('membership');
  for (const user of Object.values(users)) await membership.add({ user, department: department.documentId });
  const docs = [];
  for (let i = 0; i < count; i++) {
    const doc = await app.documents(ITEM).create({ data: { title: `${prefix} ${i}`, department: department.documentId, formedAt: '2025-06-01', genre: 'notice', summary: '基准', body: '正文'.repeat(100) } });
    const target = { uid: ITEM, documentId: doc.documentId };
    await wf.submit({ ...target, actor: users['gov-author'] });
    await wf.decide({ ...target, actor: users['gov-section-head'], decision: 'approve' });
    await wf.decide({ ...target, actor: users['gov-leader'], decision: 'approve' });
    await wf.signOff({ ...target, actor: users['gov-secrecy-reviewer'], conclusion: 'public' });
    docs.push(doc.documentId);
    if ((i + 1) % 100 === 0) log(`  approved ${i + 1}/${count}`);
  }
  return { docs, users, department };
}

module.exports = { database, startServer, load, median, percentile, root, approvedDocuments };
