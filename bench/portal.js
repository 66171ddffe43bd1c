// npm run bench:portal — the static portal on PostgreSQL (a throwaway cluster unless DATABASE_URL is
// set) with BENCH_ITEMS published items (default 20,000): a full build against one API server
// (pages/s, peak memory; target ≥ 200 pages/s), then one item published through the approval chain
// and the incremental rebuild for it (target ≤ 2 s; files written counted), then Debian's nginx
// (started here on the output folder) serving that item's page against the catalogue lookup API for
// the same item, in the same run (autocannon, BENCH_ROUNDS × BENCH_DURATION s, medians, ratio).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { database, startServer, load, median, root, approvedDocuments } = require('./lib');
const { seedItems } = require('./seed-items');
const { freePort } = require('../scripts/pg-throwaway');

const ITEMS = Number(process.env.BENCH_ITEMS || 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const DURATION = Number(process.env.BENCH_DURATION || 10);
const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const log = (m) => console.log(`[bench] ${m}`);

/** A Strapi loaded in this process on `url`, for seeding and for the publish (destroyed at the end). */
async function loadApp(url) {
  Object.assign(process.env, { DATABASE_URL: url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false', PORTAL_AUTO_BUILD: 'false' });
  const { createStrapi } = require('@strapi/strapi');
  return createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
}

/** Peak resident memory of this process while `work` runs. */
async function peakRss(work) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    return { result: await work(), peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

async function startNginx(folder) {
  if (!fs.existsSync(NGINX)) return null;
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  const config = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    config,
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\ndaemon off;\nevents { worker_connections 1024; }\n` +
      `http { include /etc/nginx/mime.types; access_log off; sendfile on; tcp_nopush on;\n` +
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n` +
      `  server { listen 127.0.0.1:${port}; root ${folder}; index index.html; location / { try_files $uri $uri/ =404; } } }\n`,
  );
  const child = spawn(NGINX, ['-c', config, '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 50; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then(() => true).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

(async () => {
  const db = await database(log);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-portal-'));
  fs.chmodSync(out, 0o755); // nginx's workers (nobody) read it
  let server;
  let nginx;
  let app;
  try {
    app = await loadApp(db.url);
    const { seedDemoData } = require('../dist/src/bootstrap/demo-data');
    await seedDemoData(app, { items: 0 });
    await seedItems(app, ITEMS, log);
    const { docs } = await approvedDocuments(app, 1, log, '门户基准新发布事项');
    server = await startServer({ port: await freePort(), env: { DATABASE_URL: db.url }, log });
    const { buildPortal } = require('../dist/src/portal/build');
    let shown = 0;
    const quiet = (m) => {
      if (/^done|^items listed|^item pages/.test(m) && (m.startsWith('done') || Date.now() - shown > 5000)) {
        shown = Date.now();
        log(`[portal] ${m}`);
      }
    };

    log(`full build of the portal for ${ITEMS} items from ${server.url}`);
    const full = await peakRss(() => buildPortal({ api: server.url, out, log: quiet }));

    log('publishing one approved item, then the incremental rebuild for it');
    await app.documents('api::disclosure-item.disclosure-item').publish({ documentId: docs[0] });
    const incremental = await buildPortal({ api: server.url, out, changed: docs, log: quiet });
    const item = await (await fetch(`${server.url}/api/catalogue?pageSize=1&sort=publishedDate:desc`)).json();
    const indexNumber = item.data[0].indexNumber;
    const { itemFile, itemHref } = require('../dist/src/portal/site');
    if (!fs.existsSync(path.join(out, itemFile(indexNumber)))) throw new Error(`the published item's page ${itemFile(indexNumber)} is missing`);

    nginx = await startNginx(out);
    const serving = {};
    if (nginx) {
      const targets = { 'nginx: the item page': `${nginx.url}${itemHref(indexNumber)}`, 'CMS: GET /api/catalogue/lookup': `${server.url}/api/catalogue/lookup?indexNumber=${encodeURIComponent(indexNumber)}` };
      for (const [name, url] of Object.entries(targets)) {
        const res = await fetch(url);
        if (res.status !== 200) throw new Error(`${name}: ${url} answered ${res.status}`);
        await load(url, { duration: 3 });
      }
      for (const name of Object.keys(targets)) serving[name] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [name, url] of Object.entries(targets)) {
          const r = await load(url, { duration: DURATION });
          serving[name].push(r);
          log(`round ${round}/${ROUNDS} ${name.padEnd(34)} ${r.rps.toFixed(0)} req/s  p95 ${r.p95.toFixed(1)} ms (${r.errors} errors)`);
        }
      }
    } else log(`${NGINX} not found: the serving comparison is skipped (apt-get install nginx-light)`);

    console.log('');
    log(`items: ${ITEMS}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
    console.log('| build | files | written | items read | seconds | pages/s | peak RSS | target |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---|');
    const f = full.result;
    console.log(`| full | ${f.written} | ${f.rewritten} | ${f.rendered} | ${f.seconds.toFixed(1)} | ${(f.written / f.seconds).toFixed(0)} | ${(full.peak / 1048576).toFixed(0)} MB | ≥ 200 pages/s: ${f.written / f.seconds >= 200 ? 'met' : 'missed'} |`);
    const i = incremental;
    console.log(`| incremental, one item published | ${i.written} | ${i.rewritten} | ${i.rendered} | ${i.seconds.toFixed(2)} | | | ≤ 2 s: ${i.seconds <= 2 ? 'met' : 'missed'} |`);
    if (nginx) {
      const [page, api] = Object.values(serving).map((rs) => ({ rps: median(rs.map((r) => r.rps)), p95: median(rs.map((r) => r.p95)) }));
      console.log('');
      console.log('| serving the same item | req/s | p95 ms |');
      console.log('|---|---:|---:|');
      for (const [name, v] of Object.entries({ 'nginx: static page': page, 'CMS: catalogue lookup API': api })) console.log(`| ${name} | ${v.rps.toFixed(0)} | ${v.p95.toFixed(1)} |`);
      console.log(`| ratio nginx / API | ×${(page.rps / api.rps).toFixed(1)} | |`);
    }
  } finally {
    if (nginx) nginx.stop();
    if (server) server.stop();
    if (app) await app.destroy();
    fs.rmSync(out, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
